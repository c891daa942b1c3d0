#include "schema/schema.h"

#include <algorithm>

namespace hydra_adapt {

std::optional<UnknownPolicy> unknown_policy_from_name(std::string_view name) {
  if (name == "error") return UnknownPolicy::kError;
  if (name == "pass") return UnknownPolicy::kPass;
  if (name == "auto") return UnknownPolicy::kAuto;
  return std::nullopt;
}

std::string_view unknown_policy_name(UnknownPolicy policy) {
  switch (policy) {
    case UnknownPolicy::kError:
      return "error";
    case UnknownPolicy::kPass:
      return "pass";
    case UnknownPolicy::kAuto:
      return "auto";
  }
  return "?";
}

const FlagSpec* Schema::find(std::string_view name) const {
  const auto found = std::find_if(flags.begin(), flags.end(), [&](const FlagSpec& flag) { return flag.name == name; });
  return found == flags.end() ? nullptr : &*found;
}

}  // namespace hydra_adapt
