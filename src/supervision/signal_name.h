#pragma once

#include <string>
#include <string_view>

namespace hydra_adapt {

// The number of a signal the supervisor can forward, written as kill(1) and tini take it: a name
// in any case, with or without "SIG" (TERM, SIGTERM, sigusr1), or a number (15). Throws
// AdaptError starting with `origin` (the option and its variable) for anything else, and for
// SIGKILL and SIGSTOP, which no process can catch and so none can pass on, and for SIGCHLD, which
// is how the supervisor learns that its children ended.
int forwardable_signal(std::string_view text, const std::string& origin);

}  // namespace hydra_adapt
