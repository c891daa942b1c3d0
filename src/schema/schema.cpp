#include "schema/schema.h"

#include <algorithm>

#include "schema/flag_resolver.h"

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

std::string flag_type_name(const FlagSpec& flag) {
  if (flag.list_types.empty()) return std::string(value_type_name(flag.type));
  std::string name = "[";
  for (const ValueType type : flag.list_types)
    name += (name.size() > 1 ? ", " : "") + std::string(value_type_name(type));
  return name + "]";
}

const FlagSpec* Schema::find(std::string_view name) const {
  const auto found = std::find_if(flags.begin(), flags.end(), [&](const FlagSpec& flag) { return flag.name == name; });
  return found == flags.end() ? nullptr : &*found;
}

bool Schema::maps_flag(std::string_view name) const {
  return find(name) != nullptr || (resolver && resolver->resolve(name));
}

const EnvSpec* Schema::find_env(std::string_view variable) const {
  const auto found =
      std::find_if(env.begin(), env.end(), [&](const EnvSpec& spec) { return spec.variable == variable; });
  return found == env.end() ? nullptr : &*found;
}

}  // namespace hydra_adapt
