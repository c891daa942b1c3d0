#pragma once

#include <functional>

namespace hydra_adapt {

// The supervisor's forked child up to its exec: runs `start`, which ends in an exec. Whatever
// `start` throws ends the child there, never in main (a second copy of the tool): the one error
// line on stderr, the exit status as one byte on `report_pipe` (so the supervisor knows the
// program never started), and _exit with the status: the AdaptError's own (127 not found, 126
// not executable, 1 a failed set-up step), 126 for any other exception.
[[noreturn]] void start_in_child(const std::function<void()>& start, int report_pipe);

}  // namespace hydra_adapt
