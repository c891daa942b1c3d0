#pragma once

#include <memory>

#include "hydra_config/config_flags.h"
#include "hydra_config/config_matcher.h"
#include "options/tool_options.h"
#include "schema/schema.h"
#include "translate/translator.h"

namespace hydra_adapt {

// The one place the mapping sources merge, in their order of precedence: --schema, then
// --component, then the app's Hydra config (--hydra-config), then zero-config (the unknown
// policy). Empty with none of them.
Schema load_mappings(const ToolOptions& options);

// The same merge with the app's config given (read from --hydra-config's file or from the
// program; may be null for none).
Schema merged_mappings(const ToolOptions& options, const std::shared_ptr<const ConfigMatcher>& config);

// The declarations of --schema and --component merged, the schema's winning; with the app's
// config, the component's flags fitted to it (fit_component_flags), whose undecidable names
// come back in `ambiguous`.
ConfigFlags declared_mappings(const ToolOptions& options, const ConfigMatcher* config);

// What an undeclared flag gets: --unknown, else the schema's `unknown:`, else error when a
// schema or a component declares the flags and auto when nothing does.
UnknownPolicy unknown_policy(const ToolOptions& options, const Schema& schema);

// The values of the variables the schema's env section names, read from this process's
// environment, else taken from `platform_variables` (what the platform defines but may not
// set); unset ones are left out.
Environment schema_environment(const Schema& schema, const Environment& platform_variables);

}  // namespace hydra_adapt
