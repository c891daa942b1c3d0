#pragma once

#include "schema/schema.h"

namespace hydra_adapt {

// One schema from two sources: a flag `preferred` declares keeps its declaration there; the
// other flags of `fallback` follow; the same for environment variables. The settings (unknown, hyphens_to_underscores)
// are `preferred`'s, with `fallback`'s unknown policy and resolver when `preferred` has none:
// the resolver is asked only for flags no declaration of either names.
Schema merge_schemas(const Schema& preferred, const Schema& fallback);

}  // namespace hydra_adapt
