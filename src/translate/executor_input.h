#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hydra_adapt {

// One value a Kubeflow executor input carries, named as the component names it.
struct ExecutorValue {
  std::string name;  // the input's or output's name: it reaches the flag of that name
  std::string text;  // as the platform would pass it as a flag's value
};

// The values in the executor input KFP passes as `--executor_input {{$}}` (how lightweight
// Python components are called): input parameters (`inputs.parameterValues`: strings as they
// are, numbers and booleans as JSON writes them, objects and lists as compact JSON; a null is
// left out, as an absent optional input), then the local paths of input artifacts
// (`inputs.artifacts.N.artifacts[0].uri`), output parameters (`outputs.parameters.N.outputFile`)
// and output artifacts, each URI mapped as kfp's executor maps it (mounted_path with kKfpArtifacts).
// Throws AdaptError for text that is not JSON or not shaped like an executor input.
std::vector<ExecutorValue> executor_input_values(std::string_view json_text);

}  // namespace hydra_adapt
