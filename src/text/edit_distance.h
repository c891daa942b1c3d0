#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hydra_adapt {

// Levenshtein distance: the fewest insertions, deletions and substitutions from `a` to `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The known name closest to `name` by edit distance, when it is close enough to be a typo; the
// first of equally close ones.
std::optional<std::string> nearest_name(std::string_view name, const std::vector<std::string>& known);

}  // namespace hydra_adapt
