#pragma once

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

struct ProgramSplit {
  std::vector<std::string> program;   // PROGRAM and its own words, passed on as they are
  std::vector<std::string> incoming;  // the argparse-style args to translate
  SplitRule rule = SplitRule::kFirstFlag;
};

// Splits the words after hydra-adapt's own "--". Throws AdaptError when there is no program.
ProgramSplit split_program_words(const std::vector<std::string>& words);

}  // namespace hydra_adapt
