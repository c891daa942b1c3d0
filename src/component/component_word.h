#pragma once

#include <yaml-cpp/mark.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "values/value_type.h"

namespace hydra_adapt {

// What a placeholder stands for, typed from the component's declarations.
struct PlaceholderValue {
  std::string input;  // the input or output it names
  ValueType type;
  bool optional;  // the input has a default or is declared optional: the platform may leave it out
  std::optional<std::string> default_text{};  // the input's default, when it is a plain value
};

// One word of the container's command line as the component declares it: literal texts and
// placeholders, concatenated. Both the v1 and the v2 reader reduce a spec to these words.
struct ComponentWord {
  std::vector<std::variant<std::string, PlaceholderValue>> pieces;
  YAML::Mark mark;           // where the component writes it
  bool conditional = false;  // under isPresent: the platform may leave it out
  bool opens_else = false;   // the first word of an else branch: an alternative to the then branch
};

}  // namespace hydra_adapt
