#pragma once

#include <boost/program_options.hpp>

#include "sources/mapping_sources.h"

namespace hydra_adapt {

// What --component names: a mapping (the run, `schema`), or one of `check`'s sources, which
// are checked against the mapping and may be several.
enum class ComponentRole { kMapping, kSource };

// Declares the options the main command, `schema` and `check` share, once: --schema,
// --component, --component-executor and --hydra-config. The main command's help names each
// one's HYDRA_ADAPT_* variable (`with_variables`); the subcommands read only their command line.
void add_source_options(boost::program_options::options_description& options, bool with_variables,
                        ComponentRole component_role = ComponentRole::kMapping);

// The mapping sources those options name; as a source, a component is none of them. Throws
// AdaptError for --component-executor without --component, which has nothing to choose from.
MappingSources read_source_options(const boost::program_options::variables_map& values,
                                   ComponentRole component_role = ComponentRole::kMapping);

}  // namespace hydra_adapt
