#pragma once

#include <string>
#include <vector>

#include "hydra_config/composition.h"

namespace hydra_adapt {

// How a run for the app's config is held to account.
struct ConfigRunLimits {
  int timeout_seconds = 300;  // HYDRA_ADAPT_COMPOSE_TIMEOUT
  bool init_duty = false;     // as PID 1 (or --init): signals forwarded to the run, every zombie reaped
};

// Runs `command` (the program, its words, "--cfg", "all"; no shell, the same environment):
// stdout and stderr captured, for the caller to pass stderr on (the app's warnings) or to
// read Hydra's error from it, so that a refused job still gets one error line. A run that
// does not end in time is killed. A SIGTERM or SIGINT to the tool kills the run and throws
// AdaptError with 128+N; under the duty the other signals the supervisor forwards go to the run.
// Throws AdaptError with 127 or 126 when the program cannot be run.
ConfigRunResult run_for_config(const std::vector<std::string>& command, const ConfigRunLimits& limits);

}  // namespace hydra_adapt
