#pragma once

#include <string>

#include "check/sent_flags.h"

namespace hydra_adapt {

// What a W&B sweep configuration (`check --wandb-sweep FILE`, YAML or JSON) sends each run:
// each parameter with its `value`, each of its `values`, its `min` and `max` (as `log_uniform`
// and `inv_log_uniform` turn those exponents into values), a nested `parameters` mapping on
// its leaves as dotted names (optimizer.lr), as `--platform wandb` reads a nested parameter;
// and the fixed --flags among the `command` words. Throws AdaptError naming the file and the
// spot for a file that is no sweep.
SourceFlags wandb_sweep_flags(const std::string& text, const std::string& file);

}  // namespace hydra_adapt
