#include "sagemaker/sagemaker_input.h"

#include "sagemaker/hyperparameters.h"
#include "sagemaker/sagemaker_command.h"
#include "sagemaker/sagemaker_environment.h"
#include "text/ascii.h"

namespace hydra_adapt {
namespace {

constexpr const char* kScriptModeJsonNote =
    "SageMaker's script mode renders a list or dict on the command line with Python's str(), which is not "
    "JSON; the exact value is in SM_HPS, which the sagemaker-training toolkit sets: run the entry point "
    "through it (or set SM_HPS), or send the value as JSON";

}  // namespace

PlatformInput sagemaker_input(const std::vector<std::string>& after_dash_dash, const VariableReader& variable,
                              const SageMakerFileReader& read_file, std::optional<int> gpu_count) {
  const std::string base = sagemaker_base_folder(variable);
  const std::optional<std::string> sm_hps = variable("SM_HPS");
  // The toolkit sets SM_HPS in script mode; a bring-your-own container has only the file.
  const bool script_mode = sm_hps.has_value();
  Hyperparameters hyperparameters{"hyperparameters.json", {}};
  if (script_mode) {
    hyperparameters = hyperparameters_from_sm_hps(*sm_hps);
  } else {
    const std::string path = sagemaker_path(base, "input/config/hyperparameters.json");
    if (const auto text = read_file(path, "hyperparameters file"))
      hyperparameters = hyperparameters_from_file(*text, path);
  }

  PlatformInput input;
  input.split = split_program_words(without_script_mode_rendering(after_dash_dash, hyperparameters));
  // Only SageMaker itself appends the word, when it starts the image; the toolkit does not.
  if (!script_mode) drop_train_word(input.split);
  for (const Hyperparameter& hyperparameter : hyperparameters.values) {
    if (!hyperparameter.text) continue;
    input.value_source.values.push_back(
        {hyperparameter.name, *hyperparameter.text, hyperparameters.source + ":" + hyperparameter.name});
  }
  if (!script_mode) input.value_source.json_rendering_note = kScriptModeJsonNote;
  const std::string input_data_config = sagemaker_path(base, "input/config/inputdataconfig.json");
  input.variables =
      sagemaker_variables(base, read_file(input_data_config, "input data config"), input_data_config, gpu_count);
  return input;
}

int nvidia_gpu_count(const std::vector<std::string>& device_names) {
  int count = 0;
  for (const std::string& name : device_names) {
    const bool numbered = name.size() > 6 && name.find_first_not_of("0123456789", 6) == std::string::npos;
    if (numbered && starts_with(name, "nvidia")) ++count;
  }
  return count;
}

}  // namespace hydra_adapt
