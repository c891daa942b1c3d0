#include "cli/error_line.h"

#include <cstdio>

namespace hydra_adapt {

void print_error_line(const AdaptError& error) { std::fprintf(stderr, "hydra-adapt: error: %s\n", error.what()); }

}  // namespace hydra_adapt
