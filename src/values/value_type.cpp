#include "values/value_type.h"

#include <array>
#include <utility>

namespace hydra_adapt {
namespace {

constexpr std::array<std::pair<std::string_view, ValueType>, 8> kNamedTypes{{
    {"str", ValueType::kStr},
    {"path", ValueType::kPath},
    {"output_path", ValueType::kOutputPath},
    {"int", ValueType::kInt},
    {"float", ValueType::kFloat},
    {"bool", ValueType::kBool},
    {"json", ValueType::kJson},
    {"auto", ValueType::kAuto},
}};

}  // namespace

bool is_text_type(ValueType type) {
  return type == ValueType::kStr || type == ValueType::kPath || type == ValueType::kOutputPath;
}

std::optional<ValueType> value_type_from_name(std::string_view name) {
  for (const auto& [type_name, type] : kNamedTypes) {
    if (type_name == name) return type;
  }
  return std::nullopt;
}

std::string_view value_type_name(ValueType type) {
  for (const auto& [type_name, named] : kNamedTypes) {
    if (named == type) return type_name;
  }
  return "?";
}

std::string value_type_names() {
  std::string names;
  for (const auto& [type_name, type] : kNamedTypes) {
    if (!names.empty()) names += ", ";
    names += type_name;
  }
  return names;
}

}  // namespace hydra_adapt
