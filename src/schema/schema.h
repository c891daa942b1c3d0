#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "values/value_type.h"

namespace hydra_adapt {

// What an incoming flag that no mapping declares gets.
enum class UnknownPolicy {
  kError,  // refused, naming the nearest declared flag
  kPass,   // left as it came
  kAuto,   // translated as in zero-config
};
std::optional<UnknownPolicy> unknown_policy_from_name(std::string_view name);
std::string_view unknown_policy_name(UnknownPolicy policy);

// One declared flag: `--name VALUE` reaches `key` as `type`.
struct FlagSpec {
  std::string name;  // without the leading dashes
  std::string key;   // may start with "+" or "++" (see split_override_key)
  ValueType type = ValueType::kStr;
  bool required = false;
  bool secret = false;  // its value shows as *** everywhere but the program's argv
};

struct Schema {
  std::optional<UnknownPolicy> unknown;  // unset: the options or the default decide
  bool hyphens_to_underscores = true;    // how keys are derived from flag names
  std::vector<FlagSpec> flags;           // in declaration order

  const FlagSpec* find(std::string_view name) const;
};

}  // namespace hydra_adapt
