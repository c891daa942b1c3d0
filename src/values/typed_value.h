#pragma once

#include <string>
#include <string_view>

#include "values/value_type.h"

namespace hydra_adapt {

// The text on the right of `key=` that makes the program receive `text` as `type`:
// str/path/output_path exactly as the text, int and float canonical and unquoted, bool as
// true/false, json as the same structure, auto as render_auto_value. Throws ValueError when the text is not of the
// type.
std::string render_typed_value(ValueType type, std::string_view text);

// Zero-config: a text that reads unambiguously as an int, a float or true/false goes
// unquoted so Hydra types it; every other text arrives as the exact str.
struct AutoValue {
  std::string_view type;  // "int", "float", "bool" or "str"
  std::string text;
};
AutoValue render_auto_value(std::string_view text);

}  // namespace hydra_adapt
