#include "component/component_schema.h"

#include "adapt_error.h"
#include "component/component_flags.h"
#include "component/component_format.h"
#include "component/v1_component.h"
#include "component/v2_component.h"
#include "yaml/yaml_source.h"

namespace hydra_adapt {

std::vector<ComponentWord> component_words(const std::string& text, const std::string& source,
                                           const std::string& executor) {
  const YAML::Node root = parse_yaml_document(text, source);
  if (component_format(root, source) == ComponentFormat::kV2) return v2_component_words(root, source, executor);
  if (!executor.empty()) throw AdaptError(source + ": --component-executor applies to compiled v2 specs only");
  return v1_component_words(root, source);
}

Schema parse_component_yaml(const std::string& text, const std::string& source, const std::string& executor) {
  Schema schema;
  schema.flags = component_flags(component_words(text, source, executor), source);
  return schema;
}

Schema load_component_file(const std::string& path, const std::string& executor) {
  return parse_component_yaml(read_text_file(path, "component", "--component / HYDRA_ADAPT_COMPONENT"), path, executor);
}

}  // namespace hydra_adapt
