#pragma once

#include <string>

#include "schema/schema.h"

namespace hydra_adapt {

// The schema a Kubeflow Pipelines component spec implies: each `--flag` its container passes
// with a placeholder reaches the key key_for_flag gives, typed by the input's declared type.
// Reads v1 component YAML (implementation.container) and v2 pipeline specs as kfp 2.x compiles
// components and pipelines (deploymentSpec.executors); `executor` picks one executor of a v2
// file (see v2_component_words). `source` names the file in messages. Throws AdaptError naming
// the spot in the file for a spec that cannot be used.
Schema parse_component_yaml(const std::string& text, const std::string& source, const std::string& executor);

// The same for a file; a missing or unreadable file is an AdaptError too.
Schema load_component_file(const std::string& path, const std::string& executor);

}  // namespace hydra_adapt
