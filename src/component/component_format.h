#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

namespace hydra_adapt {

// Which Kubeflow Pipelines format a spec is written in.
enum class ComponentFormat {
  kV1,  // v1 component YAML: implementation.container
  kV2,  // a spec compiled by kfp 2.x (a component or a pipeline): deploymentSpec.executors
};

// The format of a parsed spec, the one dispatch `schema` and `rewrite` both follow. Throws
// AdaptError naming `source` for a document that is neither.
ComponentFormat component_format(const YAML::Node& root, const std::string& source);

}  // namespace hydra_adapt
