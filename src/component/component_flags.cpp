#include "component/component_flags.h"

#include <algorithm>
#include <map>

#include "adapt_error.h"
#include "component/component_command.h"
#include "values/hydra_key.h"
#include "values/typed_value.h"
#include "yaml/yaml_source.h"

namespace hydra_adapt {
namespace {

// A word that starts a flag; a lone "--" among the incoming args too, which flag_name refuses.
bool starts_flag(const ComponentWord& word) { return shape_of(word) != WordShape::kOther; }

bool holds_placeholder(const ComponentWord& word) {
  for (const auto& piece : word.pieces) {
    if (std::holds_alternative<PlaceholderValue>(piece)) return true;
  }
  return false;
}

// A constant keeps the type its text reads as, so `--epochs 10` stays an int.
ValueType constant_type(const std::string& text) {
  return value_type_from_name(render_auto_value(text).type).value_or(ValueType::kStr);
}

ValueType value_type_of(const ComponentWord& word) {
  if (word.pieces.size() == 1) {
    if (const auto* placeholder = std::get_if<PlaceholderValue>(&word.pieces.front())) return placeholder->type;
    return constant_type(std::get<std::string>(word.pieces.front()));
  }
  // A path with text after it ("{outputPath: m}/model.pt") names a file under that path.
  const auto* first = std::get_if<PlaceholderValue>(&word.pieces.front());
  if (first && (first->type == ValueType::kPath || first->type == ValueType::kOutputPath)) return first->type;
  return ValueType::kStr;
}

// Whether the platform always passes a value for the flag.
bool always_given(const ComponentWord& flag_word, const std::vector<ComponentWord>& values) {
  if (flag_word.conditional()) return false;
  bool any_placeholder = false;
  for (const ComponentWord& value : values) {
    for (const auto& piece : value.pieces) {
      const auto* placeholder = std::get_if<PlaceholderValue>(&piece);
      if (!placeholder) continue;
      if (placeholder->optional || value.conditional()) return false;
      any_placeholder = true;
    }
  }
  return any_placeholder;
}

[[noreturn]] void refuse(const std::string& source, const ComponentWord& word, const std::string& problem) {
  throw AdaptError(yaml_spot(source, word.mark) + problem);
}

// The flag's name without its dashes, as a schema names it (kfp's `----output-paths` is
// output-paths, as argparse's dest is output_paths); a value attached with '=' goes into `values`.
std::string flag_name(const ComponentWord& word, std::vector<ComponentWord>& values, const std::string& source) {
  const std::string& text = std::get<std::string>(word.pieces.front());
  const std::size_t equals = text.find('=');
  const std::size_t start = std::min(text.find_first_not_of('-'), std::min(equals, text.size()));
  const std::string name = text.substr(start, equals == std::string::npos ? std::string::npos : equals - start);
  if (name.empty()) refuse(source, word, "'" + text + "' is a flag without a name");
  if (name.find_first_of(" \t\n") != std::string::npos)
    refuse(source, word, "the flag name '" + name + "' holds blanks");
  if (equals == std::string::npos) {
    if (word.pieces.size() > 1) {
      refuse(source, word,
             "--" + name + " runs into a placeholder; write --" + name + "=VALUE or --" + name + " VALUE");
    }
    return name;
  }
  ComponentWord attached = word;
  attached.pieces.erase(attached.pieces.begin());
  const std::string after_equals = text.substr(equals + 1);
  if (!after_equals.empty() || attached.pieces.empty()) attached.pieces.insert(attached.pieces.begin(), after_equals);
  values.push_back(std::move(attached));
  return name;
}

class FlagCollector {
 public:
  explicit FlagCollector(const std::string& source) : source_(source) {}

  std::vector<FlagSpec> collect(const std::vector<ComponentWord>& words) {
    for (const FlagWords& flag : component_flag_words(words, split_component_command(words, source_), source_)) {
      add(words[flag.begin], flag.name, flag.values);
    }
    return std::move(flags_);
  }

 private:
  void add(const ComponentWord& flag_word, const std::string& name, const std::vector<ComponentWord>& values) {
    FlagSpec flag;
    flag.name = name;
    flag.key = key_for_flag(name, true);
    if (!is_addressable_key(flag.key)) {
      fail(flag_word, "--" + name + " is not a Hydra key by itself; map it to a key in a --schema instead");
    }
    flag.required = always_given(flag_word, values);
    flag.nullable = !flag.required;
    for (const ComponentWord& value : values) flag.list_types.push_back(value_type_of(value));
    flag.type = flag.list_types.empty() ? ValueType::kBool : flag.list_types.front();
    if (flag.list_types.size() < 2) flag.list_types.clear();

    const auto [earlier, inserted] = declared_at_.emplace(name, std::make_pair(flags_.size(), flag_word.mark));
    if (inserted) {
      flags_.push_back(std::move(flag));
      return;
    }
    FlagSpec& first = flags_[earlier->second.first];
    if (first.type != flag.type || first.list_types != flag.list_types) {
      fail(flag_word, "--" + name + " is declared again with another type (" + flag_type_name(flag) + " here, " +
                          flag_type_name(first) + " on line " + std::to_string(earlier->second.second.line + 1) +
                          "); give it one type");
    }
    first.required = first.required || flag.required;
    first.nullable = !first.required;
  }

  [[noreturn]] void fail(const ComponentWord& word, const std::string& problem) const {
    refuse(source_, word, problem);
  }

  const std::string& source_;
  std::vector<FlagSpec> flags_;
  std::map<std::string, std::pair<std::size_t, YAML::Mark>> declared_at_;
};

}  // namespace

std::vector<FlagWords> component_flag_words(const std::vector<ComponentWord>& words, const ComponentCommand& command,
                                            const std::string& source) {
  // No flag at all: the component passes its inputs some other way (as Hydra overrides
  // already, or as positional words), which reach the program unchanged.
  if (command.incoming == words.size()) return {};
  for (std::size_t i = command.program; i < command.incoming; ++i) {
    if (holds_placeholder(words[i])) {
      refuse(source, words[i],
             "a placeholder among the program's words, before any --flag; hydra-adapt maps only --flag VALUE args");
    }
  }
  std::vector<FlagWords> flags;
  std::size_t next = command.incoming;
  while (next < words.size()) {
    FlagWords flag;
    flag.begin = next;
    const ComponentWord& flag_word = words[next++];
    if (!starts_flag(flag_word))
      refuse(source, flag_word, "a value with no --flag before it; hydra-adapt maps only --flag VALUE args");
    flag.name = flag_name(flag_word, flag.values, source);
    while (next < words.size() && !starts_flag(words[next])) {
      // An else branch of values is the alternative to the then branch before it, which
      // already gave the flag its values and their types.
      if (words[next].opens_else && !flag.values.empty()) {
        while (next < words.size() && !starts_flag(words[next])) ++next;
        break;
      }
      flag.values.push_back(words[next++]);
    }
    flag.end = next;
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::vector<FlagSpec> component_flags(const std::vector<ComponentWord>& words, const std::string& source) {
  return FlagCollector(source).collect(words);
}

}  // namespace hydra_adapt
