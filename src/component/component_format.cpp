#include "component/component_format.h"

#include "adapt_error.h"
#include "yaml/yaml_source.h"

namespace hydra_adapt {

ComponentFormat component_format(const YAML::Node& root, const std::string& source) {
  if (!yaml_field(root, "deploymentSpec").IsNull()) return ComponentFormat::kV2;
  if (!yaml_field(root, "implementation").IsNull()) return ComponentFormat::kV1;
  throw AdaptError(yaml_spot(source, root.Mark()) +
                   "not a Kubeflow Pipelines component: expected implementation.container (v1 component YAML) or "
                   "deploymentSpec.executors (a spec compiled by kfp 2.x)");
}

}  // namespace hydra_adapt
