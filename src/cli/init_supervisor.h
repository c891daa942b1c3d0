#pragma once

#include <string>
#include <vector>

namespace hydra_adapt {

// PID 1 duty, like tini: runs the program as a child instead of becoming it, forwards
// SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 and SIGWINCH to it, reaps every zombie
// that lands here, and returns the program's exit status, or 128+N when signal N ended it.
// The child starts with an empty signal mask and every disposition at its default. When its
// exec fails it prints the one-line error and exits 127 (not found) or 126 (any other cause).
int supervise_program(const std::string& path, const std::vector<std::string>& argv);

}  // namespace hydra_adapt
