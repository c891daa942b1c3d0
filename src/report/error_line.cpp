#include "report/error_line.h"

#include <cstdio>
#include <string>

namespace hydra_adapt {

AdaptError internal_error(const std::string& what, int exit_status) {
  return AdaptError("internal error: " + what + "; please report it", exit_status);
}

std::string error_line(const AdaptError& error) {
  // One line whatever a message quotes (a flag or key name read from YAML can hold a newline).
  std::string line;
  for (const char c : std::string(error.what())) {
    if (c == '\n') {
      line += "\\n";
    } else if (c == '\r') {
      line += "\\r";
    } else {
      line += c;
    }
  }
  return "hydra-adapt: error: " + line;
}

void print_error_line(const AdaptError& error) { std::fprintf(stderr, "%s\n", error_line(error).c_str()); }

}  // namespace hydra_adapt
