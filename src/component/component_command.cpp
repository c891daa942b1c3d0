#include "component/component_command.h"

#include <filesystem>
#include <optional>

#include "adapt_error.h"
#include "text/ascii.h"
#include "yaml/yaml_source.h"

namespace hydra_adapt {
namespace {

// The word's text when it is one literal text, and nothing when it holds a placeholder.
std::optional<std::string_view> literal_text(const ComponentWord& word) {
  if (word.pieces.size() != 1) return std::nullopt;
  const auto* text = std::get_if<std::string>(&word.pieces.front());
  return text ? std::optional<std::string_view>(*text) : std::nullopt;
}

}  // namespace

bool is_tool_path(std::string_view word) { return std::filesystem::path(word).filename() == "hydra-adapt"; }

WordShape shape_of(const ComponentWord& word) {
  const auto* leading = word.pieces.empty() ? nullptr : std::get_if<std::string>(&word.pieces.front());
  if (!leading) return WordShape::kOther;
  if (word.pieces.size() > 1) return starts_with(*leading, "--") ? WordShape::kFlag : WordShape::kOther;
  return word_shape(*leading);
}

ComponentCommand split_component_command(const std::vector<ComponentWord>& words, const std::string& source) {
  ComponentCommand command;
  const std::optional<std::string_view> first = words.empty() ? std::nullopt : literal_text(words.front());
  command.through_tool = first && is_tool_path(*first);
  if (command.through_tool) {
    // hydra-adapt's own options end at its first "--"; PROGRAM follows.
    std::size_t dash_dash = 1;
    while (dash_dash < words.size() && shape_of(words[dash_dash]) != WordShape::kDashDash) ++dash_dash;
    if (dash_dash + 1 >= words.size()) {
      throw AdaptError(yaml_spot(source, words.front().mark) + "the command runs " + std::string(*first) +
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

}  // namespace hydra_adapt
