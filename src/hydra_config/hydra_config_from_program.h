#pragma once

#include <memory>
#include <string>
#include <vector>

#include "hydra_config/config_matcher.h"
#include "supervision/config_run.h"

namespace hydra_adapt {

// The app's Hydra config from the program itself: runs `PROGRAM WORDS --cfg all` (no shell;
// its stderr passes through) under `limits` and reads what it prints. Throws AdaptError (exit 127 or 126 when
// the program cannot be run, 2 naming its status when it fails).
std::shared_ptr<const ConfigMatcher> hydra_config_from_program(const std::vector<std::string>& command,
                                                               const ConfigRunLimits& limits);

}  // namespace hydra_adapt
