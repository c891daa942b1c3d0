#pragma once

#include <boost/program_options.hpp>

#include "options/tool_options.h"

namespace hydra_adapt {

// The options that say where a run's mappings come from besides a component (--schema,
// --hydra-config) and what an undeclared flag gets (--unknown): declared once, for the run and
// for `check`, which checks against the mapping the run uses.
void add_mapping_options(boost::program_options::options_description& options);

// Their values into `options`. Throws AdaptError for an unknown --unknown policy.
void read_mapping_options(const boost::program_options::variables_map& values, ToolOptions& options);

}  // namespace hydra_adapt
