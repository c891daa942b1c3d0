#include "platform/platform_input.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

#include "platform/process_variable.h"
#include "sagemaker/sagemaker_environment.h"
#include "sagemaker/sagemaker_input.h"
#include "wandb/wandb_input.h"
#include "yaml/yaml_source.h"

namespace hydra_adapt {
namespace {

// Without --platform wandb, a sweep's ${args} and the like reach a json flag as Python's str().
constexpr const char* kPythonRenderingJsonNote =
    "if a W&B sweep sent it: a W&B sweep renders a dict or list on the command line with Python's str(), which is "
    "not JSON: run with --platform wandb, which takes the exact value from the sweep's parameter file";

// The file's text; nullopt when there is no such file. SageMaker writes these files, so a
// hint points at where the tool looked.
std::optional<std::string> read_sagemaker_file(const std::string& path, const std::string& what) {
  std::error_code error;
  if (std::filesystem::status(path, error).type() == std::filesystem::file_type::not_found) return std::nullopt;
  return read_text_file(path, what, "the file SageMaker writes, under $SAGEMAKER_BASE_DIR (default /opt/ml)");
}

// The GPU devices the container was given; nullopt when /dev cannot be listed.
std::optional<int> gpu_count() {
  std::error_code error;
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator("/dev", error)) {
    names.push_back(entry.path().filename().string());
  }
  if (error) return std::nullopt;
  return nvidia_gpu_count(names);
}

// The sweep agent's parameter file, which must be there once WANDB_SWEEP_PARAM_PATH names it.
std::string read_wandb_file(const std::string& path) {
  return read_text_file(path, "W&B sweep parameter file", "WANDB_SWEEP_PARAM_PATH, which the W&B agent sets");
}

}  // namespace

PlatformInput read_platform_input(Platform platform, const std::vector<std::string>& after_dash_dash) {
  if (platform == Platform::kSageMaker) {
    return sagemaker_input(after_dash_dash, process_variable, read_sagemaker_file, gpu_count());
  }
  if (platform == Platform::kWandb) return wandb_input(after_dash_dash, process_variable, read_wandb_file);
  return {split_program_words(after_dash_dash), {{}, kPythonRenderingJsonNote}, {}};
}

std::optional<std::string> platform_failure_file(Platform platform) {
  if (platform == Platform::kSageMaker) return sagemaker_failure_file(sagemaker_base_folder(process_variable));
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
