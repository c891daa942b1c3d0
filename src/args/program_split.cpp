#include "args/program_split.h"

#include "adapt_error.h"
#include "text/ascii.h"

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

WordShape word_shape(std::string_view word) {
  if (word == "--") return WordShape::kDashDash;
  return starts_with(word, "--") ? WordShape::kFlag : WordShape::kOther;
}

SplitPoint find_split(std::size_t count, std::size_t first, const std::function<WordShape(std::size_t)>& shape_of) {
  for (std::size_t i = first; i < count; ++i) {
    if (shape_of(i) == WordShape::kDashDash) return {i, i + 1, SplitRule::kSecondDashDash};
  }
  for (std::size_t i = first; i < count; ++i) {
    if (shape_of(i) == WordShape::kFlag) return {i, i, SplitRule::kFirstFlag};
  }
  return {count, count, SplitRule::kFirstFlag};
}

ProgramSplit split_program_words(const std::vector<std::string>& words) {
  if (words.empty() || words.front().empty()) {
    throw AdaptError("no program after '--'; write: hydra-adapt [OPTIONS] -- PROGRAM [WORDS...] [--] [ARGS...]");
  }
  const SplitPoint point = find_split(words.size(), 1, [&](std::size_t i) { return word_shape(words[i]); });
  ProgramSplit split;
  split.rule = point.rule;
  split.program.assign(words.begin(), words.begin() + point.program_end);
  split.incoming.assign(words.begin() + point.incoming_begin, words.end());
  return split;
}

}  // namespace hydra_adapt
