#include "check/check_sources.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "adapt_error.h"
#include "check/check_report.h"
#include "check/component_sent_flags.h"
#include "check/flag_rules.h"
#include "check/hydra_job_check.h"
#include "check/source_compositions.h"
#include "check/vertex_study.h"
#include "check/wandb_sweep.h"
#include "hydra_config/config_matcher.h"
#include "hydra_config/config_resolver.h"
#include "hydra_config/hydra_config.h"

namespace hydra_adapt {
namespace {

constexpr const char* kStudy = R"(studySpec:
  parameters:
  - parameterId: lr
    doubleValueSpec: {minValue: 0.0001, maxValue: 0.1}
  - parameterId: batch_size
    integerValueSpec:
      minValue: "16"
      maxValue: "256"
  - parameterId: model
    categoricalValueSpec: {values: [resnet, vit]}
    conditionalParameterSpecs:
    - parameterSpec:
        parameterId: depth
        discreteValueSpec: {values: [18, 50.0]}
      parentCategoricalValues: {values: [resnet]}
trialJobSpec:
  workerPoolSpecs:
    containerSpec:
      args: [--epochs=3, --data-path, /gcs/b/x, --verbose]
)";

TEST(VertexStudy, EachParameterAndFixedArgIsAFlagAtItsLineWithTheValuesItsSpecSends) {
  const SourceFlags study = vertex_study_flags(kStudy, "study.yaml");
  EXPECT_EQ(study.kind, "vertex-study");
  ASSERT_EQ(study.flags.size(), 7u);
  EXPECT_EQ(study.flags[0].name, "lr");
  EXPECT_EQ(study.flags[0].line, 3u);
  ASSERT_EQ(study.flags[0].values.size(), 2u);
  EXPECT_EQ(study.flags[0].values[1].text, "0.1");
  EXPECT_EQ(study.flags[0].values[1].what, "maxValue");
  EXPECT_EQ(study.flags[1].values[1].text, "256");  // an int64 bound as a JSON string
  EXPECT_EQ(study.flags[1].values[1].line, 8u);
  EXPECT_EQ(study.flags[2].values[1].text, "vit");
  EXPECT_EQ(study.flags[3].name, "depth");
  EXPECT_EQ(study.flags[3].line, 13u);
  EXPECT_EQ(study.flags[3].values[1].text, "50.0");
  EXPECT_EQ(study.flags[4].name, "epochs");
  EXPECT_EQ(study.flags[4].values[0].text, "3");
  EXPECT_EQ(study.flags[5].name, "data-path");
  EXPECT_EQ(study.flags[5].values[0].text, "/gcs/b/x");
  EXPECT_TRUE(study.flags[6].bare);
}

TEST(VertexStudy, AJsonJobAndAListOfPoolsReadTheSame) {
  const SourceFlags study = vertex_study_flags(
      R"({"studySpec": {"parameters": [{"parameterId": "lr", "doubleValueSpec": {"minValue": 0.1, "maxValue": 1}}]},
 "trialJobSpec": {"workerPoolSpecs": [{"containerSpec": {"args": ["--epochs", "3"]}}]}})",
      "study.json");
  ASSERT_EQ(study.flags.size(), 2u);
  EXPECT_EQ(study.flags[1].name, "epochs");
  EXPECT_EQ(study.flags[1].line, 2u);
}

TEST(VertexStudy, AFileThatIsNoStudyIsRefusedNamingTheSpot) {
  EXPECT_THROW(vertex_study_flags("trialJobSpec: {}", "s.yaml"), AdaptError);
  try {
    vertex_study_flags("studySpec:\n  parameters:\n  - doubleValueSpec: {minValue: 1}\n", "s.yaml");
    FAIL();
  } catch (const AdaptError& error) {
    EXPECT_STREQ(error.what(), "s.yaml:3:5: a study parameter needs its parameterId");
  }
}

TEST(WandbSweep, NestedParametersAreSentOnTheirLeavesAsDottedNames) {
  const SourceFlags sweep = wandb_sweep_flags(R"(method: grid
parameters:
  lr: {min: 0.001, max: 0.1}
  decay: {distribution: log_uniform, min: 0, max: 1}
  optimizer:
    parameters:
      momentum: {values: [0.9, 0.99]}
  epochs: {value: 3}
command:
- ${env}
- ${program}
- --seed=7
- ${args}
)",
                                              "sweep.yaml");
  ASSERT_EQ(sweep.flags.size(), 5u);
  EXPECT_EQ(sweep.flags[0].values[0].text, "0.001");
  EXPECT_EQ(sweep.flags[1].values[0].text, "1.0");  // e^0
  EXPECT_EQ(sweep.flags[2].name, "optimizer.momentum");
  EXPECT_EQ(sweep.flags[2].line, 7u);
  EXPECT_EQ(sweep.flags[2].values[1].text, "0.99");
  EXPECT_EQ(sweep.flags[3].values[0].what, "value");
  EXPECT_EQ(sweep.flags[4].name, "seed");
  EXPECT_EQ(sweep.flags[4].line, 12u);
  EXPECT_THROW(wandb_sweep_flags("method: grid\n", "sweep.yaml"), AdaptError);
}

TEST(ComponentSentFlags, DefaultsConstantsAndTypedValuesAtTheFlagsLine) {
  const SourceFlags component = component_sent_flags(R"(name: train
inputs:
- {name: lr, type: Float, default: '0.1'}
- {name: epochs, type: Float}
- {name: name, type: String}
implementation:
  container:
    image: x
    command: [python3, main.py]
    args:
    - --lr
    - {inputValue: lr}
    - --epochs
    - {inputValue: epochs}
    - --name
    - {inputValue: name}
    - --seed=7
)",
                                                     "c.yaml", "");
  ASSERT_EQ(component.flags.size(), 4u);
  EXPECT_EQ(component.flags[0].line, 11u);
  EXPECT_EQ(component.flags[0].values[0].text, "0.1");
  EXPECT_EQ(component.flags[0].values[0].what, "the default of input 'lr'");
  EXPECT_EQ(component.flags[1].values[0].text, "0.5");
  EXPECT_TRUE(component.flags[2].values.empty());
  EXPECT_EQ(component.flags[3].values[0].text, "7");
}

std::shared_ptr<const ConfigMatcher> app_config() {
  return std::make_shared<const ConfigMatcher>(parse_hydra_config(R"(hydra:
  runtime:
    choices: {model: resnet}
trainer: {max_epochs: 10}
model: {name: resnet, depth: 50}
data:
  name: cifar
  path: ???
optimizer: {lr: 0.01}
)",
                                                                  "cfg"));
}

TEST(CheckSources, TheRunsRefusalsAreFindingsAtTheSourcesLines) {
  const SourceFlags study = vertex_study_flags(R"(studySpec:
  parameters:
  - parameterId: max_epochs
    doubleValueSpec: {minValue: 1, maxValue: 2.5}
  - parameterId: lrr
    doubleValueSpec: {minValue: 0.1, maxValue: 1}
  - parameterId: name
    categoricalValueSpec: {values: [a]}
  - parameterId: lr
    discreteValueSpec: {values: [256.0]}
)",
                                               "s.yaml");
  CheckedApp app;
  app.config = app_config();
  const std::vector<Finding> findings = check_sources(app, {study}).findings;
  ASSERT_EQ(findings.size(), 4u);
  EXPECT_EQ(findings[0].kind, "type");
  EXPECT_EQ(findings[0].line, 4u);
  EXPECT_EQ(findings[0].flag, "--max_epochs");
  EXPECT_NE(findings[0].message.find("maxValue: the value '2.5' is not an int"), std::string::npos);
  EXPECT_EQ(findings[1].kind, "unknown");
  EXPECT_EQ(findings[1].line, 5u);
  EXPECT_EQ(findings[1].message.rfind("unknown flag --lrr", 0), 0u);
  EXPECT_EQ(findings[2].kind, "ambiguous");
  EXPECT_EQ(findings[2].line, 7u);

  EXPECT_EQ(findings[3].severity, Finding::Severity::kWarning);
  EXPECT_NE(findings[3].message.find("data.path is ???"), std::string::npos);
}

TEST(CheckReport, CompilerLinesJsonAndWorkflowCommands) {
  const std::vector<Finding> findings{
      {"s.yaml", 4, "--lr", "vertex-study", Finding::Severity::kError, "type", "maxValue: bad, 100%; fix it"},
      {"", 0, "", "config", Finding::Severity::kWarning, "unset", "data.path is ???"}};
  EXPECT_EQ(findings_text(findings, {3, 1}),
            "s.yaml:4: error: --lr: maxValue: bad, 100%; fix it\n"
            "hydra-adapt check: warning: data.path is ???\n"
            "hydra-adapt check: 1 error, 1 warning (3 flags from 1 source)\n");
  EXPECT_EQ(workflow_commands(findings),
            "::error file=s.yaml,line=4::--lr: maxValue: bad, 100%25; fix it\n"
            "::warning::data.path is ???\n");
  const std::string json = findings_json(findings, {3, 1});
  EXPECT_NE(json.find("\"line\": 4"), std::string::npos);
  EXPECT_NE(json.find("\"file\": null"), std::string::npos);
}

}  // namespace
}  // namespace hydra_adapt

namespace hydra_adapt {
namespace {

TEST(SourceCompositions, EachCombinationOfChoicesWithTheConditionalFlagsOfItsParentsValues) {
  const SourceFlags study = vertex_study_flags(kStudy, "study.yaml");
  const std::vector<SourceComposition> compositions =
      source_compositions(study, [](const SentFlag& flag) { return flag.name == "model"; });
  ASSERT_EQ(compositions.size(), 2u);
  EXPECT_EQ(compositions[0].choice_words(), "--model resnet");
  EXPECT_EQ(compositions[1].choice_words(), "--model vit");
  const auto sends = [](const SourceComposition& composition, const std::string& name) {
    return std::any_of(composition.sent.begin(), composition.sent.end(),
                       [&](const SentFlag* flag) { return flag->name == name; });
  };
  EXPECT_TRUE(sends(compositions[0], "depth"));
  EXPECT_FALSE(sends(compositions[1], "depth"));
  EXPECT_TRUE(sends(compositions[1], "lr") && sends(compositions[1], "epochs"));
  // Without a choice flag: one composition of every flag, the conditional one included.
  const std::vector<SourceComposition> one = source_compositions(study, [](const SentFlag&) { return false; });
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].sent.size(), study.flags.size());
}

// A program whose Hydra refuses `trainer.max_epochs` that is not a whole number, as a
// structured config would: each command is recorded.
struct RefusingProgram {
  std::vector<std::vector<std::string>> commands;
  ConfigRunResult operator()(const std::vector<std::string>& command) {
    commands.push_back(command);
    for (const std::string& word : command) {
      if (word == "trainer.max_epochs=2.5") {
        return {false, "", "failed with exit status 1",
                "Error merging override trainer.max_epochs=2.5\nValue '2.5' could not be converted to Integer\n"
                "    full_key: trainer.max_epochs\n"};
      }
    }
    return {true, "trainer: {}\n", "", ""};
  }
};

TEST(HydraJobCheck, OneValueOfEachFlagPerRunAndEachRefusalAtItsValuesLine) {
  const SourceFlags sweep = wandb_sweep_flags(R"(parameters:
  max_epochs: {values: [1, 2.5, 3]}
  lr: {values: [0.1, 0.2]}
)",
                                              "sweep.yaml");
  Schema schema;
  for (const auto& [name, key] : {std::pair{"max_epochs", "trainer.max_epochs"}, std::pair{"lr", "optimizer.lr"}}) {
    FlagSpec flag;
    flag.name = name;
    flag.key = key;
    flag.type = ValueType::kFloat;
    schema.flags.push_back(flag);
  }
  const FlagRules rules(schema, UnknownPolicy::kError);
  auto program = std::make_shared<RefusingProgram>();
  HydraJobCheck check({"python3", "main.py"},
                      [program](const std::vector<std::string>& command) { return (*program)(command); });
  const std::vector<Finding> findings = check.findings(
      rules, sweep, "", {{&sweep.flags[0], all_values(sweep.flags[0])}, {&sweep.flags[1], all_values(sweep.flags[1])}});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 2u);
  EXPECT_EQ(findings[0].flag, "--max_epochs");
  EXPECT_EQ(findings[0].kind, "hydra");
  EXPECT_EQ(findings[0].message.rfind("values[1]: Hydra refuses the value '2.5': Value '2.5' could not", 0), 0u);
  // Rounds: (1, 0.1), (2.5, 0.2) refused and again without 2.5, then (3, 0.2).
  ASSERT_EQ(program->commands.size(), 4u);
  EXPECT_EQ(program->commands[0], (std::vector<std::string>{"python3", "main.py", "trainer.max_epochs=1.0",
                                                            "optimizer.lr=0.1", "--cfg", "job"}));
  EXPECT_EQ(program->commands[2], (std::vector<std::string>{"python3", "main.py", "optimizer.lr=0.2", "--cfg", "job"}));

  // A second source that sends the same: its refusal is found too, from the runs already made.
  const std::vector<Finding> again = check.findings(
      rules, sweep, "", {{&sweep.flags[0], all_values(sweep.flags[0])}, {&sweep.flags[1], all_values(sweep.flags[1])}});
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].line, 2u);
  EXPECT_EQ(program->commands.size(), 4u);

  // A value Hydra refused is left out of the later rounds: refused once, never sent again.
  const SourceFlags one_bad = wandb_sweep_flags(R"(parameters:
  max_epochs: {values: [2.5]}
  lr: {values: [0.1, 0.2, 0.3]}
)",
                                                "bad.yaml");
  const std::vector<Finding> once = check.findings(
      rules, one_bad, "",
      {{&one_bad.flags[0], all_values(one_bad.flags[0])}, {&one_bad.flags[1], all_values(one_bad.flags[1])}});
  ASSERT_EQ(once.size(), 1u);
  EXPECT_EQ(once[0].flag, "--max_epochs");
  // New: (2.5, 0.1) refused and (0.1) alone, then (0.3); (0.2) alone was run before.
  EXPECT_EQ(program->commands.size(), 7u);
}

}  // namespace
}  // namespace hydra_adapt
