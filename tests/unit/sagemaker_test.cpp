// SageMaker's bundle: hyperparameters decoded and withheld as the sagemaker-training toolkit
// does, script mode's rendering and the train word, and the variables derived from the base folder.
#include <gtest/gtest.h>

#include "adapt_error.h"
#include "sagemaker/hyperparameters.h"
#include "sagemaker/sagemaker_command.h"
#include "sagemaker/sagemaker_environment.h"

namespace hydra_adapt {
namespace {

using Words = std::vector<std::string>;
using Texts = std::vector<std::pair<std::string, std::optional<std::string>>>;

Texts texts_of(const Hyperparameters& hyperparameters) {
  Texts texts;
  for (const Hyperparameter& value : hyperparameters.values) texts.emplace_back(value.name, value.text);
  return texts;
}

TEST(SmHps, StringsAsTheyAreOtherValuesAsJsonTextSortedByName) {
  const Hyperparameters hyperparameters = hyperparameters_from_sm_hps(
      R"({"name":"it's \"q\", a=b é","lr":1e-05,"epochs":10,"big":123456789012345678901234567890,)"
      R"("flag":true,"layers":[1,"a b",{"k":null}],"opts":{"x":[],"y":{}},"none":null,"a":"x"})");
  EXPECT_EQ(hyperparameters.source, "SM_HPS");
  EXPECT_EQ(texts_of(hyperparameters), (Texts{{"a", "x"},
                                              {"big", "123456789012345678901234567890"},
                                              {"epochs", "10"},
                                              {"flag", "true"},
                                              {"layers", R"([1, "a b", {"k": null}])"},
                                              {"lr", "1e-05"},
                                              {"name", "it's \"q\", a=b é"},
                                              {"none", std::nullopt},
                                              {"opts", R"({"x": [], "y": {}})"}}));
}

TEST(SmHps, TakesNanAndInfinityAsPythonWritesThem) {
  EXPECT_EQ(texts_of(hyperparameters_from_sm_hps(
                R"({"a": NaN, "b": -Infinity, "c": [Infinity, null, "NaN"], "d": "Infinity"})")),
            (Texts{{"a", "NaN"}, {"b", "-Infinity"}, {"c", R"([Infinity, null, "NaN"])"}, {"d", "Infinity"}}));
}

TEST(SmHps, WithholdsThePlatformsOwnKeysAsTheToolkitDoes) {
  EXPECT_EQ(texts_of(hyperparameters_from_sm_hps(
                R"({"sagemaker_program": "run.sh", "sagemaker_region": "x", "sagemaker_anything": 1,)"
                R"( "_tuning_objective_metric": "loss", "default_user_module_name": "m", "sagemaker": 1,)"
                R"( "my_sagemaker_x": 2})")),
            (Texts{{"my_sagemaker_x", "2"}, {"sagemaker", "1"}}));
}

TEST(SmHps, ANameGivenTwiceKeepsItsLastValue) {
  EXPECT_EQ(texts_of(hyperparameters_from_sm_hps(R"({"a": 1, "a": [2]})")), (Texts{{"a", "[2]"}}));
}

TEST(SmHps, RefusesTextThatIsNoJsonObject) {
  for (const char* text : {"[1]", "\"x\"", "5", "{\"a\": 1", "{'a': 1}", "nan"}) {
    try {
      hyperparameters_from_sm_hps(text);
      ADD_FAILURE() << text;
    } catch (const AdaptError& error) {
      EXPECT_NE(std::string(error.what()).find("SM_HPS"), std::string::npos) << error.what();
    }
  }
}

TEST(HyperparametersFile, DecodesEachValueWithJsonLoadsElseKeepsTheString) {
  const Hyperparameters hyperparameters = hyperparameters_from_file(
      R"({"sdk_str": "\"adam\"", "plain_str": "adam", "lr": "0.01", "list": "[1, 2]", "repr": "['a', 'b']",)"
      R"( "flag": "True", "empty": "", "spaced": " 5 ", "nan": "NaN", "null": "null", "sagemaker_program": "\"x\""})",
      "/opt/ml/input/config/hyperparameters.json");
  EXPECT_EQ(hyperparameters.source, "hyperparameters.json");
  EXPECT_EQ(texts_of(hyperparameters), (Texts{{"empty", ""},
                                              {"flag", "True"},
                                              {"list", "[1, 2]"},
                                              {"lr", "0.01"},
                                              {"nan", "NaN"},
                                              {"null", std::nullopt},
                                              {"plain_str", "adam"},
                                              {"repr", "['a', 'b']"},
                                              {"sdk_str", "adam"},
                                              {"spaced", "5"}}));
}

TEST(HyperparametersFile, RefusesAnythingButAnObjectOfStrings) {
  for (const char* text : {R"({"lr": 0.01})", R"({"a": ["x"]})", "[]", "{", ""}) {
    try {
      hyperparameters_from_file(text, "/b/hyperparameters.json");
      ADD_FAILURE() << text;
    } catch (const AdaptError& error) {
      EXPECT_NE(std::string(error.what()).find("/b/hyperparameters.json"), std::string::npos) << error.what();
    }
  }
}

Hyperparameters named(const Words& names) {
  Hyperparameters hyperparameters{"SM_HPS", {}};
  for (const std::string& name : names) hyperparameters.values.push_back({name, "v"});
  return hyperparameters;
}

TEST(ScriptModeRendering, RemovesTheRunOfRenderedFlagsWhereverItIs) {
  const Hyperparameters hyperparameters = named({"a", "batch_size", "é", "lr"});
  EXPECT_EQ(without_script_mode_rendering(
                {"python3", "main.py", "-a", "1", "--batch_size", "", "-é", "x", "--lr", "0.1"}, hyperparameters),
            (Words{"python3", "main.py"}));
  EXPECT_EQ(without_script_mode_rendering(
                {"python3", "main.py", "--", "-a", "1", "--batch_size", "2", "-é", "x", "--lr", "0.1", "x=1"},
                hyperparameters),
            (Words{"python3", "main.py", "--", "x=1"}));
}

TEST(ScriptModeRendering, LeavesWordsThatAreNotTheWholeRendering) {
  const Hyperparameters hyperparameters = named({"a", "lr"});
  const Words partial{"python3", "main.py", "--lr", "0.1"};
  EXPECT_EQ(without_script_mode_rendering(partial, hyperparameters), partial);
  const Words unsorted{"python3", "main.py", "--lr", "0.1", "-a", "1"};
  EXPECT_EQ(without_script_mode_rendering(unsorted, hyperparameters), unsorted);
  const Words program_only{"-a"};
  EXPECT_EQ(without_script_mode_rendering(program_only, named({"a"})), program_only);
  EXPECT_EQ(without_script_mode_rendering(partial, named({})), partial);
}

TEST(ScriptModeRendering, RemovesTheLastRunWhenTwoMatch) {
  EXPECT_EQ(without_script_mode_rendering({"p", "--lr", "1", "--lr", "2"}, named({"lr"})), (Words{"p", "--lr", "1"}));
}

TEST(TrainWord, DroppedAsTheProgramsLastWordOrTheFirstIncomingWord) {
  ProgramSplit byoc{{"python3", "main.py", "train"}, {}, SplitRule::kFirstFlag};
  drop_train_word(byoc);
  EXPECT_EQ(byoc.program, (Words{"python3", "main.py"}));

  ProgramSplit second_dashes{{"python3", "main.py"}, {"train", "--lr", "1"}, SplitRule::kSecondDashDash};
  drop_train_word(second_dashes);
  EXPECT_EQ(second_dashes.incoming, (Words{"--lr", "1"}));
}

TEST(TrainWord, KeptElsewhere) {
  ProgramSplit followed{{"python3", "main.py", "train"}, {"--lr", "1"}, SplitRule::kFirstFlag};
  drop_train_word(followed);
  EXPECT_EQ(followed.program, (Words{"python3", "main.py", "train"}));

  ProgramSplit program_itself{{"train"}, {}, SplitRule::kFirstFlag};
  drop_train_word(program_itself);
  EXPECT_EQ(program_itself.program, (Words{"train"}));

  ProgramSplit later{{"p"}, {"--lr", "train"}, SplitRule::kSecondDashDash};
  drop_train_word(later);
  EXPECT_EQ(later.incoming, (Words{"--lr", "train"}));
}

TEST(SageMakerVariables, DerivedFromTheBaseFolderAsTheToolkitDerivesThem) {
  const Environment variables =
      sagemaker_variables("/opt/ml", R"({"train": {"TrainingInputMode": "File"}, "eval-2.x": {}})", "f", 2);
  EXPECT_EQ(variables, (Environment{{"SM_MODEL_DIR", "/opt/ml/model"},
                                    {"SM_OUTPUT_DIR", "/opt/ml/output"},
                                    {"SM_OUTPUT_DATA_DIR", "/opt/ml/output/data"},
                                    {"SM_INPUT_DIR", "/opt/ml/input"},
                                    {"SM_INPUT_CONFIG_DIR", "/opt/ml/input/config"},
                                    {"SM_NUM_GPUS", "2"},
                                    {"SM_CHANNELS", R"(["eval-2.x","train"])"},
                                    {"SM_CHANNEL_TRAIN", "/opt/ml/input/data/train"},
                                    {"SM_CHANNEL_EVAL-2.X", "/opt/ml/input/data/eval-2.x"}}));
}

TEST(SageMakerVariables, WithoutChannelsOrGpuCount) {
  const Environment variables = sagemaker_variables("/base/", std::nullopt, "f", std::nullopt);
  EXPECT_EQ(variables.at("SM_MODEL_DIR"), "/base/model");
  EXPECT_EQ(variables.at("SM_CHANNELS"), "[]");
  EXPECT_EQ(variables.count("SM_NUM_GPUS"), 0u);
  EXPECT_EQ(sagemaker_failure_file("/base/"), "/base/output/failure");
  EXPECT_EQ(sagemaker_base_folder([](const std::string&) { return std::nullopt; }), "/opt/ml");
  EXPECT_EQ(sagemaker_base_folder([](const std::string& name) {
              return name == "SAGEMAKER_BASE_DIR" ? std::optional<std::string>("/tmp/x") : std::nullopt;
            }),
            "/tmp/x");
}

TEST(SageMakerVariables, RefusesAnInputDataConfigThatIsNoObject) {
  EXPECT_THROW(sagemaker_variables("/b", "[\"train\"]", "/b/input/config/inputdataconfig.json", 0), AdaptError);
  EXPECT_THROW(sagemaker_variables("/b", "{", "/b/input/config/inputdataconfig.json", 0), AdaptError);
}

}  // namespace
}  // namespace hydra_adapt
