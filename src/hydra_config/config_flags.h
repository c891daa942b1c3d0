#pragma once

#include <string>
#include <vector>

#include "hydra_config/config_matcher.h"
#include "schema/schema.h"

namespace hydra_adapt {

// A flag name the config cannot decide, and the keys it could mean ("data.name, model.name").
struct AmbiguousName {
  std::string name;
  std::string keys;
};

// Flags an app's config implies, spelled out as declarations, and the names it cannot
// decide, which `hydra-adapt schema` prints as comments.
struct ConfigFlags {
  Schema schema;
  std::vector<AmbiguousName> ambiguous;
};

// A component's flags keyed and typed by the config: each flag a rule matches gets the key it
// finds and the type of the config's default (what the app expects), except that path and
// output_path flags and flags of several values keep their types (folders are still created).
// A flag no rule matches stays as the component declares it; an ambiguous one is left out,
// for the config's resolver to refuse when it arrives.
ConfigFlags fit_component_flags(const Schema& component, const ConfigMatcher& matcher);

// One declaration for each config group and each leaf the rules reach, named in hyphen form
// by the shortest name that reaches it (a group by its path: experiment, db/engine; a leaf by
// max-epochs, optimizer.lr, ...), so that as a --schema it maps those flags as the config
// does. Names of Hydra's own flags are skipped: only a declaration would take them from Hydra.
ConfigFlags implied_flags(const ConfigMatcher& matcher);

}  // namespace hydra_adapt
