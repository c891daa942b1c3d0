#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hydra_adapt {

// The known name closest to `name` by edit distance, when it is close enough to be a typo.
std::optional<std::string> nearest_flag(std::string_view name, const std::vector<std::string>& known);

}  // namespace hydra_adapt
