#pragma once

#include <string>

namespace hydra_adapt {

// Logs go to stderr, warnings only by default, so the program's own output stays clean.
void set_up_logging(const std::string& level);

}  // namespace hydra_adapt
