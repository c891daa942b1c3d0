#pragma once

#include <string>
#include <vector>

#include "component/component_word.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {

// The words of a KFP v1 component's implementation.container (command, then args), each
// placeholder typed from the component's `inputs:` and `outputs:`. `source` names the file in
// messages. Throws AdaptError naming the spot for an unknown placeholder, a name that no input
// or output declares, or a component without a container.
std::vector<ComponentWord> v1_component_words(const YamlNode& root, const std::string& source);

}  // namespace hydra_adapt
