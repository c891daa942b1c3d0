#pragma once

#include <functional>
#include <optional>
#include <string>

namespace hydra_adapt {

// How the library asks for an environment variable: its value when it is set and not empty,
// else nullopt (an empty variable counts as unset everywhere). The binary hands in the
// process's own variables (process_variable); the units hand in a table.
using VariableReader = std::function<std::optional<std::string>(const std::string& name)>;

}  // namespace hydra_adapt
