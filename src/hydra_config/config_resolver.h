#pragma once

#include <memory>

#include "hydra_config/config_matcher.h"
#include "schema/flag_resolver.h"
#include "schema/schema.h"

namespace hydra_adapt {

// The app's Hydra config as a mapping source: a schema that declares no flag and resolves
// every name by the matcher's rules, refusing the names it cannot decide. Flags no rule
// matches are errors unless the options set another unknown policy.
Schema hydra_config_schema(std::shared_ptr<const ConfigMatcher> matcher);

// The declaration a match gives `flag_name`: its key, its type and the rule.
FlagSpec matched_flag(std::string_view flag_name, const NameMatch& match);

// "--name is ambiguous in the app's Hydra config: ...; <the fix>", for an ambiguous match.
std::string ambiguous_flag_message(std::string_view flag_name, const NameMatch& match);

}  // namespace hydra_adapt
