#pragma once

#include <string>
#include <string_view>

namespace hydra_adapt {

// A key as written on the left of an override, split into its prefix ("", "+" to add a key
// the config lacks, "++" to add or replace) and the dotted path itself.
struct OverrideKey {
  std::string_view prefix;
  std::string_view path;
};
OverrideKey split_override_key(std::string_view key);

// True when Hydra's override grammar reads `path` as a key: dotted segments
// ([A-Za-z_$][A-Za-z0-9_$-]* or list indexes), a config group path (a/b), or group@package.
bool is_addressable_key(std::string_view path);

// The key a flag reaches when the schema names none: argparse's `dest` rule, which strips
// every leading dash and turns the others into underscores (unless the schema keeps hyphens).
// `flag_name` is the flag with or without its dashes: "--lr", "lr", "--output-paths" (from
// `----output-paths`) all follow the rule. Every key derived from a flag comes from here.
std::string key_for_flag(std::string_view flag_name, bool hyphens_to_underscores);

}  // namespace hydra_adapt
