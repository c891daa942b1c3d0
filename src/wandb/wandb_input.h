#pragma once

#include <functional>
#include <string>
#include <vector>

#include "options/variable_reader.h"
#include "platform/platform.h"

namespace hydra_adapt {

// The text of the file at `path` (the sweep agent's parameter file). Throws AdaptError when it
// cannot be read.
using WandbFileReader = std::function<std::string(const std::string& path)>;

// What --platform wandb adds: the typed parameters from the file WANDB_SWEEP_PARAM_PATH names
// (a sweep run), else from WANDB_CONFIG or its shards (W&B Launch), else none; and the words
// after "--" (`after_dash_dash`) less the agent's renderings of them. Throws AdaptError for a
// file or variable that cannot be read or is malformed.
PlatformInput wandb_input(const std::vector<std::string>& after_dash_dash, const VariableReader& variable,
                          const WandbFileReader& read_file);

}  // namespace hydra_adapt
