#pragma once

#include <string>
#include <vector>

#include "platform/platform_input.h"

namespace hydra_adapt {

// What --platform wandb adds, read from this process's environment and the sweep agent's
// parameter file: the typed parameters from the file WANDB_SWEEP_PARAM_PATH names (a sweep
// run), else from WANDB_CONFIG or its shards (W&B Launch), else none; and the words after "--"
// (`after_dash_dash`) less the agent's renderings of them. Throws AdaptError for a file or
// variable that cannot be read or is malformed.
PlatformInput read_wandb_input(const std::vector<std::string>& after_dash_dash);

}  // namespace hydra_adapt
