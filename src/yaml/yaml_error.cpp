#include "yaml/yaml_error.h"

namespace hydra_adapt {

std::string yaml_spot(const std::string& source, const YAML::Mark& mark) {
  if (mark.is_null()) return source + ": ";
  return source + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) + ": ";
}

}  // namespace hydra_adapt
