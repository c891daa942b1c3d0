#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hydra_adapt {

// One hyperparameter of a SageMaker training job, decoded as the sagemaker-training toolkit
// decodes it and handed on as text: a string as it is, any other value as its JSON text
// (numbers exactly as written, NaN and Infinity as Python writes them).
struct Hyperparameter {
  std::string name;
  std::optional<std::string> text;  // nullopt: a JSON null, which the app never receives
};

// The hyperparameters the job's code receives, sorted by name as the toolkit's to_cmd_args
// sorts them, and where they came from ("SM_HPS" or "hyperparameters.json"). The platform's
// own keys (sagemaker_*, _tuning_objective_metric, default_user_module_name) are withheld, as
// the toolkit withholds them (params.SAGEMAKER_HYPERPARAMETERS and the sagemaker_ prefix).
struct Hyperparameters {
  std::string source;
  std::vector<Hyperparameter> values;
};

// SM_HPS, which the toolkit sets in script mode: one JSON object of decoded values, written by
// Python's json. Throws AdaptError when the text is not a JSON object.
Hyperparameters hyperparameters_from_sm_hps(std::string_view text);

// The text of input/config/hyperparameters.json (named `path` in errors): a JSON object of
// strings, each decoded with json.loads where that succeeds and kept as the string where it
// fails, as the toolkit's read_hyperparameters does. Recent SDKs JSON-encode every value
// ("\"adam\"", "0.01"); older ones, the API and tuning jobs send plain strings ("adam").
// Throws AdaptError when the text is not a JSON object of strings.
Hyperparameters hyperparameters_from_file(std::string_view text, const std::string& path);

}  // namespace hydra_adapt
