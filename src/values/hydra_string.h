#pragma once

#include <string>
#include <string_view>

namespace hydra_adapt {

// The override value that makes the program receive exactly `text` as a str, whatever it
// holds: quotes, backslash runs, "${...}" (kept literal, not resolved), blanks at the edges,
// controls, any bytes but NUL. Used for top-level values and for strings inside JSON.
std::string quote_string_value(std::string_view text);

// The same, appended to `out`: renders a large JSON value into one text.
void append_quoted_string_value(std::string& out, std::string_view text);

}  // namespace hydra_adapt
