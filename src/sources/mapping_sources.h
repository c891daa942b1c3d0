#pragma once

#include <memory>
#include <optional>
#include <string>

#include "args/environment.h"
#include "hydra_config/composition.h"
#include "hydra_config/config_flags.h"
#include "hydra_config/config_matcher.h"
#include "options/variable_reader.h"
#include "schema/schema.h"

namespace hydra_adapt {

// The files that say which flag becomes which Hydra key, as the options name them.
struct MappingSources {
  std::optional<std::string> schema_path;
  std::optional<std::string> component_path;     // a Kubeflow Pipelines component spec
  std::string component_executor;                // which executor of a spec that holds several
  std::optional<std::string> hydra_config_path;  // what the app printed with --cfg all
};

struct Mappings {
  Schema schema;
  std::vector<std::vector<std::string>> compositions;  // each run of --compose, whole
};

// The one place the mapping sources merge, in their order of precedence: --schema, then
// --component, then the app's Hydra config (--hydra-config, or with `compose` the config the
// job composes, read through `run`, the platform's values among its choices), then
// zero-config (the unknown policy). Empty with none of them. Without `compose`, `split`, `run`
// and `platform` are not used. Each file is read once.
Mappings load_mappings(const MappingSources& sources, bool compose, const ProgramSplit& split, const ConfigRun& run,
                       const std::vector<PlatformValue>& platform = {});

// What --schema and --component declare, each file read once for every merge that needs it.
struct DeclaredFiles {
  Schema schema;                    // empty without --schema
  std::optional<Schema> component;  // the component's flags as it declares them
};
DeclaredFiles read_declared_files(const MappingSources& sources);

// The same merge with the app's config given (read from --hydra-config's file, from the
// program, or composed; may be null for none).
Schema merged_mappings(const DeclaredFiles& declared, const std::shared_ptr<const ConfigMatcher>& config);

// The declarations of --schema and --component merged, the schema's winning; with the app's
// config, the component's flags fitted to it (fit_component_flags), whose undecidable names
// come back in `ambiguous`.
ConfigFlags declared_mappings(const DeclaredFiles& declared, const ConfigMatcher* config);

// What an undeclared flag gets: `asked` (--unknown), else the schema's `unknown:`, else error
// when a schema or a component declares the flags and auto when nothing does.
UnknownPolicy unknown_policy(std::optional<UnknownPolicy> asked, const MappingSources& sources, const Schema& schema);

// The values of the variables the schema's env section names, from `process_variable`, else
// taken from `platform_variables` (what the platform defines but may not set); unset ones are
// left out.
Environment schema_environment(const Schema& schema, const VariableReader& process_variable,
                               const Environment& platform_variables);

}  // namespace hydra_adapt
