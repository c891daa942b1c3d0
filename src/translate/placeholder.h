#pragma once

#include <string_view>

namespace hydra_adapt {

// Whether an incoming text is a KFP / Vertex placeholder the platform did not substitute:
// it holds "{{$.inputs." or "{{$.outputs.", is "{{$}}", or is the JSON a v1 `concat` / `if`
// compiles to ({"Concat": ...} or {"IfPresent": ...}), which KFP's backend may pass through.
bool is_unsubstituted_placeholder(std::string_view text);

}  // namespace hydra_adapt
