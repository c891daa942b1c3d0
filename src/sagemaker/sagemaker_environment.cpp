#include "sagemaker/sagemaker_environment.h"

#include <nlohmann/json.hpp>

#include "adapt_error.h"
#include "text/ascii.h"

namespace hydra_adapt {
std::string sagemaker_path(const std::string& base, const std::string& relative) {
  return !base.empty() && base.back() == '/' ? base + relative : base + "/" + relative;
}

std::string sagemaker_base_folder(const VariableReader& variable) {
  return variable("SAGEMAKER_BASE_DIR").value_or("/opt/ml");
}

Environment sagemaker_variables(const std::string& base, const std::optional<std::string>& input_data_config,
                                const std::string& path, std::optional<int> gpu_count) {
  Environment variables{
      {"SM_MODEL_DIR", sagemaker_path(base, "model")},
      {"SM_OUTPUT_DIR", sagemaker_path(base, "output")},
      {"SM_OUTPUT_DATA_DIR", sagemaker_path(base, "output/data")},
      {"SM_INPUT_DIR", sagemaker_path(base, "input")},
      {"SM_INPUT_CONFIG_DIR", sagemaker_path(base, "input/config")},
  };
  if (gpu_count) variables.emplace("SM_NUM_GPUS", std::to_string(*gpu_count));
  nlohmann::json channels = nlohmann::json::array();
  if (input_data_config) {
    const nlohmann::json config = nlohmann::json::parse(*input_data_config, nullptr, /*allow_exceptions=*/false);
    if (!config.is_object()) {
      throw AdaptError("input data config " + path +
                       " is not a JSON object; SageMaker writes it with one member per channel: fix or remove it");
    }
    for (const auto& [channel, ignored] : config.items()) {
      variables.emplace("SM_CHANNEL_" + uppercase(channel), sagemaker_path(base, "input/data/" + channel));
      channels.push_back(channel);
    }
  }
  variables.emplace("SM_CHANNELS", channels.dump());  // sorted, as the toolkit sorts them
  return variables;
}

std::string sagemaker_failure_file(const std::string& base) { return sagemaker_path(base, "output/failure"); }

}  // namespace hydra_adapt
