#pragma once

#include <vector>

#include "check/finding.h"
#include "check/sent_flags.h"
#include "hydra_config/hydra_config.h"
#include "schema/schema.h"

namespace hydra_adapt {

// Sends every value each source can send for each of its flags through the run's own
// translation (`schema`, merged as the run merges it, and `unknown`), one flag at a time: a
// flag the run would refuse is an unknown or ambiguous finding at the line that declares it,
// a value the run would refuse a type finding at the line of that value, with the run's own
// message. Required flags are not asked for: each flag is checked alone.
std::vector<Finding> check_sources(const Schema& schema, UnknownPolicy unknown,
                                   const std::vector<SourceFlags>& sources);

// A warning for each key of the app's config whose value is ??? and that no flag of the
// sources reaches through `schema`: a run would start and fail there.
std::vector<Finding> unset_mandatory_keys(const HydraConfig& config, const Schema& schema,
                                          const std::vector<SourceFlags>& sources);

}  // namespace hydra_adapt
