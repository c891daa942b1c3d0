#include "translate/executor_input.h"

#include <gtest/gtest.h>

#include "adapt_error.h"
#include "schema/schema_yaml.h"
#include "translate/translator.h"

namespace hydra_adapt {
namespace {

using Words = std::vector<std::string>;

// As kfp.local's executor_input_to_dict writes it (MessageToDict: camelCase, ints cast back).
const std::string kExecutorInput = R"({
  "inputs": {
    "parameterValues": {"lr": 0.01, "epochs": 3, "name": "it's, [x]", "cfg": {"a": [1, 2]}, "use_gpu": false,
                        "opt": null},
    "artifacts": {"data": {"artifacts": [{"name": "data", "uri": "gs://b/root/prep/data",
                                          "type": {"schemaTitle": "system.Dataset"}, "metadata": {}}]}}
  },
  "outputs": {
    "parameters": {"acc": {"outputFile": "/tmp/kfp/outputs/acc"}},
    "artifacts": {"model": {"artifacts": [{"name": "model", "uri": "s3://m/train/model", "metadata": {}}]}},
    "outputFile": "/tmp/kfp/outputs/output_metadata.json"
  }
})";

std::string error_of(const std::string& json) {
  try {
    executor_input_values(json);
  } catch (const AdaptError& error) {
    return error.what();
  }
  return "";
}

TEST(ExecutorInputValues, ReadsParametersThenArtifactPathsThenOutputs) {
  std::vector<std::pair<std::string, std::string>> values;
  for (const ExecutorValue& value : executor_input_values(kExecutorInput)) values.emplace_back(value.name, value.text);
  EXPECT_EQ(values, (std::vector<std::pair<std::string, std::string>>{
                        {"cfg", R"({"a":[1,2]})"},
                        {"epochs", "3"},
                        {"lr", "0.01"},
                        {"name", "it's, [x]"},
                        {"use_gpu", "false"},
                        {"data", "/gcs/b/root/prep/data"},
                        {"acc", "/tmp/kfp/outputs/acc"},
                        {"model", "/s3/m/train/model"},
                    }));
}

TEST(ExecutorInputValues, TakesMissingSectionsAsEmpty) {
  EXPECT_TRUE(executor_input_values("{}").empty());
  EXPECT_EQ(executor_input_values(R"({"inputs": {"parameterValues": {"x": "1"}}})").size(), 1u);
}

TEST(ExecutorInputValues, RefusesWhatIsNoExecutorInput) {
  EXPECT_NE(error_of("{\"inputs\": ").find("--executor_input: the value is not JSON"), std::string::npos);
  EXPECT_NE(error_of("[1]").find("not a JSON object"), std::string::npos);
  EXPECT_NE(error_of(R"({"inputs": []})").find("'inputs' is not an object"), std::string::npos);
  EXPECT_NE(error_of(R"({"inputs": {"artifacts": {"d": {"artifacts": []}}}})")
                .find("'inputs.artifacts.d' has no artifacts list"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"outputs": {"artifacts": {"m": {"artifacts": [{"name": "m"}]}}}})")
                .find("'outputs.artifacts.m' has no uri"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"outputs": {"parameters": {"a": {}}}})").find("'outputs.parameters.a' has no outputFile"),
            std::string::npos);
}

Words final_words(const Schema& schema, const Words& incoming, UnknownPolicy unknown) {
  const Translation translation = translate(schema, {{"p"}, incoming, SplitRule::kFirstFlag}, unknown);
  return Words(translation.argv.begin() + 1, translation.argv.end());
}

TEST(TranslateExecutorInput, ItsValuesGoThroughTheSchemaAsFlagsOfTheirNames) {
  const Schema schema = parse_schema_yaml(
      "flags:\n"
      "  lr: {key: optimizer.lr, type: float}\n"
      "  epochs: {key: trainer.max_epochs, type: int}\n"
      "  name: {key: run.name}\n"
      "  cfg: {key: model.cfg, type: json}\n"
      "  use_gpu: {key: trainer.gpu, type: bool}\n"
      "  data: {key: data.path, type: path}\n"
      "  acc: {key: out.acc, type: output_path}\n"
      "  model: {key: out.model, type: output_path}\n",
      "s");
  const Translation translation =
      translate(schema, {{"p"}, {"--executor_input", kExecutorInput}, SplitRule::kFirstFlag}, UnknownPolicy::kError);
  EXPECT_EQ(Words(translation.argv.begin() + 1, translation.argv.end()),
            (Words{"model.cfg=null", "model.cfg={a: [1, 2]}", "trainer.max_epochs=3", "optimizer.lr=0.01",
                   "run.name='it\\'s, [x]'", "trainer.gpu=false", "data.path='/gcs/b/root/prep/data'",
                   "out.acc='/tmp/kfp/outputs/acc'", "out.model='/s3/m/train/model'"}));
  ASSERT_EQ(translation.folders.size(), 2u);
  EXPECT_EQ(translation.folders[0].folder, "/tmp/kfp/outputs");
  EXPECT_EQ(translation.folders[0].flags, std::vector<std::string>{"--executor_input:acc"});
  EXPECT_EQ(translation.mappings[0].incoming, "--executor_input:cfg");
}

TEST(TranslateExecutorInput, AMistypedValueNamesTheExecutorInput) {
  const Schema schema = parse_schema_yaml("flags: {lr: {type: float}}", "s");
  try {
    final_words(schema, {"--executor_input", R"({"inputs": {"parameterValues": {"lr": "fast"}}})"},
                UnknownPolicy::kError);
    FAIL() << "no error";
  } catch (const AdaptError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("--executor_input:lr: the value 'fast' is not a float", 0), 0u)
        << error.what();
  }
}

TEST(TranslateExecutorInput, WithoutASchemaEachValueReachesTheKeyOfItsName) {
  EXPECT_EQ(final_words(Schema{}, {"--executor_input", R"({"inputs": {"parameterValues": {"lr": 0.5, "n": "007"}}})"},
                        UnknownPolicy::kAuto),
            (Words{"lr=0.5", "n='007'"}));
}

TEST(TranslateExecutorInput, AnUndeclaredInputIsAnErrorUnderAStrictSchema) {
  const Schema schema = parse_schema_yaml("flags: {lr: {type: float}}", "s");
  try {
    final_words(schema, {"--executor_input", R"({"inputs": {"parameterValues": {"lrr": 0.5}}})"},
                UnknownPolicy::kError);
    FAIL() << "no error";
  } catch (const AdaptError& error) {
    EXPECT_NE(std::string(error.what()).find("unknown flag --lrr (did you mean --lr?)"), std::string::npos);
  }
}

TEST(TranslateExecutorInput, ASchemaThatDeclaresTheFlagKeepsItAsAFlag) {
  const Schema schema = parse_schema_yaml("flags: {executor_input: {key: kfp.executor_input, type: json}}", "s");
  EXPECT_EQ(final_words(schema, {"--executor_input", R"({"inputs": {}})"}, UnknownPolicy::kError),
            (Words{"kfp.executor_input=null", "kfp.executor_input={inputs: {}}"}));
}

}  // namespace
}  // namespace hydra_adapt
