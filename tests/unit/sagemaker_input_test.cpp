// What SageMaker hands the job, decided from its variables and files' texts: script mode or a
// bring-your-own container, the train word, the values beside the command line, the GPU count.
#include "sagemaker/sagemaker_input.h"

#include <gtest/gtest.h>

#include <map>

#include "adapt_error.h"
#include "variable_table.h"

namespace hydra_adapt {
namespace {

using Words = std::vector<std::string>;
using Files = std::map<std::string, std::string>;

// The files SageMaker wrote under /ml, and the paths the decision asked for.
struct FakeFiles {
  Files files;
  std::vector<std::string> asked;
  SageMakerFileReader reader() {
    return [this](const std::string& path, const std::string&) -> std::optional<std::string> {
      asked.push_back(path);
      const auto found = files.find(path);
      if (found == files.end()) return std::nullopt;
      return found->second;
    };
  }
};

std::vector<std::pair<std::string, std::string>> values_of(const PlatformInput& input) {
  std::vector<std::pair<std::string, std::string>> values;
  for (const PlatformValue& value : input.value_source.values) values.emplace_back(value.origin, value.text);
  return values;
}

constexpr const char* kHyperparameters = "/ml/input/config/hyperparameters.json";
constexpr const char* kInputDataConfig = "/ml/input/config/inputdataconfig.json";

TEST(SageMakerInput, ScriptModeTakesSmHpsAndTakesItsRenderingOffTheWordsNeverReadingTheFile) {
  FakeFiles files{{{kHyperparameters, R"({"lr": "\"0.5\""})"}}, {}};
  const VariableReader variables =
      variable_table({{"SAGEMAKER_BASE_DIR", "/ml"}, {"SM_HPS", R"({"lr": 0.01, "layers": [1, 2]})"}});
  const PlatformInput input =
      sagemaker_input({"python3", "train.py", "--layers", "[1, 2]", "--lr", "0.01"}, variables, files.reader(), 1);
  EXPECT_EQ(input.split.program, (Words{"python3", "train.py"}));
  EXPECT_TRUE(input.split.incoming.empty());
  EXPECT_EQ(values_of(input), (decltype(values_of(input)){{"SM_HPS:layers", "[1, 2]"}, {"SM_HPS:lr", "0.01"}}));
  EXPECT_EQ(input.value_source.json_rendering_note, "");
  EXPECT_EQ(files.asked, (Words{kInputDataConfig}));
  EXPECT_EQ(input.variables.at("SM_NUM_GPUS"), "1");
}

TEST(SageMakerInput, ScriptModeKeepsATrainWordTheToolkitNeverAppends) {
  FakeFiles files;
  const PlatformInput input =
      sagemaker_input({"python3", "train"}, variable_table({{"SM_HPS", "{}"}}), files.reader(), std::nullopt);
  EXPECT_EQ(input.split.program, (Words{"python3", "train"}));
}

TEST(SageMakerInput, YourOwnContainerReadsTheFileAndDropsTheTrainWord) {
  FakeFiles files{
      {{kHyperparameters, R"({"lr": "0.01", "optimizer": "adam"})"}, {kInputDataConfig, R"({"train": {}})"}}, {}};
  const PlatformInput input = sagemaker_input({"python3", "train.py", "train"},
                                              variable_table({{"SAGEMAKER_BASE_DIR", "/ml"}}), files.reader(), 0);
  EXPECT_EQ(input.split.program, (Words{"python3", "train.py"}));
  EXPECT_EQ(values_of(input), (decltype(values_of(input)){{"hyperparameters.json:lr", "0.01"},
                                                          {"hyperparameters.json:optimizer", "adam"}}));
  EXPECT_NE(input.value_source.json_rendering_note, "");  // its rendering on the command line may be str()
  EXPECT_EQ(input.variables.at("SM_CHANNEL_TRAIN"), "/ml/input/data/train");
  EXPECT_EQ(input.variables.at("SM_NUM_GPUS"), "0");
}

TEST(SageMakerInput, WithoutFilesOnlyTheVariablesOfTheDefaultBase) {
  FakeFiles files;
  const PlatformInput input =
      sagemaker_input({"python3", "train.py"}, variable_table({}), files.reader(), std::nullopt);
  EXPECT_TRUE(input.value_source.values.empty());
  EXPECT_EQ(files.asked,
            (Words{"/opt/ml/input/config/hyperparameters.json", "/opt/ml/input/config/inputdataconfig.json"}));
  EXPECT_EQ(input.variables.at("SM_MODEL_DIR"), "/opt/ml/model");
  EXPECT_EQ(input.variables.count("SM_NUM_GPUS"), 0U);
}

TEST(SageMakerInput, RefusesAMalformedSmHpsOrFile) {
  FakeFiles files{{{"/opt/ml/input/config/hyperparameters.json", "[1]"}}, {}};
  EXPECT_THROW(sagemaker_input({"p"}, variable_table({{"SM_HPS", "{'lr': 1}"}}), files.reader(), 0), AdaptError);
  EXPECT_THROW(sagemaker_input({"p"}, variable_table({}), files.reader(), 0), AdaptError);
}

TEST(NvidiaGpuCount, CountsTheNumberedDevicesOnly) {
  EXPECT_EQ(nvidia_gpu_count({"nvidia0", "nvidia1", "nvidiactl", "nvidia-uvm", "nvidia-modeset", "null", "nvidia"}), 2);
  EXPECT_EQ(nvidia_gpu_count({"nvidia12", "tty0"}), 1);
  EXPECT_EQ(nvidia_gpu_count({}), 0);
}

}  // namespace
}  // namespace hydra_adapt
