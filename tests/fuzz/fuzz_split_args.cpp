// Fuzzes the argument splitters: split_program_words, then split_incoming_args with a few
// declared names. Invariant: the args give back every incoming word once, in order; a flag's
// value is the text after its '=' or exactly the one word after it.
#include <cstdint>

#include "adapt_error.h"
#include "args/incoming_args.h"
#include "args/program_split.h"
#include "fuzz_check.h"

using namespace hydra_adapt;
using hydra_adapt::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string> words = fuzz::split_words({reinterpret_cast<const char*>(data), size});
  ProgramSplit split;
  try {
    split = split_program_words(words);
  } catch (const AdaptError&) {
    return 0;
  }
  require(!split.program.empty(), "a split has a program");
  const std::size_t separator = split.rule == SplitRule::kSecondDashDash ? 1 : 0;
  require(split.program.size() + separator + split.incoming.size() == words.size(), "the split keeps every word");

  const auto is_declared = [](std::string_view name) { return name == "lr" || name == "cfg" || name == "x-y"; };
  std::vector<IncomingArg> args;
  try {
    args = split_incoming_args(split.incoming, is_declared);
  } catch (const AdaptError&) {
    return 0;
  }
  std::vector<std::string> rejoined;
  for (const IncomingArg& arg : args) {
    require(!arg.words.empty(), "an arg has a word");
    rejoined.insert(rejoined.end(), arg.words.begin(), arg.words.end());
    if (arg.kind != IncomingArg::Kind::kFlag) continue;
    const std::string& first = arg.words.front();
    const std::string dashes = first.substr(0, first.find_first_not_of('-'));
    require(dashes.size() >= 2 && first.compare(dashes.size(), arg.name.size(), arg.name) == 0,
            "a flag's first word names it after its leading dashes");
    require(arg.values.size() <= 1, "a flag declared with one value takes at most one");
    if (arg.values.empty()) {
      require(arg.words.size() == 1, "a bare flag is one word");
    } else if (arg.words.size() == 1) {
      require(first == dashes + arg.name + "=" + arg.values.front(), "--name=VALUE gives VALUE");
    } else {
      require(arg.words.size() == 2 && arg.words[1] == arg.values.front(), "--name VALUE gives the next word");
    }
  }
  require(rejoined == split.incoming, "the args give back every incoming word once, in order");
  return 0;
}
