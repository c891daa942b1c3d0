#pragma once

#include "cli/options.h"
#include "schema/schema.h"
#include "translate/translator.h"

namespace hydra_adapt {

// The schema the options name: --schema, the one --component implies, or both merged with
// the schema's declarations winning. Empty with neither.
Schema load_mappings(const ToolOptions& options);

// What an undeclared flag gets: --unknown, else the schema's `unknown:`, else error when a
// schema or a component declares the flags and auto when nothing does.
UnknownPolicy unknown_policy(const ToolOptions& options, const Schema& schema);

// The values of the variables the schema's env section names, read from this process's
// environment, else taken from `platform_variables` (what the platform defines but may not
// set); unset ones are left out.
Environment schema_environment(const Schema& schema, const Environment& platform_variables);

}  // namespace hydra_adapt
