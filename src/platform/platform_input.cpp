#include "platform/platform_input.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "sagemaker/hyperparameters.h"
#include "sagemaker/sagemaker_command.h"
#include "sagemaker/sagemaker_environment.h"
#include "text/ascii.h"
#include "wandb/wandb_input.h"
#include "yaml/yaml_source.h"

namespace hydra_adapt {
namespace {

// Without --platform wandb, a sweep's ${args} and the like reach a json flag as Python's str().
constexpr const char* kPythonRenderingJsonNote =
    "a W&B sweep renders a dict or list on the command line with Python's str(), which is not JSON: run with "
    "--platform wandb, which takes the exact value from the sweep's parameter file";

constexpr const char* kScriptModeJsonNote =
    "SageMaker's script mode renders a list or dict on the command line with Python's str(), which is not "
    "JSON; the exact value is in SM_HPS, which the sagemaker-training toolkit sets: run the entry point "
    "through it (or set SM_HPS), or send the value as JSON";

std::string base_folder() { return sagemaker_base_folder(std::getenv("SAGEMAKER_BASE_DIR")); }

// The file's text; nullopt when there is no such file. SageMaker writes these files, so a
// hint points at where the tool looked.
std::optional<std::string> read_platform_file(const std::string& path, const std::string& what) {
  std::error_code error;
  if (std::filesystem::status(path, error).type() == std::filesystem::file_type::not_found) return std::nullopt;
  return read_text_file(path, what, "the file SageMaker writes, under $SAGEMAKER_BASE_DIR (default /opt/ml)");
}

// What nvidia-smi --list-gpus would count: the GPU devices the container was given.
std::optional<int> gpu_count() {
  std::error_code error;
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/dev", error)) {
    const std::string name = entry.path().filename().string();
    const bool numbered = name.size() > 6 && name.find_first_not_of("0123456789", 6) == std::string::npos;
    if (numbered && starts_with(name, "nvidia")) ++count;
  }
  if (error) return std::nullopt;
  return count;
}

PlatformInput read_sagemaker_input(const ToolOptions& options) {
  const std::string base = base_folder();
  const char* sm_hps = std::getenv("SM_HPS");
  // The toolkit sets SM_HPS in script mode; a bring-your-own container has only the file.
  const bool script_mode = sm_hps != nullptr && *sm_hps != '\0';
  Hyperparameters hyperparameters{"hyperparameters.json", {}};
  if (script_mode) {
    hyperparameters = hyperparameters_from_sm_hps(sm_hps);
  } else {
    const std::string path = sagemaker_path(base, "input/config/hyperparameters.json");
    if (const auto text = read_platform_file(path, "hyperparameters file")) {
      hyperparameters = hyperparameters_from_file(*text, path);
    }
  }

  PlatformInput input;
  input.split = split_program_words(without_script_mode_rendering(options.after_dash_dash, hyperparameters));
  // Only SageMaker itself appends the word, when it starts the image; the toolkit does not.
  if (!script_mode) drop_train_word(input.split);
  for (const Hyperparameter& hyperparameter : hyperparameters.values) {
    if (!hyperparameter.text) continue;
    input.values.values.push_back(
        {hyperparameter.name, *hyperparameter.text, hyperparameters.source + ":" + hyperparameter.name});
  }
  if (!script_mode) input.values.json_rendering_note = kScriptModeJsonNote;
  const std::string input_data_config = sagemaker_path(base, "input/config/inputdataconfig.json");
  input.variables = sagemaker_variables(base, read_platform_file(input_data_config, "input data config"),
                                        input_data_config, gpu_count());
  return input;
}

}  // namespace

PlatformInput read_platform_input(const ToolOptions& options) {
  if (options.platform == Platform::kSageMaker) return read_sagemaker_input(options);
  if (options.platform == Platform::kWandb) return read_wandb_input(options.after_dash_dash);
  return {split_program_words(options.after_dash_dash), {{}, kPythonRenderingJsonNote}, {}};
}

std::optional<std::string> platform_failure_file(const ToolOptions& options) {
  if (options.platform == Platform::kSageMaker) return sagemaker_failure_file(base_folder());
  return std::nullopt;
}

void write_failure_file(const std::string& path, const std::string& line) {
  // O_EXCL: never replace a reason already there, and never follow a link someone put there.
  const int file = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (file < 0) return;
  const std::string text = line + "\n";
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t count = ::write(file, text.data() + written, text.size() - written);
    if (count <= 0) break;
    written += static_cast<std::size_t>(count);
  }
  ::close(file);
}

}  // namespace hydra_adapt
