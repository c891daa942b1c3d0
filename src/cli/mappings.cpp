#include "cli/mappings.h"

#include <cstdlib>

#include "component/component_schema.h"
#include "schema/schema_merge.h"
#include "schema/schema_yaml.h"

namespace hydra_adapt {

Schema load_mappings(const ToolOptions& options) {
  Schema schema = options.schema_path ? load_schema_file(*options.schema_path) : Schema{};  // moved, not copied, out
  if (!options.component_path) return schema;
  return merge_schemas(schema, load_component_file(*options.component_path, options.component_executor));
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
