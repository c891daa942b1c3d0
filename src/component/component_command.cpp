#include "component/component_command.h"

#include <filesystem>
#include <optional>

#include "adapt_error.h"
#include "yaml/yaml_source.h"
#include "text/ascii.h"

namespace hydra_adapt {
namespace {

// The word's text when it is one literal text, and nothing when it holds a placeholder.
std::optional<std::string_view> literal_text(const ComponentWord& word) {
  if (word.pieces.size() != 1) return std::nullopt;
  const auto* text = std::get_if<std::string>(&word.pieces.front());
  return text ? std::optional<std::string_view>(*text) : std::nullopt;
}

std::optional<std::string_view> literal_text(const YAML::Node& word) {
  return word.IsScalar() ? std::optional<std::string_view>(word.Scalar()) : std::nullopt;
}

YAML::Mark mark_of(const ComponentWord& word) { return word.mark; }
YAML::Mark mark_of(const YAML::Node& word) { return word.Mark(); }

template <typename Word>
ComponentCommand split_words(const std::vector<Word>& words, const std::string& source) {
  ComponentCommand command;
  const std::optional<std::string_view> first = words.empty() ? std::nullopt : literal_text(words.front());
  command.through_tool = first && is_tool_path(*first);
  if (command.through_tool) {
    // hydra-adapt's own options end at its first "--"; PROGRAM follows.
    std::size_t dash_dash = 1;
    while (dash_dash < words.size() && shape_of(words[dash_dash]) != WordShape::kDashDash) ++dash_dash;
    if (dash_dash + 1 >= words.size()) {
      throw AdaptError(yaml_spot(source, mark_of(words.front())) + "the command runs " + std::string(*first) +
                       " but names no -- PROGRAM after it; write [" + std::string(*first) + ", --, PROGRAM, ...]");
    }
    command.program = dash_dash + 1;
  }
  // As for the words after the tool's "--", PROGRAM is never an incoming arg. Without the tool
  // the first word may be an arg too: a container with no command runs the image's ENTRYPOINT.
  const std::size_t search_from = command.through_tool ? command.program + 1 : 0;
  const SplitPoint split = find_split(words.size(), search_from, [&](std::size_t i) { return shape_of(words[i]); });
  command.program_end = split.program_end;
  command.incoming = split.incoming_begin;
  return command;
}

}  // namespace

bool is_tool_path(std::string_view word) { return std::filesystem::path(word).filename() == "hydra-adapt"; }

WordShape shape_of(const ComponentWord& word) {
  const auto* leading = word.pieces.empty() ? nullptr : std::get_if<std::string>(&word.pieces.front());
  if (!leading) return WordShape::kOther;
  if (word.pieces.size() > 1) return starts_with(*leading, "--") ? WordShape::kFlag : WordShape::kOther;
  return word_shape(*leading);
}

WordShape shape_of(const YAML::Node& word) {
  if (word.IsScalar()) return word_shape(word.Scalar());
  if (!word.IsMap() || word.size() != 1) return WordShape::kOther;
  const std::string kind = word.begin()->first.Scalar();
  const YAML::Node argument = word.begin()->second;
  if (kind == "concat" && argument.IsSequence() && argument.size() > 0) {
    const WordShape first = shape_of(argument[0]);
    return first == WordShape::kOther || argument.size() == 1 ? first : WordShape::kFlag;
  }
  if (kind == "if") {
    for (const char* branch : {"then", "else"}) {
      const YAML::Node words = yaml_field(argument, branch);
      if (words.IsSequence() && words.size() > 0) return shape_of(words[0]);
    }
  }
  return WordShape::kOther;
}

ComponentCommand split_component_command(const std::vector<ComponentWord>& words, const std::string& source) {
  return split_words(words, source);
}

ComponentCommand split_component_command(const std::vector<YAML::Node>& words, const std::string& source) {
  return split_words(words, source);
}

}  // namespace hydra_adapt
