#include "component/component_schema.h"

#include "adapt_error.h"
#include "component/component_flags.h"
#include "component/v1_component.h"
#include "component/v2_component.h"
#include "schema/yaml_source.h"

namespace hydra_adapt {

Schema parse_component_yaml(const std::string& text, const std::string& source, const std::string& executor) {
  const YAML::Node root = parse_yaml_document(text, source);
  std::vector<ComponentWord> words;
  if (!yaml_field(root, "deploymentSpec").IsNull()) {
    words = v2_component_words(root, source, executor);
  } else if (!yaml_field(root, "implementation").IsNull()) {
    if (!executor.empty()) throw AdaptError(source + ": --component-executor applies to compiled v2 specs only");
    words = v1_component_words(root, source);
  } else {
    throw AdaptError(yaml_spot(source, root.Mark()) +
                     "not a Kubeflow Pipelines component: expected implementation.container (v1 component YAML) "
                     "or deploymentSpec.executors (a spec compiled by kfp 2.x)");
  }
  Schema schema;
  schema.flags = component_flags(words, source);
  return schema;
}

Schema load_component_file(const std::string& path, const std::string& executor) {
  return parse_component_yaml(read_text_file(path, "component", "--component / HYDRA_ADAPT_COMPONENT"), path, executor);
}

}  // namespace hydra_adapt
