#include "translate/translator.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "adapt_error.h"
#include "args/hydra_flags.h"
#include "args/incoming_args.h"
#include "schema/flag_resolver.h"
#include "translate/exec_limits.h"
#include "translate/executor_input.h"
#include "translate/gcs_fuse.h"
#include "translate/nearest_flag.h"
#include "translate/placeholder.h"
#include "values/hydra_key.h"
#include "values/typed_value.h"
#include "values/value_error.h"

namespace hydra_adapt {
namespace {

// Hydra merges an object into the dict already at the key, and in struct mode refuses keys
// the default lacks. Setting the key to null first makes the program receive exactly the
// object. A "+" key is new by definition, and "+key=null" would fail where it exists.
std::vector<std::string> override_words(const FlagSpec& spec, const std::string& value) {
  const std::string word = spec.key + "=" + value;
  const bool replaces_object = spec.type == ValueType::kJson && value.front() == '{';
  if (!replaces_object || split_override_key(spec.key).prefix == "+") return {word};
  return {spec.key + "=null", word};
}

// Hydra's argparse reads overrides as one contiguous run of positionals ("a=1 -cn x b=2"
// fails on b=2), so its own flags, and flags passed on as they came, go before them; except a
// bare --info, which would take the next override for its optional topic, and so goes last.
int word_group(const Mapping& mapping, const std::vector<std::string>& words) {
  enum { kOptions, kOverrides, kLast };
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
    for (const FlagSpec& spec : schema.flags) declared_.emplace(spec.name, &spec);
  }

  Translation run(const ProgramSplit& split, const Environment& environment) {
    for (const EnvSpec& env : schema_.env) translate_variable(env, environment);
    translation_.argv = split.program;
    translation_.program_word_count = split.program.size();
    translation_.split_rule = split.rule;
    const auto declared_values = [this](std::string_view name) -> std::size_t {
      const FlagSpec* spec = declared(name);
      return spec ? spec->value_count() : 0;
    };
    for (const IncomingArg& arg : split_incoming_args(split.incoming, declared_values)) {
      reject_placeholders(arg);
      if (is_executor_input(arg)) {
        translate_executor_input(arg);
      } else if (arg.kind == IncomingArg::Kind::kFlag) {
        translate_flag(arg, "--" + arg.name);
      } else {
        const auto origin =
            arg.kind == IncomingArg::Kind::kOverride ? Mapping::Origin::kOverride : Mapping::Origin::kHydraFlag;
        add_mapping({origin, arg.words.front(), "", "", false}, arg.words);
      }
    }
    check_required_flags();
    lay_out_words();
    return std::move(translation_);
  }

 private:
  // `flag` names the arg in the report and in messages: "--lr", or "--executor_input:lr".
  void translate_flag(const IncomingArg& arg, const std::string& flag) {
    if (const FlagSpec* spec = declared(arg.name)) {
      seen_.insert(arg.name);
      const auto origin = spec->rule.empty() ? Mapping::Origin::kSchema : Mapping::Origin::kHydraConfig;
      add_mapping({origin, flag, spec->key, flag_type_name(*spec), spec->secret, spec->rule},
                  override_words(*spec, declared_values(*spec, arg, flag)));
      return;
    }
    switch (unknown_) {
      case UnknownPolicy::kError:
        throw AdaptError(unknown_flag_message(arg.name));
      case UnknownPolicy::kPass:
        add_mapping({Mapping::Origin::kPass, flag, "", "", false}, arg.words);
        return;
      case UnknownPolicy::kAuto: {
        const std::string key = key_for_flag(arg.name, schema_.hyphens_to_underscores);
        if (!is_addressable_key(key)) {
          throw AdaptError(flag + ": '" + key + "' is not a Hydra key; declare the flag in a schema with a key");
        }
        const AutoValue value = arg.value ? render_auto_value(*arg.value) : AutoValue{"bool", "true"};
        add_mapping({Mapping::Origin::kAuto, flag, key, std::string(value.type), false}, {key + "=" + value.text});
        return;
      }
    }
  }

  // KFP calls lightweight components with `--executor_input {{$}}`; unless the schema declares
  // that flag itself, its values are taken as if each came as its own flag.
  bool is_executor_input(const IncomingArg& arg) const {
    return arg.kind == IncomingArg::Kind::kFlag && arg.name == "executor_input" && !declared(arg.name);
  }

  void translate_executor_input(const IncomingArg& arg) {
    if (!arg.value) throw AdaptError("--executor_input: missing value; write --executor_input JSON");
    for (const ExecutorValue& value : executor_input_values(*arg.value)) {
      translate_flag({IncomingArg::Kind::kFlag, value.name, value.text, {"--" + value.name, value.text}},
                     "--executor_input:" + value.name);
    }
  }

  void translate_variable(const EnvSpec& env, const Environment& environment) {
    const auto found = environment.find(env.variable);
    // As for hydra-adapt's own variables, empty counts as unset: a job cannot unset a variable
    // its image sets, only empty it.
    if (found == environment.end() || found->second.empty()) return;
    const std::string origin = "$" + env.variable;
    const std::string value = env.gcs_fuse ? gcs_fuse_path(found->second) : found->second;
    FlagSpec spec;
    spec.key = env.key;
    spec.type = env.type;
    spec.secret = env.secret;
    const std::string rendered = declared_value(origin, spec, spec.type, value);
    if (spec.type == ValueType::kOutputPath) add_folder(origin, value, spec.secret);
    add_mapping({Mapping::Origin::kEnv, origin, spec.key, flag_type_name(spec), spec.secret},
                override_words(spec, rendered));
  }

  // The right side of `key=`: one value, or a Hydra list for a flag that takes several.
  std::string declared_values(const FlagSpec& spec, const IncomingArg& arg, const std::string& flag) {
    if (spec.list_types.empty()) {
      const std::string rendered = declared_value(flag, spec, spec.type, arg.value);
      if (spec.type == ValueType::kOutputPath) add_folder(flag, *arg.value, spec.secret);
      return rendered;
    }
    std::vector<std::string> values(arg.more_values);
    if (arg.value) values.insert(values.begin(), *arg.value);
    if (values.size() != spec.list_types.size()) {
      throw AdaptError(flag + ": takes " + std::to_string(spec.list_types.size()) + " values " + flag_type_name(spec) +
                       ", got " + std::to_string(values.size()) + "; write " + flag + " VALUE1 VALUE2 ...");
    }
    std::string list = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
      list += (i == 0 ? "" : ", ") + declared_value(flag, spec, spec.list_types[i], values[i]);
      if (spec.list_types[i] == ValueType::kOutputPath) add_folder(flag, values[i], spec.secret);
    }
    return list + "]";
  }

  // `origin` names where the value came from in messages: "--lr" or "$AIP_MODEL_DIR".
  std::string declared_value(const std::string& origin, const FlagSpec& spec, ValueType type,
                             const std::optional<std::string>& value) const {
    if (!value) {
      if (type == ValueType::kBool || type == ValueType::kAuto) return "true";  // a bare --flag, as zero-config
      throw AdaptError(origin + ": missing value; write " + origin + " VALUE or " + origin + "=VALUE (type " +
                       std::string(value_type_name(type)) + ")");
    }
    if (value->empty() && spec.nullable && !is_text_type(type)) return "null";
    try {
      return render_typed_value(type, *value);
    } catch (const ValueError& error) {
      // The reason can quote part of the value (a JSON key), so a secret gets none.
      const std::string reason =
          spec.secret ? "is not a valid " + std::string(value_type_name(type)) : std::string(error.what());
      const std::string owner = origin.front() == '$' ? "variable's" : "flag's";
      throw AdaptError(origin + ": the value " + describe_value(*value, spec.secret) + " " + reason +
                       "; fix the value or the " + owner + " type in the schema");
    }
  }

  void add_folder(const std::string& flag, const std::string& path, bool secret) {
    // A URI (gs://...) names no local folder; FUSE mounts such as /gcs/ are plain paths.
    if (path.find("://") != std::string::npos) return;
    const std::string parent = std::filesystem::path(path).parent_path().string();
    if (parent.empty()) return;
    // The values of one flag often share a folder (--output-paths /out/a /out/b).
    auto& folders = translation_.folders;
    const bool listed = std::any_of(folders.begin(), folders.end(), [&](const FolderToCreate& folder) {
      return folder.flag == flag && folder.folder == parent;
    });
    if (!listed) folders.push_back({flag, parent, secret});
  }

  void add_mapping(Mapping mapping, std::vector<std::string> words) {
    for (const std::string& word : words) check_word_fits(word, mapping.incoming);
    mapping.word_count = words.size();
    pending_.push_back({std::move(mapping), std::move(words)});
  }

  void lay_out_words() {
    std::stable_sort(pending_.begin(), pending_.end(), [](const PendingMapping& a, const PendingMapping& b) {
      return word_group(a.mapping, a.words) < word_group(b.mapping, b.words);
    });
    for (PendingMapping& pending : pending_) {
      pending.mapping.first_word = translation_.argv.size();
      translation_.argv.insert(translation_.argv.end(), pending.words.begin(), pending.words.end());
      translation_.mappings.push_back(std::move(pending.mapping));
    }
  }

  void reject_placeholders(const IncomingArg& arg) const {
    // Every value is one of the words, or the part of a word after its '='.
    std::vector<std::string_view> texts(arg.words.begin(), arg.words.end());
    for (const std::string& word : arg.words) {
      const std::size_t equals = word.find('=');
      if (equals != std::string::npos) texts.push_back(std::string_view(word).substr(equals + 1));
    }
    const FlagSpec* spec = arg.kind == IncomingArg::Kind::kFlag ? declared(arg.name) : nullptr;
    for (const std::string_view text : texts) {
      if (!is_unsubstituted_placeholder(text)) continue;
      const std::string origin =
          arg.kind == IncomingArg::Kind::kFlag ? "--" + arg.name : quote_for_message(arg.words.front());
      throw AdaptError(origin + ": " + describe_value(text, spec != nullptr && spec->secret) +
                       " is a pipeline placeholder the platform did not substitute; check that the component's "
                       "input is connected and the placeholder is spelled as the platform expects");
    }
  }

  std::string unknown_flag_message(const std::string& name) const {
    std::vector<std::string> known;
    for (const FlagSpec& spec : schema_.flags) known.push_back(spec.name);
    std::string message = "unknown flag --" + name;
    auto nearest = nearest_flag(name, known);
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
  const FlagSpec* declared(std::string_view name) const {
    const auto found = declared_.find(name);
    if (found != declared_.end()) return found->second;
    if (!schema_.resolver) return nullptr;
    std::optional<FlagSpec> spec = schema_.resolver->resolve(name);
    if (!spec) return nullptr;
    const FlagSpec& kept = resolved_.emplace_back(std::move(*spec));
    declared_.emplace(kept.name, &kept);
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
  mutable std::unordered_map<std::string_view, const FlagSpec*> declared_;
  mutable std::deque<FlagSpec> resolved_;  // a deque never moves its elements, which declared_ points to
  std::unordered_set<std::string> seen_;
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
                      const Environment& environment) {
  return Translator(schema, unknown).run(split, environment);
}

}  // namespace hydra_adapt
