#include "sources/mapping_sources.h"

#include "component/component_schema.h"
#include "hydra_config/composition.h"
#include "hydra_config/config_resolver.h"
#include "hydra_config/hydra_config_file.h"
#include "schema/schema_merge.h"
#include "schema/schema_yaml.h"

namespace hydra_adapt {

Mappings load_mappings(const MappingSources& sources, bool compose, const ProgramSplit& split, const ConfigRun& run,
                       const std::vector<PlatformValue>& platform) {
  Mappings mappings;
  std::shared_ptr<const ConfigMatcher> config;
  if (sources.hydra_config_path) config = load_hydra_config_file(*sources.hydra_config_path);
  const DeclaredFiles declared = read_declared_files(sources);
  if (compose) {
    ComposedConfig composed =
        compose_job_config(split, declared_mappings(declared, nullptr).schema, config, run, platform);
    config = std::move(composed.config);
    mappings.compositions = std::move(composed.commands);
  }
  mappings.schema = merged_mappings(declared, config);
  return mappings;
}

DeclaredFiles read_declared_files(const MappingSources& sources) {
  DeclaredFiles declared;
  if (sources.schema_path) declared.schema = load_schema_file(*sources.schema_path);
  if (sources.component_path)
    declared.component = load_component_file(*sources.component_path, sources.component_executor);
  return declared;
}

Schema merged_mappings(const DeclaredFiles& declared, const std::shared_ptr<const ConfigMatcher>& config) {
  if (!config) return declared_mappings(declared, nullptr).schema;
  return merge_schemas(declared_mappings(declared, config.get()).schema, hydra_config_schema(config));
}

ConfigFlags declared_mappings(const DeclaredFiles& files, const ConfigMatcher* config) {
  ConfigFlags declared;
  declared.schema = files.schema;
  if (!files.component) return declared;
  if (!config) {
    declared.schema = merge_schemas(declared.schema, *files.component);
    return declared;
  }
  ConfigFlags fitted = fit_component_flags(*files.component, *config);
  declared.schema = merge_schemas(declared.schema, fitted.schema);
  for (AmbiguousName& name : fitted.ambiguous) {
    if (!declared.schema.find(name.name)) declared.ambiguous.push_back(std::move(name));
  }
  return declared;
}

UnknownPolicy unknown_policy(std::optional<UnknownPolicy> asked, const MappingSources& sources, const Schema& schema) {
  if (asked) return *asked;
  if (schema.unknown) return *schema.unknown;
  return sources.schema_path || sources.component_path ? UnknownPolicy::kError : UnknownPolicy::kAuto;
}

Environment schema_environment(const Schema& schema, const VariableReader& process_variable,
                               const Environment& platform_variables) {
  Environment environment;
  for (const EnvSpec& env : schema.env) {
    if (std::optional<std::string> value = process_variable(env.variable)) {
      environment.emplace(env.variable, std::move(*value));
    } else if (const auto defined = platform_variables.find(env.variable); defined != platform_variables.end()) {
      environment.emplace(env.variable, defined->second);
    }
  }
  return environment;
}

}  // namespace hydra_adapt
