#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "options/variable_reader.h"
#include "platform/platform.h"

namespace hydra_adapt {

// The text of a file SageMaker writes, `what` naming it in errors; nullopt when there is none.
using SageMakerFileReader = std::function<std::optional<std::string>(const std::string& path, const std::string& what)>;

// What SageMaker hands the job beside the command line, decided from its variables and files:
// script mode (SM_HPS set, as the sagemaker-training toolkit sets it: the hyperparameters from
// it, and their str() rendering taken off the words) or a bring-your-own container (the
// hyperparameters from BASE/input/config/hyperparameters.json, read only then, and the word
// "train" SageMaker appends dropped); the toolkit's SM_ variables, with SM_NUM_GPUS when
// `gpu_count` is known. Throws AdaptError for a malformed variable or file.
PlatformInput sagemaker_input(const std::vector<std::string>& after_dash_dash, const VariableReader& variable,
                              const SageMakerFileReader& read_file, std::optional<int> gpu_count);

// What nvidia-smi --list-gpus would count among the names of /dev: nvidia0, nvidia1, ... (not
// nvidiactl, nvidia-uvm).
int nvidia_gpu_count(const std::vector<std::string>& device_names);

}  // namespace hydra_adapt
