#include "sources/mapping_sources.h"

#include <cstdlib>

#include "component/component_schema.h"
#include "hydra_config/config_resolver.h"
#include "hydra_config/hydra_config_file.h"
#include "schema/schema_merge.h"
#include "schema/schema_yaml.h"

namespace hydra_adapt {

Schema load_mappings(const ToolOptions& options) {
  return merged_mappings(options,
                         options.hydra_config_path ? load_hydra_config_file(*options.hydra_config_path) : nullptr);
}

Schema merged_mappings(const ToolOptions& options, const std::shared_ptr<const ConfigMatcher>& config) {
  if (!config) return declared_mappings(options, nullptr).schema;
  return merge_schemas(declared_mappings(options, config.get()).schema, hydra_config_schema(config));
}

ConfigFlags declared_mappings(const ToolOptions& options, const ConfigMatcher* config) {
  ConfigFlags declared;
  if (options.schema_path) declared.schema = load_schema_file(*options.schema_path);
  if (!options.component_path) return declared;
  const Schema component = load_component_file(*options.component_path, options.component_executor);
  if (!config) {
    declared.schema = merge_schemas(declared.schema, component);
    return declared;
  }
  ConfigFlags fitted = fit_component_flags(component, *config);
  declared.schema = merge_schemas(declared.schema, fitted.schema);
  for (AmbiguousName& name : fitted.ambiguous) {
    if (!declared.schema.find(name.name)) declared.ambiguous.push_back(std::move(name));
  }
  return declared;
}

UnknownPolicy unknown_policy(const ToolOptions& options, const Schema& schema) {
  if (options.unknown) return *options.unknown;
  if (schema.unknown) return *schema.unknown;
  return options.schema_path || options.component_path ? UnknownPolicy::kError : UnknownPolicy::kAuto;
}

Environment schema_environment(const Schema& schema, const Environment& platform_variables) {
  Environment environment;
  for (const EnvSpec& env : schema.env) {
    const char* value = std::getenv(env.variable.c_str());
    const auto defined = platform_variables.find(env.variable);
    // Empty counts as unset, as the translation takes it.
    if (value != nullptr && *value != '\0') {
      environment.emplace(env.variable, value);
    } else if (defined != platform_variables.end()) {
      environment.emplace(env.variable, defined->second);
    }
  }
  return environment;
}

}  // namespace hydra_adapt
