#pragma once

#include <yaml-cpp/mark.h>

#include <cstddef>
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
  // What `rewrite` needs to write it back: v2's text ("{{$.inputs.parameters['lr']}}"), v1's
  // kind (inputValue, outputPath, ...: the key of its {kind: input}).
  std::string written;
  std::optional<std::string> default_text{};  // the input's default, when it is a plain value
};

// Which branch of a conditional arg (v1's `if`, v2's `IfPresent`) a word lies in.
enum class Branch { kNone, kThen, kElse };

// One word of the container's command line as the component declares it: literal texts and
// placeholders, concatenated. The one reading of a component's command line: the v1 and the v2
// reader reduce a spec to these words, `schema` derives the flags from them and `rewrite`
// writes them back where `element` and `branch` say.
struct ComponentWord {
  std::vector<std::variant<std::string, PlaceholderValue>> pieces;
  YAML::Mark mark;  // where the component writes it
  // The container's arg it is or lies in: its index in command, then args, as one list.
  std::size_t element = 0;
  Branch branch = Branch::kNone;  // under a conditional: the platform may leave it out
  bool opens_else = false;        // the first word of an else branch: an alternative to the then branch

  bool conditional() const { return branch != Branch::kNone; }
};

}  // namespace hydra_adapt
