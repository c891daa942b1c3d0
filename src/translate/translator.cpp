#include "translate/translator.h"

#include <filesystem>
#include <set>

#include "adapt_error.h"
#include "args/incoming_args.h"
#include "translate/exec_limits.h"
#include "translate/nearest_flag.h"
#include "translate/placeholder.h"
#include "values/hydra_key.h"
#include "values/typed_value.h"
#include "values/value_error.h"

namespace hydra_adapt {
namespace {

std::string described_value(const std::string& value, bool secret) {
  return secret ? "(secret, not shown)" : quote_for_message(value);
}

class Translator {
 public:
  Translator(const Schema& schema, UnknownPolicy unknown) : schema_(schema), unknown_(unknown) {}

  Translation run(const ProgramSplit& split) {
    translation_.argv = split.program;
    translation_.program_word_count = split.program.size();
    translation_.split_rule = split.rule;
    const auto is_declared = [this](std::string_view name) { return schema_.find(name) != nullptr; };
    for (const IncomingArg& arg : split_incoming_args(split.incoming, is_declared)) {
      reject_placeholders(arg);
      if (arg.kind == IncomingArg::Kind::kFlag) {
        translate_flag(arg);
      } else {
        const auto origin =
            arg.kind == IncomingArg::Kind::kOverride ? Mapping::Origin::kOverride : Mapping::Origin::kHydraFlag;
        add_mapping({origin, arg.words.front(), "", "", false}, arg.words);
      }
    }
    check_required_flags();
    return std::move(translation_);
  }

 private:
  void translate_flag(const IncomingArg& arg) {
    const std::string flag = "--" + arg.name;
    if (const FlagSpec* spec = schema_.find(arg.name)) {
      seen_.insert(arg.name);
      const std::string word = spec->key + "=" + declared_value(*spec, arg.value);
      add_mapping({Mapping::Origin::kSchema, flag, spec->key, std::string(value_type_name(spec->type)), spec->secret},
                  {word});
      if (spec->type == ValueType::kOutputPath) add_folder(flag, *arg.value, spec->secret);
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

  std::string declared_value(const FlagSpec& spec, const std::optional<std::string>& value) const {
    const std::string flag = "--" + spec.name;
    if (!value) {
      if (spec.type == ValueType::kBool) return "true";
      throw AdaptError(flag + ": missing value; write " + flag + " VALUE or " + flag + "=VALUE (type " +
                       std::string(value_type_name(spec.type)) + ")");
    }
    try {
      return render_typed_value(spec.type, *value);
    } catch (const ValueError& error) {
      throw AdaptError(flag + ": the value " + described_value(*value, spec.secret) + " " + error.what() +
                       "; fix the value or the flag's type in the schema");
    }
  }

  void add_folder(const std::string& flag, const std::string& path, bool secret) {
    // A URI (gs://...) names no local folder; FUSE mounts such as /gcs/ are plain paths.
    if (path.find("://") != std::string::npos) return;
    const std::string parent = std::filesystem::path(path).parent_path().string();
    if (!parent.empty()) translation_.folders.push_back({flag, parent, secret});
  }

  void add_mapping(Mapping mapping, const std::vector<std::string>& words) {
    mapping.first_word = translation_.argv.size();
    mapping.word_count = words.size();
    for (const std::string& word : words) {
      check_word_fits(word, mapping.incoming);
      translation_.argv.push_back(word);
    }
    translation_.mappings.push_back(std::move(mapping));
  }

  void reject_placeholders(const IncomingArg& arg) const {
    std::vector<std::string_view> texts(arg.words.begin(), arg.words.end());
    if (arg.value) texts.push_back(*arg.value);
    for (const std::string& word : arg.words) {
      const std::size_t equals = word.find('=');
      if (equals != std::string::npos) texts.push_back(std::string_view(word).substr(equals + 1));
    }
    const FlagSpec* spec = arg.kind == IncomingArg::Kind::kFlag ? schema_.find(arg.name) : nullptr;
    for (const std::string_view text : texts) {
      if (!is_unsubstituted_placeholder(text)) continue;
      const std::string origin =
          arg.kind == IncomingArg::Kind::kFlag ? "--" + arg.name : quote_for_message(arg.words.front());
      throw AdaptError(origin + ": " + described_value(std::string(text), spec != nullptr && spec->secret) +
                       " is a pipeline placeholder the platform did not substitute; check that the component's "
                       "input is connected and the placeholder is spelled as the platform expects");
    }
  }

  std::string unknown_flag_message(const std::string& name) const {
    std::vector<std::string> known;
    for (const FlagSpec& spec : schema_.flags) known.push_back(spec.name);
    std::string message = "unknown flag --" + name;
    if (const auto nearest = nearest_flag(name, known)) message += " (did you mean --" + *nearest + "?)";
    constexpr std::size_t kListedFlags = 20;
    message += "; known flags:";
    for (std::size_t i = 0; i < known.size() && i < kListedFlags; ++i) message += " --" + known[i];
    if (known.size() > kListedFlags) message += " and " + std::to_string(known.size() - kListedFlags) + " more";
    if (known.empty()) message += " none";
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

  const Schema& schema_;
  UnknownPolicy unknown_;
  Translation translation_;
  std::set<std::string> seen_;
};

}  // namespace

std::string_view origin_name(Mapping::Origin origin) {
  switch (origin) {
    case Mapping::Origin::kSchema:
      return "schema";
    case Mapping::Origin::kAuto:
      return "auto";
    case Mapping::Origin::kPass:
      return "pass";
    case Mapping::Origin::kHydraFlag:
      return "hydra-flag";
    case Mapping::Origin::kOverride:
      return "override";
  }
  return "?";
}

Translation translate(const Schema& schema, const ProgramSplit& split, UnknownPolicy unknown) {
  return Translator(schema, unknown).run(split);
}

}  // namespace hydra_adapt
