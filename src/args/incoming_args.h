#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hydra_adapt {

// One incoming arg, as the platform wrote it.
struct IncomingArg {
  enum class Kind {
    kFlag,       // --name VALUE, --name=VALUE or a bare --name
    kHydraFlag,  // one of Hydra's own flags, with its value if it takes one
    kOverride,   // a word that already is a Hydra override: key=value, +k=v, ++k=v, ~k
  };
  Kind kind;
  std::string name;                 // kFlag: the name without its first two dashes
  std::vector<std::string> words;   // the words exactly as they came
  std::vector<std::string> values;  // kFlag: its values, none for a bare --name
};

// Splits argparse-style words. The word after --name is its value whatever it looks like,
// unless it begins with "--"; a flag declared with N values takes up to N such words (the
// first may be attached with '='). `value_count` gives that N, or 0 for an undeclared
// flag. A declared flag is never taken for Hydra's own flag of the same name. Throws
// AdaptError for a word that is none of the above.
std::vector<IncomingArg> split_incoming_args(const std::vector<std::string>& words,
                                             const std::function<std::size_t(std::string_view)>& value_count);

// Whether a standalone word already is a Hydra override.
bool is_override_word(std::string_view word);

}  // namespace hydra_adapt
