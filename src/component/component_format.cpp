#include "component/component_format.h"

#include "adapt_error.h"
#include "component/v1_component.h"
#include "component/v2_component.h"
#include "yaml/yaml_source.h"

namespace hydra_adapt {

ComponentFormat component_format(const YamlNode& root, const std::string& source) {
  if (!yaml_field(root, "deploymentSpec").IsNull()) return ComponentFormat::kV2;
  if (!yaml_field(root, "implementation").IsNull()) return ComponentFormat::kV1;
  throw AdaptError(yaml_spot(source, root.Mark()) +
                   "not a Kubeflow Pipelines component: expected implementation.container (v1 component YAML) or "
                   "deploymentSpec.executors (a spec compiled by kfp 2.x)");
}

std::vector<ComponentWord> component_words(const YamlNode& root, const std::string& source,
                                           const std::string& executor) {
  if (component_format(root, source) == ComponentFormat::kV2) return v2_component_words(root, source, executor);
  if (!executor.empty()) throw AdaptError(source + ": --component-executor applies to compiled v2 specs only");
  return v1_component_words(root, source);
}

}  // namespace hydra_adapt
