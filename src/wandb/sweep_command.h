#pragma once

#include <optional>
#include <string>
#include <vector>

#include "wandb/wandb_parameters.h"

namespace hydra_adapt {

// The words after hydra-adapt's "--" less every rendering of the parameters that the W&B
// sweep agent put there (wandb_agent.py Agent._command_run, create_sweep_command_args):
//   ${args}                  --name=str(v)
//   ${args_no_equals}        --name str(v)
//   ${args_no_boolean_flags} --name for True, nothing for False, else --name=str(v)
//   ${args_no_hyphens}       name=str(v)
//   ${args_append_hydra}     +name=str(v)
//   ${args_override_hydra}   ++name=str(v)
//   ${args_json}             one word, json.dumps of all the parameters
//   ${args_json_file}        the path of a file holding that JSON (`json_file`, when known)
// Python's str() is lossy (None, {'lr': 0.1}, a comma), so the exact values come from the
// parameter file or WANDB_CONFIG instead. A word is recognised by a parameter's name, in any
// mix of the macros and wherever it stands after the program's first word; words that name
// no parameter (the Hydra overrides written into the sweep's command) stay.
std::vector<std::string> without_sweep_renderings(const std::vector<std::string>& words,
                                                  const std::vector<WandbValue>& rendered,
                                                  const std::optional<std::string>& json_file);

// The file the agent writes for ${args_json_file}: beside the parameter file, with .json for
// .yaml ("wandb/sweep-ID/config-RUN.yaml" -> "wandb/sweep-ID/config-RUN.json").
std::string sweep_args_json_file(const std::string& sweep_param_path);

}  // namespace hydra_adapt
