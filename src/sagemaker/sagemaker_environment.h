#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "args/environment.h"
#include "options/variable_reader.h"

namespace hydra_adapt {

// Where the toolkit and SageMaker keep things: $SAGEMAKER_BASE_DIR when set, else /opt/ml.
std::string sagemaker_base_folder(const VariableReader& variable);

// The variables the sagemaker-training toolkit defines for the job's code, derived from the
// base folder as the toolkit derives them: SM_MODEL_DIR (BASE/model), SM_OUTPUT_DATA_DIR
// (BASE/output/data), SM_OUTPUT_DIR, SM_INPUT_DIR, SM_INPUT_CONFIG_DIR, SM_CHANNELS (the
// channels as a JSON list) and one SM_CHANNEL_<NAME> (BASE/input/data/<name>) per channel
// of `input_data_config` (the text of inputdataconfig.json, named `path` in errors; nullopt
// when there is none), and SM_NUM_GPUS when `gpu_count` is known. A bring-your-own container
// gets none of them from the platform, so the schema's env section can still name them.
// Throws AdaptError when the text is not a JSON object.
Environment sagemaker_variables(const std::string& base, const std::optional<std::string>& input_data_config,
                                const std::string& path, std::optional<int> gpu_count);

// os.path.join(base, relative), as the toolkit forms its paths.
std::string sagemaker_path(const std::string& base, const std::string& relative);

// The file whose text the SageMaker console shows as a failed job's reason.
std::string sagemaker_failure_file(const std::string& base);

}  // namespace hydra_adapt
