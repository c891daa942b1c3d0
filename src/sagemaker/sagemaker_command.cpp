#include "sagemaker/sagemaker_command.h"

namespace hydra_adapt {
namespace {

// Python's len(): code points, so "é" is one character, as to_cmd_args counts it.
std::size_t character_count(const std::string& text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// to_cmd_args's arg_name: an empty name renders as an empty word.
std::string rendered_flag(const std::string& name) {
  if (name.empty()) return "";
  return (character_count(name) > 1 ? "--" : "-") + name;
}

bool rendering_starts_at(const std::vector<std::string>& words, std::size_t start,
                         const std::vector<Hyperparameter>& values) {
  if (start + 2 * values.size() > words.size()) return false;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (words[start + 2 * i] != rendered_flag(values[i].name)) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> without_script_mode_rendering(const std::vector<std::string>& words,
                                                       const Hyperparameters& hyperparameters) {
  const std::vector<Hyperparameter>& values = hyperparameters.values;
  if (values.empty() || words.size() < 1 + 2 * values.size()) return words;
  for (std::size_t start = words.size() - 2 * values.size(); start >= 1; --start) {
    if (!rendering_starts_at(words, start, values)) continue;
    std::vector<std::string> kept(words.begin(), words.begin() + start);
    kept.insert(kept.end(), words.begin() + start + 2 * values.size(), words.end());
    return kept;
  }
  return words;
}

void drop_train_word(ProgramSplit& split) {
  if (split.rule == SplitRule::kSecondDashDash && !split.incoming.empty() && split.incoming.front() == "train") {
    split.incoming.erase(split.incoming.begin());
  } else if (split.rule == SplitRule::kFirstFlag && split.incoming.empty() && split.program.size() > 1 &&
             split.program.back() == "train") {
    split.program.pop_back();
  }
}

}  // namespace hydra_adapt
