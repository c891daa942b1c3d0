#include "component/component_schema.h"

#include <gtest/gtest.h>

#include "adapt_error.h"

namespace hydra_adapt {
namespace {

using Types = std::vector<ValueType>;

std::string error_of(const std::string& yaml, const std::string& executor = "") {
  try {
    parse_component_yaml(yaml, "c.yaml", executor);
  } catch (const AdaptError& error) {
    return error.what();
  }
  return "";
}

// Checks one flag in one line, so a failing test names the flag.
void expect_flag(const Schema& schema, const std::string& name, const std::string& key, ValueType type, bool required) {
  const FlagSpec* flag = schema.find(name);
  ASSERT_NE(flag, nullptr) << name;
  EXPECT_EQ(flag->key, key) << name;
  EXPECT_EQ(flag->type, type) << name;
  EXPECT_EQ(flag->required, required) << name;
  EXPECT_TRUE(flag->list_types.empty()) << name;
}

constexpr const char* kV1Component = R"(name: Train
inputs:
- {name: Learning rate, type: Float}
- {name: epochs, type: Integer, default: '3'}
- {name: use_gpu, type: Bool}
- {name: fast, type: Boolean, optional: true}
- {name: params, type: JsonObject}
- {name: layers, type: JsonArray}
- {name: title, type: String}
- {name: bucket, type: GCSPath}
- {name: table, type: {GcsPath: {data_type: CSV}}}
- {name: custom, type: MyThing}
- {name: untyped}
- {name: data, type: Dataset}
- {name: extra, type: Float, optional: true}
outputs:
- {name: model, type: Model}
- {name: metrics}
- {name: a}
- {name: b}
implementation:
  container:
    image: python:3.11
    command: [/hydra-adapt, --, python3, main.py]
    args:
    - --learning-rate
    - {inputValue: Learning rate}
    - --epochs
    - {inputValue: epochs}
    - --use-gpu
    - {inputValue: use_gpu}
    - {concat: ['--fast=', {inputValue: fast}]}
    - --params
    - {inputValue: params}
    - --layers
    - {inputValue: layers}
    - --title
    - {inputValue: title}
    - --bucket
    - {inputValue: bucket}
    - --table
    - {inputValue: table}
    - --custom
    - {inputValue: custom}
    - --untyped
    - {inputValue: untyped}
    - --data
    - {inputPath: data}
    - --data-uri
    - {inputUri: data}
    - --model
    - {outputPath: model}
    - --metrics
    - {concat: [{outputPath: metrics}, /metrics.json]}
    - --output-paths
    - {outputPath: a}
    - {outputPath: b}
    - if:
        cond: {isPresent: extra}
        then: [--extra, {inputValue: extra}]
        else: [--no-extra]
    - --mode
    - train
    - --verbose
)";

TEST(ComponentSchema, ReadsEveryV1PlaceholderAndType) {
  const Schema schema = parse_component_yaml(kV1Component, "c.yaml", "");
  expect_flag(schema, "learning-rate", "learning_rate", ValueType::kFloat, true);
  expect_flag(schema, "epochs", "epochs", ValueType::kInt, false);
  expect_flag(schema, "use-gpu", "use_gpu", ValueType::kBool, true);
  expect_flag(schema, "fast", "fast", ValueType::kBool, false);
  expect_flag(schema, "params", "params", ValueType::kJson, true);
  expect_flag(schema, "layers", "layers", ValueType::kJson, true);
  expect_flag(schema, "title", "title", ValueType::kStr, true);
  expect_flag(schema, "bucket", "bucket", ValueType::kStr, true);
  expect_flag(schema, "table", "table", ValueType::kStr, true);
  expect_flag(schema, "custom", "custom", ValueType::kStr, true);
  expect_flag(schema, "untyped", "untyped", ValueType::kStr, true);
  expect_flag(schema, "data", "data", ValueType::kPath, true);
  expect_flag(schema, "data-uri", "data_uri", ValueType::kPath, true);
  expect_flag(schema, "model", "model", ValueType::kOutputPath, true);
  expect_flag(schema, "metrics", "metrics", ValueType::kOutputPath, true);
  expect_flag(schema, "extra", "extra", ValueType::kFloat, false);
  expect_flag(schema, "no-extra", "no_extra", ValueType::kBool, false);
  expect_flag(schema, "mode", "mode", ValueType::kStr, false);
  expect_flag(schema, "verbose", "verbose", ValueType::kBool, false);
  const FlagSpec* outputs = schema.find("output-paths");
  ASSERT_NE(outputs, nullptr);
  EXPECT_EQ(outputs->list_types, (Types{ValueType::kOutputPath, ValueType::kOutputPath}));
  EXPECT_TRUE(outputs->required);
  EXPECT_EQ(schema.flags.size(), 20u);
  EXPECT_FALSE(schema.unknown.has_value());
}

TEST(ComponentSchema, SkipsTheProgramWordsAsTheSplitDoes) {
  const char* spec = R"(
inputs: [{name: n, type: Integer}]
implementation:
  container:
    command: [torchrun, --nproc_per_node=8, train.py, --]
    args: [--n, {inputValue: n}, --epochs, '10', --lr, '0.5'])";
  const Schema schema = parse_component_yaml(spec, "c.yaml", "");
  ASSERT_EQ(schema.flags.size(), 3u);
  EXPECT_EQ(schema.flags[0].name, "n");
  expect_flag(schema, "epochs", "epochs", ValueType::kInt, false);
  expect_flag(schema, "lr", "lr", ValueType::kFloat, false);

  // The tool at any path: its own options are skipped, and PROGRAM is never an incoming arg.
  const char* through_tool = R"(
inputs: [{name: n, type: Integer}]
implementation:
  container:
    command: [/usr/local/bin/hydra-adapt, --log-level, debug, --, python3, --x, main.py]
    args: [--n, {inputValue: n}])";
  const Schema installed = parse_component_yaml(through_tool, "c.yaml", "");
  ASSERT_EQ(installed.flags.size(), 2u);
  EXPECT_EQ(installed.flags[0].name, "x");
  expect_flag(installed, "n", "n", ValueType::kInt, true);
}

// A spec already in Hydra style passes its inputs as overrides: nothing to map.
TEST(ComponentSchema, ACommandLineWithNoFlagDeclaresNone) {
  const char* spec = R"(
inputs: [{name: lr, type: Float}]
implementation:
  container:
    command: [python3, main.py]
    args: [{concat: [lr=, {inputValue: lr}]}])";
  EXPECT_TRUE(parse_component_yaml(spec, "c.yaml", "").flags.empty());
  const char* v2 = R"(
components: {comp-train: {executorLabel: exec-train, inputDefinitions: {parameters: {lr: {parameterType: NUMBER_DOUBLE}}}}}
deploymentSpec:
  executors:
    exec-train:
      container:
        command: [python3, main.py]
        args: ["lr={{$.inputs.parameters['lr']}}"])";
  EXPECT_TRUE(parse_component_yaml(v2, "c.yaml", "").flags.empty());
}

TEST(ComponentSchema, AKeyFollowsArgparsesDestRule) {
  const char* spec = R"(
outputs: [{name: a}, {name: b}]
implementation:
  container:
    command: [python3, main.py]
    args: [----output-paths, {outputPath: a}, {outputPath: b}])";
  const Schema schema = parse_component_yaml(spec, "c.yaml", "");
  ASSERT_EQ(schema.flags.size(), 1u);
  EXPECT_EQ(schema.flags[0].name, "output-paths") << "as a schema names it, so the printed schema reads back";
  EXPECT_EQ(schema.flags[0].key, "output_paths");
}

TEST(ComponentSchema, ConstantsKeepTheTypeTheirTextReadsAs) {
  const char* spec = R"(
inputs: [{name: p, type: Model}]
outputs: [{name: o}]
implementation:
  container:
    args: [--n=3, --f, '0.5', --b, 'True', --s, 'a b', --empty=, --bare, --p, {inputPath: p}, --o,
           {concat: [{outputPath: o}, /x.json]}, --tag, {concat: [run-, {inputPath: p}, -1]}])";
  const Schema schema = parse_component_yaml(spec, "c.yaml", "");
  expect_flag(schema, "n", "n", ValueType::kInt, false);
  expect_flag(schema, "f", "f", ValueType::kFloat, false);
  expect_flag(schema, "b", "b", ValueType::kBool, false);
  expect_flag(schema, "s", "s", ValueType::kStr, false);
  expect_flag(schema, "empty", "empty", ValueType::kStr, false);
  expect_flag(schema, "bare", "bare", ValueType::kBool, false);
  expect_flag(schema, "p", "p", ValueType::kPath, true);
  expect_flag(schema, "o", "o", ValueType::kOutputPath, true);
  expect_flag(schema, "tag", "tag", ValueType::kStr, true);
}

TEST(ComponentSchema, AnElseBranchOfValuesIsAnAlternative) {
  const char* spec = R"(
inputs: [{name: n, type: Integer, optional: true}]
implementation:
  container:
    args:
    - --n
    - if: {cond: {isPresent: n}, then: [{inputValue: n}], else: ['5']}
    - --m
    - '1')";
  const Schema schema = parse_component_yaml(spec, "c.yaml", "");
  ASSERT_EQ(schema.flags.size(), 2u);
  expect_flag(schema, "n", "n", ValueType::kInt, false);
}

TEST(ComponentSchema, NamesTheSpotOfAnUnusableV1Spec) {
  const std::string head = "inputs: [{name: n, type: Integer}]\nimplementation:\n  container:\n    args:\n";
  EXPECT_EQ(error_of(head + "    - --n\n    - {inputValu: n}\n"),
            "c.yaml:6:7: unknown or unsupported placeholder 'inputValu' (supported: inputValue, inputPath, inputUri, "
            "outputPath, outputUri, concat, if)");
  EXPECT_EQ(error_of(head + "    - --n\n    - {inputValue: m}\n"), "c.yaml:6:20: 'm' is not declared in inputs:");
  EXPECT_EQ(error_of(head + "    - --n\n    - {outputPath: n}\n"), "c.yaml:6:20: 'n' is not declared in outputs:");
  EXPECT_EQ(error_of(head + "    - --\n    - --\n    - {inputValue: n}\n"),
            "c.yaml:6:7: '--' is a flag without a name");
  EXPECT_EQ(error_of(head + "    - --n\n    - {inputValue: n}\n    - --n\n    - x\n"),
            "c.yaml:7:7: --n is declared again with another type (str here, int on line 5); give it one type");
  EXPECT_EQ(error_of(head + "    - {inputValue: n}\n    - --m\n    - x\n"),
            "c.yaml:5:7: a placeholder among the program's words, before any --flag; hydra-adapt maps only --flag "
            "VALUE args");
  EXPECT_EQ(error_of("implementation: {container: {command: [/usr/local/bin/hydra-adapt, --log-level, x]}}"),
            "c.yaml:1:40: the command runs /usr/local/bin/hydra-adapt but names no -- PROGRAM after it; write "
            "[/usr/local/bin/hydra-adapt, --, PROGRAM, ...]");
  EXPECT_EQ(error_of(head + "    - --1n\n    - {inputValue: n}\n"),
            "c.yaml:5:7: --1n is not a Hydra key by itself; map it to a key in a --schema instead");
  EXPECT_EQ(error_of(head + "    - {executorInput: null}\n").rfind("c.yaml:5:7: unknown or unsupported", 0), 0u);
  EXPECT_EQ(error_of(head + "    - {concat: [--n=, {if: {cond: {isPresent: n}, then: [a]}}]}\n"),
            "c.yaml:5:23: an if inside a concat is not supported; put the if around whole args");
  EXPECT_NE(error_of("name: x\nimplementation:\n  graph: {}\n").find("implementation has no container"),
            std::string::npos);
  EXPECT_NE(error_of("flags: {}\n").find("not a Kubeflow Pipelines component"), std::string::npos);
  EXPECT_EQ(error_of("implementation: [\n").rfind("c.yaml:2:1: malformed YAML", 0), 0u);
}

// The shape kfp 2.17's compiler gives a container component (trimmed to what matters).
constexpr const char* kV2Spec = R"(components:
  comp-train:
    executorLabel: exec-train
    inputDefinitions:
      artifacts:
        data: {artifactType: {schemaTitle: system.Dataset, schemaVersion: 0.0.1}}
      parameters:
        bs: {defaultValue: 32.0, isOptional: true, parameterType: NUMBER_INTEGER}
        cfg: {parameterType: STRUCT}
        tags: {parameterType: LIST}
        flag: {parameterType: BOOLEAN}
        lr: {parameterType: NUMBER_DOUBLE}
        name: {parameterType: STRING}
        opt: {isOptional: true, parameterType: NUMBER_INTEGER}
    outputDefinitions:
      artifacts:
        model: {artifactType: {schemaTitle: system.Model, schemaVersion: 0.0.1}}
      parameters:
        acc: {parameterType: NUMBER_DOUBLE}
deploymentSpec:
  executors:
    exec-train:
      container:
        args:
        - --lr
        - '{{$.inputs.parameters[''lr'']}}'
        - --cfg
        - '{{$.inputs.parameters[''cfg'']}}'
        - --tags
        - '{{$.inputs.parameters[''tags'']}}'
        - --flag
        - '{{$.inputs.parameters[''flag'']}}'
        - --name
        - '{{$.inputs.parameters[''name'']}}'
        - --data
        - '{{$.inputs.artifacts[''data''].path}}'
        - --data-uri
        - '{{$.inputs.artifacts[''data''].uri}}'
        - --model
        - '{{$.outputs.artifacts[''model''].path}}'
        - --acc
        - '{{$.outputs.parameters[''acc''].output_file}}'
        - '{"IfPresent": {"InputName": "opt", "Then": ["--opt", "{{$.inputs.parameters[''opt'']}}"]}}'
        - '{"Concat": ["--bs=", "{{$.inputs.parameters[''bs'']}}"]}'
        - --x={{$.inputs.parameters['lr']}}
        - --config
        - '{"a": 1}'
        command: [/hydra-adapt, --, python3, main.py]
        image: python:3.11
)";

TEST(ComponentSchema, ReadsEveryV2PlaceholderAndType) {
  const Schema schema = parse_component_yaml(kV2Spec, "c.yaml", "");
  expect_flag(schema, "lr", "lr", ValueType::kFloat, true);
  expect_flag(schema, "cfg", "cfg", ValueType::kJson, true);
  expect_flag(schema, "tags", "tags", ValueType::kJson, true);
  expect_flag(schema, "flag", "flag", ValueType::kBool, true);
  expect_flag(schema, "name", "name", ValueType::kStr, true);
  expect_flag(schema, "data", "data", ValueType::kPath, true);
  expect_flag(schema, "data-uri", "data_uri", ValueType::kPath, true);
  expect_flag(schema, "model", "model", ValueType::kOutputPath, true);
  expect_flag(schema, "acc", "acc", ValueType::kOutputPath, true);
  expect_flag(schema, "opt", "opt", ValueType::kInt, false);
  expect_flag(schema, "bs", "bs", ValueType::kInt, false);
  expect_flag(schema, "x", "x", ValueType::kFloat, true);
  expect_flag(schema, "config", "config", ValueType::kStr, false);
  EXPECT_EQ(schema.flags.size(), 13u);
}

TEST(ComponentSchema, ASpecWithSeveralExecutorsNeedsAChoice) {
  std::string spec = kV2Spec;
  spec.insert(spec.find("deploymentSpec:"),
              "  comp-eval:\n    executorLabel: exec-eval\n"
              "    inputDefinitions: {parameters: {k: {parameterType: NUMBER_INTEGER}}}\n");
  spec += "    exec-eval:\n      container:\n        args: [--k, '{{$.inputs.parameters[''k'']}}']\n";
  EXPECT_EQ(error_of(spec),
            "c.yaml:25:5: the file holds 2 executors (exec-train, exec-eval); pick one with --component-executor NAME");
  const Schema eval = parse_component_yaml(spec, "c.yaml", "exec-eval");
  ASSERT_EQ(eval.flags.size(), 1u);
  expect_flag(eval, "k", "k", ValueType::kInt, true);
  EXPECT_EQ(parse_component_yaml(spec, "c.yaml", "comp-eval").flags.size(), 1u);
  EXPECT_EQ(parse_component_yaml(spec, "c.yaml", "exec-train").flags.size(), 13u);
  EXPECT_NE(error_of(spec, "exec-nope").find("no executor or component named 'exec-nope'"), std::string::npos);
}

TEST(ComponentSchema, NamesTheSpotOfAnUnusableV2Spec) {
  const std::string head =
      "components:\n  comp-t:\n    executorLabel: exec-t\n"
      "    inputDefinitions: {parameters: {n: {parameterType: NUMBER_INTEGER}}}\n"
      "deploymentSpec:\n  executors:\n    exec-t:\n      container:\n        args:\n";
  EXPECT_EQ(error_of(head + "        - --n\n        - '{{$.inputs.parameters[\"n\"]}}'\n")
                .rfind("c.yaml:11:11: unsupported placeholder {{$.inputs.parameters[\"n\"]}}", 0),
            0u);
  EXPECT_EQ(error_of(head + "        - --n\n        - \"{{$.inputs.parameters['m']}}\"\n"),
            "c.yaml:11:11: {{$.inputs.parameters['m']}} names 'm', which the component's "
            "inputDefinitions.parameters does not declare");
  EXPECT_EQ(
      error_of(head + "        - --n\n        - '{{$}}'\n").rfind("c.yaml:11:11: unsupported placeholder {{$}}", 0),
      0u);
  EXPECT_EQ(error_of(head + "        - '{\"IfPresent\": {\"InputName\": \"m\", \"Then\": []}}'\n"),
            "c.yaml:10:11: IfPresent names 'm', which inputDefinitions does not declare");
  EXPECT_EQ(error_of(head + "        - --n={{$.inputs.parameters['n']}}\n        - --=1\n"),
            "c.yaml:11:11: '--=1' is a flag without a name");
}

}  // namespace
}  // namespace hydra_adapt
