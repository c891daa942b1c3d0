#pragma once

#include <boost/program_options.hpp>

#include "sources/mapping_sources.h"

namespace hydra_adapt {

// Declares the options the main command and `schema` share, once: --schema, --component,
// --component-executor and --hydra-config. The main command's help names each one's
// HYDRA_ADAPT_* variable (`with_variables`); `schema` reads only its command line.
void add_source_options(boost::program_options::options_description& options, bool with_variables);

// The mapping sources those options name. Throws AdaptError for --component-executor
// without --component, which has nothing to choose from.
MappingSources read_source_options(const boost::program_options::variables_map& values);

}  // namespace hydra_adapt
