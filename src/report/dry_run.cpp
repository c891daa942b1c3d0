#include "report/dry_run.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "report/shell_quote.h"

namespace hydra_adapt {
namespace {

std::vector<std::string> shown_words(const Translation& translation, const Mapping& mapping) {
  if (mapping.secret) return std::vector<std::string>(mapping.word_count, mapping.key + "=***");
  const auto first = translation.argv.begin() + mapping.first_word;
  return {first, first + mapping.word_count};
}

std::string join(const std::vector<std::string>& words, const std::string& separator = " ") {
  std::string joined;
  for (const std::string& word : words) joined += (joined.empty() ? "" : separator) + word;
  return joined;
}

std::string padded(std::string text, std::size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

}  // namespace

std::vector<std::string> displayed_argv(const Translation& translation) {
  std::vector<std::string> argv(translation.argv.begin(), translation.argv.begin() + translation.program_word_count);
  for (const Mapping& mapping : translation.mappings) {
    const std::vector<std::string> words = shown_words(translation, mapping);
    argv.insert(argv.end(), words.begin(), words.end());
  }
  return argv;
}

std::string describe_mapping(const Translation& translation, const Mapping& mapping) {
  const std::string words = shell_join(shown_words(translation, mapping));
  std::string kind = std::string(origin_name(mapping.origin));
  if (!mapping.rule.empty()) kind += ", " + mapping.rule;
  if (!mapping.type.empty()) kind = mapping.type + ", " + kind;
  return mapping.incoming + " -> " + words + " (" + kind + ")";
}

std::string dry_run_text(const Translation& translation, const RunAdditions& additions) {
  const Compositions* compositions = additions.compositions;
  const std::vector<std::string> argv = displayed_argv(translation);
  const std::vector<std::string> program(argv.begin(), argv.begin() + translation.program_word_count);
  std::vector<std::vector<std::string>> rows{{"incoming", "hydra key", "type", "final word"}};
  for (const Mapping& mapping : translation.mappings) {
    std::string type = mapping.type.empty() ? std::string(origin_name(mapping.origin)) : mapping.type;
    // A mapping found by a rule says which source and rule: the user wrote no such line.
    if (!mapping.rule.empty()) type += " (" + std::string(origin_name(mapping.origin)) + ": " + mapping.rule + ")";
    rows.push_back({mapping.incoming, mapping.key.empty() ? "-" : mapping.key, type,
                    shell_join(shown_words(translation, mapping))});
  }
  std::vector<std::size_t> widths(3, 0);
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < widths.size(); ++column)
      widths[column] = std::max(widths[column], row[column].size());
  }
  std::string text = "hydra-adapt dry run: nothing was started\n";
  text += "program: " + shell_join(program) + "\n";
  text += "split:   " + std::string(split_rule_description(translation.split_rule)) + "\n";
  if (compositions && compositions->empty()) text += "composed: nothing ran; the --hydra-config file is the config\n";
  for (std::size_t i = 0; compositions && i < compositions->size(); ++i)
    text += "composed: " + shell_join((*compositions)[i]) + "\n";
  text += "\n";
  for (const auto& row : rows) {
    text +=
        padded(row[0], widths[0] + 2) + padded(row[1], widths[1] + 2) + padded(row[2], widths[2] + 2) + row[3] + "\n";
  }
  for (const FolderToCreate& folder : translation.folders) {
    text += "\nfolder to create: " + (folder.secret ? "***" : shell_quote(folder.folder)) + " (for " +
            join(folder.flags, ", ") + ")";
  }
  for (const auto& [name, value] : additions.variables) text += "\nvariable for the program: " + name + "=" + value;
  text += "\ncommand:\n" + shell_join(argv) + "\n";
  return text;
}

std::string dry_run_json(const Translation& translation, const RunAdditions& additions) {
  const std::vector<std::string> argv = displayed_argv(translation);
  nlohmann::json mappings = nlohmann::json::array();
  for (const Mapping& mapping : translation.mappings) {
    const std::vector<std::string> words = shown_words(translation, mapping);
    mappings.push_back({{"flag", mapping.incoming},
                        {"origin", origin_name(mapping.origin)},
                        {"key", mapping.key},
                        {"type", mapping.type},
                        {"rule", mapping.rule},
                        {"secret", mapping.secret},
                        {"word", join(words)},
                        {"words", words}});
  }
  nlohmann::json folders = nlohmann::json::array();
  for (const FolderToCreate& folder : translation.folders)
    folders.push_back({{"folder", folder.secret ? "***" : folder.folder}, {"flags", folder.flags}});
  nlohmann::json report{
      {"argv", argv},
      {"program", std::vector<std::string>(argv.begin(), argv.begin() + translation.program_word_count)},
      {"split_rule", translation.split_rule == SplitRule::kSecondDashDash ? "second-dash-dash" : "first-flag"},
      {"mappings", mappings},
      {"folders", folders},
  };
  if (additions.compositions) report["compositions"] = *additions.compositions;
  if (!additions.variables.empty()) report["variables"] = additions.variables;
  // JSON cannot hold bytes that are not UTF-8; they show as U+FFFD here, and only here.
  return report.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace hydra_adapt
