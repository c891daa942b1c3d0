#pragma once

#include <string>
#include <vector>

#include "component/component_word.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {

// deploymentSpec.executors of a v2 pipeline spec, keyed by label. Throws AdaptError naming the
// spot when there is none.
YamlNode v2_executors(const YamlNode& root, const std::string& source);

// The words of one executor's container (command, then args) in a KFP v2 pipeline spec, as
// kfp 2.x compiles a component or a pipeline, each placeholder typed from its component's
// inputDefinitions and outputDefinitions. `executor` picks the executor by its label
// (exec-train) or its component's name (comp-train); empty picks the only one, and a file with
// several needs the choice, since each executor is its own program. Throws AdaptError naming the
// spot for an unknown placeholder, a name that no definition declares, or a missing container.
std::vector<ComponentWord> v2_component_words(const YamlNode& root, const std::string& source,
                                              const std::string& executor);

}  // namespace hydra_adapt
