#pragma once

#include <string>
#include <vector>

#include "component/component_word.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {

// Which Kubeflow Pipelines format a spec is written in.
enum class ComponentFormat {
  kV1,  // v1 component YAML: implementation.container
  kV2,  // a spec compiled by kfp 2.x (a component or a pipeline): deploymentSpec.executors
};

// The format of a parsed spec, the one dispatch `schema` and `rewrite` both follow. Throws
// AdaptError naming `source` for a document that is neither.
ComponentFormat component_format(const YamlNode& root, const std::string& source);

// The one reader of a component's command line: the words of one container (command, then
// args) of a v1 component or of the executor `executor` names in a v2 spec (see
// v2_component_words; v1 takes none). `schema` derives its flags from them, `rewrite` writes
// them back. Throws AdaptError naming the spot for a spec that cannot be read.
std::vector<ComponentWord> component_words(const YamlNode& root, const std::string& source,
                                           const std::string& executor);

}  // namespace hydra_adapt
