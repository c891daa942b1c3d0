#pragma once

#include <string>

#include "adapt_error.h"

namespace hydra_adapt {

// The error for an exception that is not an AdaptError: a bug rather than bad input, but the
// promise holds: one line, and the program never starts.
AdaptError internal_error(const std::string& what, int exit_status);

// "hydra-adapt: error: <message>", on one line whatever the message quotes.
std::string error_line(const AdaptError& error);

// The one line the user sees for an AdaptError: "hydra-adapt: error: <message>" on stderr.
// Both main and a forked child whose exec failed print it, so the two read the same.
void print_error_line(const AdaptError& error);

}  // namespace hydra_adapt
