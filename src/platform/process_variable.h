#pragma once

#include <optional>
#include <string>

namespace hydra_adapt {

// This process's variable NAME when it is set and not empty, else nullopt: the one place
// that decides when a variable counts (a VariableReader).
std::optional<std::string> process_variable(const std::string& name);

}  // namespace hydra_adapt
