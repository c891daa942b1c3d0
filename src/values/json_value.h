#pragma once

#include <string>
#include <string_view>

namespace hydra_adapt {

// The override value that gives the program the same structure as this JSON text: objects
// become DictConfig, arrays ListConfig, strings exact, numbers and booleans typed, null None,
// and Python's NaN, Infinity and -Infinity the floats nan, inf and -inf.
// Throws ValueError for text that is not JSON, and for an object key Hydra cannot carry as
// that exact str (non-ASCII, or one it reads as another type: "1", "true", "null", "nan").
std::string render_json(std::string_view json_text);

}  // namespace hydra_adapt
