#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hydra_adapt {

// Which rule told the program's own words from the incoming args.
enum class SplitRule {
  kSecondDashDash,  // "-- torchrun --nproc_per_node=8 main.py -- --lr 1"
  kFirstFlag,       // "-- python3 main.py --lr 1": incoming args start at the first --word
};
std::string_view split_rule_description(SplitRule rule);

// How the split sees one word.
enum class WordShape {
  kDashDash,  // "--" alone
  kFlag,      // "--name", "--name=VALUE"
  kOther,
};
WordShape word_shape(std::string_view word);

// Where the program's own words end and the incoming args begin among `count` words, the
// shape of word i given by `shape_of(i)`: after the first "--" at or after `first`, else at the
// first flag at or after `first`, else nowhere (both at `count`). Callers that know a
// word by more than its text (a component's placeholders) share the rule through this.
struct SplitPoint {
  std::size_t program_end = 0;
  std::size_t incoming_begin = 0;
  SplitRule rule = SplitRule::kFirstFlag;
};
SplitPoint find_split(std::size_t count, std::size_t first, const std::function<WordShape(std::size_t)>& shape_of);

struct ProgramSplit {
  std::vector<std::string> program;   // PROGRAM and its own words, passed on as they are
  std::vector<std::string> incoming;  // the argparse-style args to translate
  SplitRule rule = SplitRule::kFirstFlag;
};

// Splits the words after hydra-adapt's own "--" (PROGRAM is the first, never an incoming
// arg). Throws AdaptError when there is no program.
ProgramSplit split_program_words(const std::vector<std::string>& words);

}  // namespace hydra_adapt
