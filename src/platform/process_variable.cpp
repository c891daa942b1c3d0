#include "platform/process_variable.h"

#include <cstdlib>

namespace hydra_adapt {

std::optional<std::string> process_variable(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr || *value == '\0') return std::nullopt;
  return value;
}

}  // namespace hydra_adapt
