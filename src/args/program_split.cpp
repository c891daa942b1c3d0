#include "args/program_split.h"

#include <algorithm>

#include "adapt_error.h"

namespace hydra_adapt {

std::string_view split_rule_description(SplitRule rule) {
  switch (rule) {
    case SplitRule::kSecondDashDash:
      return "a second '--' ends the program's own words";
    case SplitRule::kFirstFlag:
      return "incoming args start at the first word after PROGRAM that begins with '--'";
  }
  return "?";
}

ProgramSplit split_program_words(const std::vector<std::string>& words) {
  if (words.empty() || words.front().empty()) {
    throw AdaptError("no program after '--'; write: hydra-adapt [OPTIONS] -- PROGRAM [WORDS...] [--] [ARGS...]");
  }
  ProgramSplit split;
  const auto after_program = words.begin() + 1;
  const auto second_dash_dash = std::find(after_program, words.end(), "--");
  if (second_dash_dash != words.end()) {
    split.rule = SplitRule::kSecondDashDash;
    split.program.assign(words.begin(), second_dash_dash);
    split.incoming.assign(second_dash_dash + 1, words.end());
    return split;
  }
  const auto first_flag =
      std::find_if(after_program, words.end(), [](const std::string& word) { return word.rfind("--", 0) == 0; });
  split.rule = SplitRule::kFirstFlag;
  split.program.assign(words.begin(), first_flag);
  split.incoming.assign(first_flag, words.end());
  return split;
}

}  // namespace hydra_adapt
