#include "component/component_schema.h"

#include "component/component_flags.h"
#include "component/component_format.h"
#include "yaml/yaml_source.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {

Schema parse_component_yaml(const std::string& text, const std::string& source, const std::string& executor) {
  const YamlTree tree = YamlTree::parse(text, source);
  Schema schema;
  schema.flags = component_flags(component_words(tree.root(), source, executor), source);
  return schema;
}

Schema load_component_file(const std::string& path, const std::string& executor) {
  return parse_component_yaml(read_text_file(path, "component", "--component / HYDRA_ADAPT_COMPONENT"), path, executor);
}

}  // namespace hydra_adapt
