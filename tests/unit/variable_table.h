#pragma once

#include <map>
#include <optional>
#include <string>

#include "options/variable_reader.h"

namespace hydra_adapt {

// A VariableReader over a fixed table, for the units: the environment a test sets up.
inline VariableReader variable_table(std::map<std::string, std::string> table) {
  return [table = std::move(table)](const std::string& name) -> std::optional<std::string> {
    const auto found = table.find(name);
    if (found == table.end()) return std::nullopt;
    return found->second;
  };
}

}  // namespace hydra_adapt
