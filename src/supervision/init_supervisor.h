#pragma once

#include <string>
#include <vector>

#include "supervision/init_duty.h"

namespace hydra_adapt {

// PID 1 duty, like tini: runs the program as a child instead of becoming it, the leader of its
// own process group (and the terminal's foreground group when the tool had the terminal),
// forwards SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH and the parent-death
// signal to it (or its whole group), reaps every zombie that lands here, and returns the
// program's exit status, or 128+N when signal N ended it, with the duty's successes made 0.
// The child starts with an empty signal mask and every disposition at its default. When its
// exec fails it prints the one-line error and exits 127 (not found) or 126 (any other cause),
// which the supervisor returns as they are (start_in_child).
int supervise_program(const std::string& path, const std::vector<std::string>& argv, const InitDuty& duty);

}  // namespace hydra_adapt
