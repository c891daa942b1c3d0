#include "adapt_error.h"

#include <cstdio>

namespace hydra_adapt {

std::string quote_for_message(std::string_view text) {
  constexpr std::size_t kShownBytes = 200;  // room for a whole path, not for a 100 KiB value
  const bool shortened = text.size() > kShownBytes;
  std::string quoted = "'";
  for (unsigned char c : text.substr(0, kShownBytes)) {
    if (c == '\n') {
      quoted += "\\n";
    } else if (c == '\t') {
      quoted += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
      quoted += escaped;
    } else {
      quoted += static_cast<char>(c);
    }
  }
  quoted += "'";
  if (shortened) {
    quoted += "... (" + std::to_string(text.size()) + " bytes)";
  }
  return quoted;
}

std::string describe_value(std::string_view text, bool secret) {
  return secret ? "(secret, not shown)" : quote_for_message(text);
}

}  // namespace hydra_adapt
