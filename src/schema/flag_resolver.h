#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schema/schema.h"

namespace hydra_adapt {

// A mapping source that knows its flags by rules rather than by a list (the app's own Hydra
// config knows every path of it): the translator asks it for each flag that no declaration
// names, without knowing where its answers come from.
class FlagResolver {
 public:
  virtual ~FlagResolver() = default;

  // The flag's mapping (`rule` says how it was found), or nullopt when the source does not
  // know the name. Throws AdaptError when the name could mean several keys.
  virtual std::optional<FlagSpec> resolve(std::string_view flag_name) const = 0;

  // For the unknown-flag message: the flag the source knows that is nearest to `flag_name`.
  virtual std::optional<std::string> nearest(std::string_view flag_name) const = 0;

  // For the unknown-flag message: what else the source would have accepted.
  virtual std::string known_flags() const = 0;
};

}  // namespace hydra_adapt
