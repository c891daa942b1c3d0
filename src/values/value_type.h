#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hydra_adapt {

// The declared type of a flag's value: what the program must receive. kAuto: the type the
// value's text reads as, as in zero-config (for a key whose default is null, ??? or an
// interpolation, which gives no type).
enum class ValueType { kStr, kPath, kOutputPath, kInt, kFloat, kBool, kJson, kAuto };

// str, path and output_path: the value is the text itself.
bool is_text_type(ValueType type);

std::optional<ValueType> value_type_from_name(std::string_view name);
std::string_view value_type_name(ValueType type);
// "str, path, output_path, int, float, bool, json, auto": for messages.
std::string value_type_names();

}  // namespace hydra_adapt
