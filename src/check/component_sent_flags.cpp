#include "check/component_sent_flags.h"

#include <optional>
#include <set>

#include "component/component_command.h"
#include "component/component_flags.h"
#include "component/component_format.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {
namespace {

// A value of the type a placeholder without a default declares, one that tells the types
// apart: an Integer input fits an int or a float key, a Float input with a fraction an int key
// not. Other types are left to their names: any text may come.
std::optional<SentValue> value_of_type(const PlaceholderValue& placeholder, std::size_t line) {
  const std::string what = "a value of input '" + placeholder.input + "'";
  switch (placeholder.type) {
    case ValueType::kInt:
      return SentValue{"1", line, what};
    case ValueType::kFloat:
      return SentValue{"0.5", line, what};
    case ValueType::kBool:
      return SentValue{"true", line, what};
    default:
      return std::nullopt;
  }
}

// The value one word sends: its text, with each placeholder's default in its place; a lone
// placeholder without one sends a value of its type.
std::optional<SentValue> sent_value(const ComponentWord& word) {
  const std::size_t line = line_of(word.mark);
  std::string text;
  std::string what = "a constant";
  for (const auto& piece : word.pieces) {
    if (const auto* constant = std::get_if<std::string>(&piece)) {
      text += *constant;
      continue;
    }
    const auto& placeholder = std::get<PlaceholderValue>(piece);
    if (!placeholder.default_text) return word.pieces.size() == 1 ? value_of_type(placeholder, line) : std::nullopt;
    text += *placeholder.default_text;
    what = "the default of input '" + placeholder.input + "'";
  }
  return SentValue{text, line, what};
}

}  // namespace

SourceFlags component_sent_flags(const std::string& text, const std::string& file, const std::string& executor) {
  const YamlTree tree = YamlTree::parse(text, file);
  const std::vector<ComponentWord> words = component_words(tree.root(), file, executor);
  // A spec the run refuses (a name that is no Hydra key, a flag declared twice with two types)
  // is refused here too.
  component_flags(words, file);
  SourceFlags source{file, "component", {}};
  std::set<std::string> declared;
  for (const FlagWords& flag : component_flag_words(words, split_component_command(words, file), file)) {
    // The run types a flag declared again by its first declaration; that one is checked.
    if (!declared.insert(flag.name).second) continue;
    SentFlag sent{flag.name, line_of(words[flag.begin].mark), flag.values.empty(), {}};
    // A flag of several values is sent whole or not at all: its values are checked together.
    if (flag.values.size() == 1) {
      if (auto value = sent_value(flag.values.front())) sent.values.push_back(std::move(*value));
    }
    source.flags.push_back(std::move(sent));
  }
  return source;
}

}  // namespace hydra_adapt
