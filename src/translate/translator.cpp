#include "translate/translator.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "adapt_error.h"
#include "args/hydra_flags.h"
#include "args/incoming_args.h"
#include "schema/flag_resolver.h"
#include "text/edit_distance.h"
#include "translate/bucket_mount.h"
#include "translate/exec_limits.h"
#include "translate/executor_input.h"
#include "translate/placeholder.h"
#include "translate/value_sources.h"
#include "values/hydra_key.h"
#include "values/typed_value.h"
#include "values/value_error.h"

namespace hydra_adapt {
namespace {

// Hydra merges an object into the dict already at the key, and in struct mode refuses keys
// the default lacks. Setting the key to null first makes the program receive exactly the
// object. A "+" key is new by definition, and "+key=null" would fail where it exists.
std::vector<std::string> override_words(const Target& target, const std::string& value) {
  const std::string word = target.key + "=" + value;
  const bool replaces_object = target.type == ValueType::kJson && value.front() == '{';
  if (!replaces_object || split_override_key(target.key).prefix == "+") return {word};
  return {target.key + "=null", word};
}

// An arg that reaches the program as it came.
Mapping passed_on(Mapping::Origin origin, const std::string& incoming) {
  Mapping mapping;
  mapping.origin = origin;
  mapping.incoming = incoming;
  return mapping;
}

// An arg or variable that reaches `key` as a value of `type`.
Mapping mapped_to(Mapping::Origin origin, const std::string& incoming, const std::string& key, std::string type,
                  bool secret) {
  Mapping mapping = passed_on(origin, incoming);
  mapping.key = key;
  mapping.type = std::move(type);
  mapping.secret = secret;
  return mapping;
}

// Hydra's argparse reads overrides as one contiguous run of positionals ("a=1 -cn x b=2"
// fails on b=2), so its own flags, and flags passed on as they came, go before them; except a
// bare --info, which would take the next override for its optional topic, and so goes last.
enum WordGroup { kOptions, kOverrides, kLast };
WordGroup word_group(const Mapping& mapping, const std::vector<std::string>& words) {
  if (mapping.origin == Mapping::Origin::kPass) return kOptions;
  if (mapping.origin != Mapping::Origin::kHydraFlag) return kOverrides;
  const HydraFlag* flag = find_hydra_flag(words.front());
  const bool bare_optional = flag != nullptr && flag->arity == HydraFlagArity::kOptional && words.size() == 1;
  return bare_optional ? kLast : kOptions;
}

class Translator {
 public:
  Translator(const Schema& schema, UnknownPolicy unknown) : schema_(schema), unknown_(unknown) {
    // One lookup per incoming flag: an index keeps thousands of flags linear.
    for (const FlagSpec& flag : schema.flags) flags_by_name_.emplace(flag.name, &flag);
  }

  Translation run(const ProgramSplit& split, const Environment& environment, const PlatformValueSource& platform) {
    for (const EnvSpec& env : schema_.env) translate_variable(env, environment);
    translation_.argv = split.program;
    translation_.program_word_count = split.program.size();
    translation_.split_rule = split.rule;
    const auto value_count = [this](std::string_view name) -> std::size_t {
      const FlagSpec* flag = declared_flag(name);
      return flag ? flag->value_count() : 0;
    };
    const std::vector<IncomingArg> command_line = split_incoming_args(split.incoming, value_count);
    for (const auto& [arg, origin, from_command_line, json] : ordered_incoming_args(command_line, platform.values)) {
      reject_placeholders(arg, origin);
      if (is_executor_input(arg)) {
        translate_executor_input(arg);
      } else if (arg.kind == IncomingArg::Kind::kFlag) {
        translate_flag(arg, origin, from_command_line ? platform.json_rendering_note : "", json);
      } else {
        const auto passed =
            arg.kind == IncomingArg::Kind::kOverride ? Mapping::Origin::kOverride : Mapping::Origin::kHydraFlag;
        add_mapping(passed_on(passed, origin), arg.words);
      }
    }
    check_required_flags();
    lay_out_words();
    return std::move(translation_);
  }

 private:
  // `flag` names the arg in the report and in messages: "--lr", "--executor_input:lr" or
  // "SM_HPS:lr". `json_note` is added to the error for a value that is not JSON for a json type.
  // `json`: the value typed, as JSON text, when its source knows its type (PlatformValue::json).
  void translate_flag(const IncomingArg& arg, const std::string& flag, const std::string& json_note = "",
                      const std::optional<std::string>& json = std::nullopt) {
    if (const FlagSpec* spec = declared_flag(arg.name)) {
      seen_.insert(spec->name);
      const auto origin = spec->rule.empty() ? Mapping::Origin::kSchema : Mapping::Origin::kHydraConfig;
      Mapping mapping = mapped_to(origin, flag, spec->key, flag_type_name(*spec), spec->secret);
      mapping.rule = spec->rule;
      const std::string value = json == "null" ? "null"
                                : json && spec->type == ValueType::kAuto
                                    ? render_value(flag, *spec, false, ValueType::kJson, *json)
                                    : render_flag_values(*spec, arg, flag, json_note);
      add_mapping(std::move(mapping), override_words(*spec, value));
      return;
    }
    switch (unknown_) {
      case UnknownPolicy::kError:  // a value not from the command line says where it came from
        throw AdaptError((flag == "--" + arg.name ? "" : flag + ": ") + unknown_flag_message(arg.name));
      case UnknownPolicy::kPass:
        add_mapping(passed_on(Mapping::Origin::kPass, flag), arg.words);
        return;
      case UnknownPolicy::kAuto: {
        const std::string key = key_for_flag(arg.name, schema_.hyphens_to_underscores);
        if (!is_addressable_key(key)) {
          throw AdaptError(flag + ": '" + key + "' is not a Hydra key; declare the flag in a schema with a key");
        }
        const AutoValue value = json ? AutoValue{"json", render_value(flag, {}, false, ValueType::kJson, *json)}
                                : arg.values.empty() ? AutoValue{"bool", "true"}
                                                     : render_auto_value(arg.values.front());
        add_mapping(mapped_to(Mapping::Origin::kAuto, flag, key, std::string(value.type), false),
                    {key + "=" + value.text});
        return;
      }
    }
  }

  // KFP calls lightweight components with `--executor_input {{$}}`; unless the schema declares
  // that flag itself, its values are taken as if each came as its own flag.
  bool is_executor_input(const IncomingArg& arg) const {
    return arg.kind == IncomingArg::Kind::kFlag && arg.name == "executor_input" && !declared_flag(arg.name);
  }

  void translate_executor_input(const IncomingArg& arg) {
    if (arg.values.empty()) throw AdaptError("--executor_input: missing value; write --executor_input JSON");
    for (const ExecutorValue& value : executor_input_values(arg.values.front())) {
      IncomingArg as_flag{IncomingArg::Kind::kFlag, value.name, {"--" + value.name, value.text}, {value.text}};
      translate_flag(as_flag, "--executor_input:" + value.name);
    }
  }

  void translate_variable(const EnvSpec& env, const Environment& environment) {
    const auto found = environment.find(env.variable);
    // As for hydra-adapt's own variables, empty counts as unset: a job cannot unset a variable
    // its image sets, only empty it.
    if (found == environment.end() || found->second.empty()) return;
    const std::string origin = "$" + env.variable;
    const std::string value = env.gcs_fuse ? mounted_path(found->second, BucketMounts::kGcsFuse) : found->second;
    const std::string rendered = render_value(origin, env, /*nullable=*/false, env.type, value);
    if (env.type == ValueType::kOutputPath) add_folder(origin, value, env.secret);
    add_mapping(mapped_to(Mapping::Origin::kEnv, origin, env.key, std::string(value_type_name(env.type)), env.secret),
                override_words(env, rendered));
  }

  // The right side of `key=`: one value, or a Hydra list for a flag that takes several.
  std::string render_flag_values(const FlagSpec& spec, const IncomingArg& arg, const std::string& flag,
                                 const std::string& json_note) {
    if (spec.list_types.empty()) {
      if (arg.values.empty()) {
        // A bare --flag is true, as in zero-config.
        if (spec.type == ValueType::kBool || spec.type == ValueType::kAuto) return "true";
        throw AdaptError(flag + ": missing value; write " + flag + " VALUE or " + flag + "=VALUE (type " +
                         std::string(value_type_name(spec.type)) + ")");
      }
      const std::string& value = arg.values.front();
      if (spec.type == ValueType::kOutputPath) add_folder(flag, value, spec.secret);
      return render_value(flag, spec, spec.nullable, spec.type, value, json_note);
    }
    if (arg.values.size() != spec.list_types.size()) {
      throw AdaptError(flag + ": takes " + std::to_string(spec.list_types.size()) + " values " + flag_type_name(spec) +
                       ", got " + std::to_string(arg.values.size()) + "; write " + flag + " VALUE1 VALUE2 ...");
    }
    std::string list = "[";
    for (std::size_t i = 0; i < arg.values.size(); ++i) {
      list +=
          (i == 0 ? "" : ", ") + render_value(flag, spec, spec.nullable, spec.list_types[i], arg.values[i], json_note);
      if (spec.list_types[i] == ValueType::kOutputPath) add_folder(flag, arg.values[i], spec.secret);
    }
    return list + "]";
  }

  // One value as Hydra reads `type`. `origin` names where it came from in messages: "--lr" or
  // "$AIP_MODEL_DIR". `json_note` is added to the error for a value that is not JSON for a json type.
  static std::string render_value(const std::string& origin, const Target& target, bool nullable, ValueType type,
                                  const std::string& value, const std::string& json_note = "") {
    if (value.empty() && nullable && !is_text_type(type)) return "null";
    try {
      return render_typed_value(type, value);
    } catch (const ValueError& error) {
      // The reason can quote part of the value (a JSON key), so a secret gets none.
      const std::string reason =
          target.secret ? "is not a valid " + std::string(value_type_name(type)) : std::string(error.what());
      const std::string owner = origin.front() == '$' ? "variable's" : "flag's";
      const std::string note = type == ValueType::kJson && !json_note.empty() ? "; " + json_note : "";
      throw AdaptError(origin + ": the value " + describe_value(value, target.secret) + " " + reason +
                       "; fix the value or the " + owner + " type in the schema" + note);
    }
  }

  // `flag` names the flag or variable whose value needs the folder.
  void add_folder(const std::string& flag, const std::string& path, bool secret) {
    // A URI (gs://...) names no local folder; FUSE mounts such as /gcs/ are plain paths.
    if (path.find("://") != std::string::npos) return;
    const std::string parent = std::filesystem::path(path).parent_path().string();
    if (parent.empty()) return;
    // Values often share a folder (--output-paths /out/a /out/b, --model /out/m --metrics /out/x).
    auto& folders = translation_.folders;
    const auto listed = std::find_if(folders.begin(), folders.end(),
                                     [&](const FolderToCreate& folder) { return folder.folder == parent; });
    if (listed == folders.end()) {
      folders.push_back({parent, {flag}, secret});
      return;
    }
    if (std::find(listed->flags.begin(), listed->flags.end(), flag) == listed->flags.end())
      listed->flags.push_back(flag);
    listed->secret = listed->secret || secret;
  }

  void add_mapping(Mapping mapping, std::vector<std::string> words) {
    for (const std::string& word : words) check_word_fits(word, mapping.incoming);
    mapping.word_count = words.size();
    pending_.push_back({std::move(mapping), std::move(words)});
  }

  // One pass per group, each in arrival order: a stable sort by group without moving the
  // mappings around.
  void lay_out_words() {
    std::vector<WordGroup> groups;
    groups.reserve(pending_.size());
    std::size_t word_count = translation_.argv.size();
    for (const PendingMapping& pending : pending_) {
      groups.push_back(word_group(pending.mapping, pending.words));
      word_count += pending.words.size();
    }
    translation_.argv.reserve(word_count);
    translation_.mappings.reserve(pending_.size());
    for (const WordGroup group : {kOptions, kOverrides, kLast}) {
      for (std::size_t i = 0; i < pending_.size(); ++i) {
        if (groups[i] != group) continue;
        PendingMapping& pending = pending_[i];
        pending.mapping.first_word = translation_.argv.size();
        std::move(pending.words.begin(), pending.words.end(), std::back_inserter(translation_.argv));
        translation_.mappings.push_back(std::move(pending.mapping));
      }
    }
  }

  void reject_placeholders(const IncomingArg& arg, const std::string& origin) const {
    // Every value is one of the words, or the part of a word after its '='.
    std::vector<std::string_view> texts(arg.words.begin(), arg.words.end());
    for (const std::string& word : arg.words) {
      const std::size_t equals = word.find('=');
      if (equals != std::string::npos) texts.push_back(std::string_view(word).substr(equals + 1));
    }
    const FlagSpec* spec = arg.kind == IncomingArg::Kind::kFlag ? declared_flag(arg.name) : nullptr;
    for (const std::string_view text : texts) {
      if (!is_unsubstituted_placeholder(text)) continue;
      const std::string named = arg.kind == IncomingArg::Kind::kFlag ? origin : quote_for_message(origin);
      throw AdaptError(named + ": " + describe_value(text, spec != nullptr && spec->secret) +
                       " is a pipeline placeholder the platform did not substitute; check that the component's "
                       "input is connected and the placeholder is spelled as the platform expects");
    }
  }

  std::string unknown_flag_message(const std::string& name) const {
    std::vector<std::string> known;
    for (const FlagSpec& spec : schema_.flags) known.push_back(spec.name);
    std::string message = "unknown flag --" + name;
    auto nearest = nearest_name(name, known);
    if (!nearest && schema_.resolver) nearest = schema_.resolver->nearest(name);
    if (nearest) message += " (did you mean --" + *nearest + "?)";
    constexpr std::size_t kListedFlags = 20;
    message += "; known flags:";
    for (std::size_t i = 0; i < known.size() && i < kListedFlags; ++i) message += " --" + known[i];
    if (known.size() > kListedFlags) message += " and " + std::to_string(known.size() - kListedFlags) + " more";
    if (schema_.resolver) {
      message += (known.empty() ? " " : ", and ") + schema_.resolver->known_flags();
    } else if (known.empty()) {
      message += " none";
    }
    return message + ". Declare it in the schema, or set --unknown=pass or --unknown=auto";
  }

  void check_required_flags() const {
    for (const FlagSpec& spec : schema_.flags) {
      if (spec.required && seen_.count(spec.name) == 0) {
        throw AdaptError("missing required flag --" + spec.name + " (for " + spec.key + "); the args must include --" +
                         spec.name + " VALUE");
      }
    }
  }

  // A declared flag, else what the schema's resolver makes of the name (kept, so each name
  // is resolved once).
  const FlagSpec* declared_flag(std::string_view name) const {
    const auto found = flags_by_name_.find(name);
    if (found != flags_by_name_.end()) return found->second;
    if (!schema_.resolver) return nullptr;
    std::optional<FlagSpec> spec = schema_.resolver->resolve(name);
    if (!spec) return nullptr;
    const FlagSpec& kept = resolved_.emplace_back(std::move(*spec));
    flags_by_name_.emplace(kept.name, &kept);
    return &kept;
  }

  struct PendingMapping {
    Mapping mapping;
    std::vector<std::string> words;
  };

  const Schema& schema_;
  UnknownPolicy unknown_;
  Translation translation_;
  std::vector<PendingMapping> pending_;
  mutable std::unordered_map<std::string_view, const FlagSpec*> flags_by_name_;
  mutable std::deque<FlagSpec> resolved_;  // a deque never moves its elements, which flags_by_name_ points to
  std::unordered_set<std::string> seen_;   // the names of the declared flags that came
};

}  // namespace

std::string_view origin_name(Mapping::Origin origin) {
  switch (origin) {
    case Mapping::Origin::kSchema:
      return "schema";
    case Mapping::Origin::kHydraConfig:
      return "hydra-config";
    case Mapping::Origin::kAuto:
      return "auto";
    case Mapping::Origin::kPass:
      return "pass";
    case Mapping::Origin::kHydraFlag:
      return "hydra-flag";
    case Mapping::Origin::kOverride:
      return "override";
    case Mapping::Origin::kEnv:
      return "env";
  }
  return "?";
}

Translation translate(const Schema& schema, const ProgramSplit& split, UnknownPolicy unknown,
                      const Environment& environment, const PlatformValueSource& platform) {
  return Translator(schema, unknown).run(split, environment, platform);
}

}  // namespace hydra_adapt
