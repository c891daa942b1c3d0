#include "component/component_rewrite.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <iterator>

#include "adapt_error.h"

namespace hydra_adapt {
namespace {

const std::string kV1 =
    "name: train\n"
    "inputs:\n"
    "- {name: learning_rate, type: Float, default: '0.1'}\n"
    "- {name: opt, type: Integer, optional: true}\n"
    "outputs:\n"
    "- {name: model, type: Model}\n"
    "implementation:\n"
    "  container:\n"
    "    image: python:3.11\n"
    "    command: [python3, main.py]\n"
    "    args:\n"
    "    - --learning-rate\n"
    "    - {inputValue: learning_rate}\n"
    "    - --fast\n"
    "    - --mode=fast\n"
    "    - --model\n"
    "    - {outputPath: model}\n"
    "    - if: {cond: {isPresent: opt}, then: [--opt, {inputValue: opt}]}\n";

const std::string kV2 =
    "components:\n"
    "  comp-train:\n"
    "    executorLabel: exec-train\n"
    "    inputDefinitions:\n"
    "      artifacts: {data: {artifactType: {schemaTitle: system.Dataset}}}\n"
    "      parameters:\n"
    "        lr: {parameterType: NUMBER_DOUBLE}\n"
    "        opt: {isOptional: true, parameterType: NUMBER_INTEGER}\n"
    "deploymentSpec:\n"
    "  executors:\n"
    "    exec-train:\n"
    "      container:\n"
    "        args:\n"
    "        - --lr\n"
    "        - '{{$.inputs.parameters[''lr'']}}'\n"
    "        - --data-path\n"
    "        - '{{$.inputs.artifacts[''data''].path}}'\n"
    "        - '{\"IfPresent\": {\"InputName\": \"opt\", \"Then\": [\"--opt\", "
    "\"{{$.inputs.parameters[''opt'']}}\"]}}'\n"
    "        command: [/hydra-adapt, --log-level, debug, --, python3, main.py]\n"
    "        image: python:3.11\n"
    "    exec-importer:\n"
    "      importer: {artifactUri: {constant: gs://b/x}}\n";

YAML::Node container_of(const std::string& yaml) {
  const YAML::Node root = YAML::Load(yaml);
  if (root["implementation"]) return root["implementation"]["container"];
  return root["deploymentSpec"]["executors"]["exec-train"]["container"];
}

std::vector<std::string> strings(const YAML::Node& sequence) { return sequence.as<std::vector<std::string>>(); }

std::string error_of(const std::string& yaml, RewriteStyle style) {
  try {
    rewrite_component_yaml(yaml, "c.yaml", style);
  } catch (const AdaptError& error) {
    return error.what();
  }
  return "";
}

TEST(RewriteComponent, AdapterPutsTheToolInFrontOfTheCommandAndKeepsTheArgs) {
  const std::string rewritten = rewrite_component_yaml(kV1, "c.yaml", RewriteStyle::kAdapter);
  const YAML::Node container = container_of(rewritten);
  EXPECT_EQ(strings(container["command"]), (std::vector<std::string>{"/hydra-adapt", "--", "python3", "main.py"}));
  EXPECT_EQ(YAML::Dump(container["args"]), YAML::Dump(container_of(kV1)["args"]));
  EXPECT_EQ(rewritten.rfind("# Rewritten by hydra-adapt rewrite --style adapter from c.yaml.", 0), 0u) << rewritten;
  EXPECT_NE(rewritten.find("command: [/hydra-adapt, --, python3, main.py]"), std::string::npos) << rewritten;
  EXPECT_EQ(rewrite_component_yaml(rewritten, "c.yaml", RewriteStyle::kAdapter), rewritten)
      << "a command through the tool already stays";
  EXPECT_NE(rewritten.find("default: \"0.1\""), std::string::npos) << "a quoted scalar stays a string";
}

TEST(RewriteComponent, HydraWritesV1ArgsAsConcatenatedOverrides) {
  const std::string rewritten = rewrite_component_yaml(kV1, "c.yaml", RewriteStyle::kHydra);
  const YAML::Node args = container_of(rewritten)["args"];
  ASSERT_EQ(args.size(), 5u) << rewritten;
  EXPECT_EQ(args[0]["concat"][0].as<std::string>(), "learning_rate=");
  EXPECT_EQ(args[0]["concat"][1]["inputValue"].as<std::string>(), "learning_rate");
  EXPECT_EQ(args[1].as<std::string>(), "fast=true");
  EXPECT_EQ(args[2].as<std::string>(), "mode=fast");
  EXPECT_EQ(args[3]["concat"][1]["outputPath"].as<std::string>(), "model");
  EXPECT_EQ(args[4]["if"]["then"][0]["concat"][0].as<std::string>(), "opt=");
  EXPECT_NE(rewritten.find("Values are NOT escaped in this style"), std::string::npos);
}

// Issue 17: the IfPresent flag stayed `--opt` while `schema` maps it, so Hydra refused `--opt 5`.
TEST(RewriteComponent, HydraWritesV2ArgsAsOneWordAndDropsTheTool) {
  const std::string rewritten = rewrite_component_yaml(kV2, "c.yaml", RewriteStyle::kHydra);
  const YAML::Node container = container_of(rewritten);
  EXPECT_EQ(strings(container["command"]), (std::vector<std::string>{"python3", "main.py"}));
  EXPECT_EQ(strings(container["args"]), (std::vector<std::string>{
                                            "lr={{$.inputs.parameters['lr']}}",
                                            "data_path={{$.inputs.artifacts['data'].path}}",
                                            "{\"IfPresent\": {\"InputName\": \"opt\", \"Then\": ["
                                            "\"opt={{$.inputs.parameters['opt']}}\"]}}",
                                        }));
  EXPECT_TRUE(YAML::Load(rewritten)["deploymentSpec"]["executors"]["exec-importer"]["importer"]);
}

TEST(RewriteComponent, HydraWritesAFlagWithSeveralValuesAsAList) {
  const std::string v1 =
      "outputs: [{name: a}, {name: b}]\n"
      "implementation: {container: {command: [p], args: [--outs, {outputPath: a}, {outputPath: b}, --n, '1', '2']}}";
  const YAML::Node args = container_of(rewrite_component_yaml(v1, "c.yaml", RewriteStyle::kHydra))["args"];
  ASSERT_EQ(args.size(), 2u);
  EXPECT_EQ(YAML::Dump(args[0]), R"({concat: ["outs=[", {outputPath: a}, ",", {outputPath: b}, "]"]})");
  EXPECT_EQ(args[1].as<std::string>(), "n=[1,2]");
}

// Found by issue 10: adapter wrapped a command through the tool a second time unless the tool
// stood at /hydra-adapt.
TEST(RewriteComponent, KnowsTheToolAtAnyPath) {
  const std::string v1 =
      "implementation: {container: {command: [/usr/local/bin/hydra-adapt, --, python3, main.py], args: [--lr, '1']}}";
  const YAML::Node adapted = container_of(rewrite_component_yaml(v1, "c.yaml", RewriteStyle::kAdapter));
  EXPECT_EQ(strings(adapted["command"]),
            (std::vector<std::string>{"/usr/local/bin/hydra-adapt", "--", "python3", "main.py"}));
  const YAML::Node hydra = container_of(rewrite_component_yaml(v1, "c.yaml", RewriteStyle::kHydra));
  EXPECT_EQ(strings(hydra["command"]), (std::vector<std::string>{"python3", "main.py"}));
  EXPECT_EQ(strings(hydra["args"]), std::vector<std::string>{"lr=1"});
}

// The program's own words are what the tool would pass on as they are: never overrides.
TEST(RewriteComponent, HydraKeepsTheProgramsOwnWordsAsTheSplitDoes) {
  const std::string v1 =
      "inputs: [{name: n}]\n"
      "implementation: {container: {command: [hydra-adapt, --, torchrun], "
      "args: [--nproc_per_node=8, main.py, --, --n, {inputValue: n}]}}";
  const YAML::Node hydra = container_of(rewrite_component_yaml(v1, "c.yaml", RewriteStyle::kHydra));
  EXPECT_EQ(strings(hydra["command"]), std::vector<std::string>{"torchrun"});
  ASSERT_EQ(hydra["args"].size(), 3u);
  EXPECT_EQ(hydra["args"][0].as<std::string>(), "--nproc_per_node=8");
  EXPECT_EQ(hydra["args"][1].as<std::string>(), "main.py");
  EXPECT_EQ(hydra["args"][2]["concat"][0].as<std::string>(), "n=");
}

// Every placeholder kind of each format, and each way to combine them, in both styles: the
// args line of the rewritten spec (the fixtures write args in flow style, one line).
struct KindCase {
  const char* name;
  const char* args;   // the container's args
  const char* hydra;  // as --style hydra writes them
};

const std::string kV1Head =
    "inputs: [{name: n, type: Integer}, {name: d, type: Dataset}, {name: opt, type: Float, optional: true}]\n"
    "outputs: [{name: m, type: Model}]\n"
    "implementation:\n"
    "  container:\n"
    "    command: [python3, main.py]\n"
    "    args: ";

const std::string kV2Head =
    "components:\n"
    "  comp-train:\n"
    "    executorLabel: exec-train\n"
    "    inputDefinitions:\n"
    "      artifacts: {d: {artifactType: {schemaTitle: system.Dataset}}}\n"
    "      parameters: {n: {parameterType: NUMBER_INTEGER}, opt: {isOptional: true, parameterType: NUMBER_DOUBLE}}\n"
    "    outputDefinitions:\n"
    "      artifacts: {m: {artifactType: {schemaTitle: system.Model}}}\n"
    "      parameters: {o: {parameterType: STRING}}\n"
    "deploymentSpec:\n"
    "  executors:\n"
    "    exec-train:\n"
    "      container:\n"
    "        command: [python3, main.py]\n"
    "        args: ";

const KindCase kV1Kinds[] = {
    {"inputValue", "[--n, {inputValue: n}]", "[{concat: [n=, {inputValue: n}]}]"},
    {"inputPath", "[--d, {inputPath: d}]", "[{concat: [d=, {inputPath: d}]}]"},
    {"inputUri", "[--d, {inputUri: d}]", "[{concat: [d=, {inputUri: d}]}]"},
    {"outputPath", "[--m, {outputPath: m}]", "[{concat: [m=, {outputPath: m}]}]"},
    {"outputUri", "[--m, {outputUri: m}]", "[{concat: [m=, {outputUri: m}]}]"},
    {"concat", "[{concat: [--m=, {outputPath: m}, /model.pt]}]", "[{concat: [m=, {outputPath: m}, /model.pt]}]"},
    {"concat value", "[--m, {concat: [{outputPath: m}, /model.pt]}]", "[{concat: [m=, {outputPath: m}, /model.pt]}]"},
    {"if isPresent", "[{if: {cond: {isPresent: opt}, then: [--opt, {inputValue: opt}]}}]",
     "[{if: {cond: {isPresent: opt}, then: [{concat: [opt=, {inputValue: opt}]}]}}]"},
    {"if else", "[{if: {cond: {isPresent: opt}, then: [--opt, {inputValue: opt}], else: [--no-opt]}}]",
     "[{if: {cond: {isPresent: opt}, then: [{concat: [opt=, {inputValue: opt}]}], else: [no_opt=true]}}]"},
};

const KindCase kV2Kinds[] = {
    {"parameter", R"([--n, "{{$.inputs.parameters['n']}}"])", R"(["n={{$.inputs.parameters['n']}}"])"},
    {"artifact path", R"([--d, "{{$.inputs.artifacts['d'].path}}"])", R"(["d={{$.inputs.artifacts['d'].path}}"])"},
    {"artifact uri", R"([--d, "{{$.inputs.artifacts['d'].uri}}"])", R"(["d={{$.inputs.artifacts['d'].uri}}"])"},
    {"output artifact path", R"([--m, "{{$.outputs.artifacts['m'].path}}"])",
     R"(["m={{$.outputs.artifacts['m'].path}}"])"},
    {"output artifact uri", R"([--m, "{{$.outputs.artifacts['m'].uri}}"])",
     R"(["m={{$.outputs.artifacts['m'].uri}}"])"},
    {"output parameter", R"([--o, "{{$.outputs.parameters['o'].output_file}}"])",
     R"(["o={{$.outputs.parameters['o'].output_file}}"])"},
    {"Concat", R"(['{"Concat": ["--m=", "{{$.outputs.artifacts[''m''].path}}", "/model.pt"]}'])",
     R"(["m={{$.outputs.artifacts['m'].path}}/model.pt"])"},
    {"IfPresent", R"(['{"IfPresent": {"InputName": "opt", "Then": ["--opt", "{{$.inputs.parameters[''opt'']}}"]}}'])",
     R"(["{\"IfPresent\": {\"InputName\": \"opt\", \"Then\": [\"opt={{$.inputs.parameters['opt']}}\"]}}"])"},
    {"IfPresent Else",
     R"(['{"IfPresent": {"InputName": "opt", "Then": ["--opt={{$.inputs.parameters[''opt'']}}"], "Else": ["--no-opt"]}}'])",
     R"(["{\"IfPresent\": {\"InputName\": \"opt\", \"Then\": [\"opt={{$.inputs.parameters['opt']}}\"], \"Else\": [\"no_opt=true\"]}}"])"},
};

// The text after "args: " in a rewritten spec.
std::string args_line(const std::string& rewritten) {
  const std::size_t start = rewritten.find("args: ") + 6;
  return rewritten.substr(start, rewritten.find('\n', start) - start);
}

void expect_kinds(const std::string& head, const KindCase* cases, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    const std::string spec = head + cases[i].args + "\n";
    const std::string adapted = rewrite_component_yaml(spec, "c.yaml", RewriteStyle::kAdapter);
    EXPECT_EQ(YAML::Dump(container_of(adapted)["args"]), YAML::Dump(container_of(spec)["args"])) << cases[i].name;
    EXPECT_EQ(strings(container_of(adapted)["command"]),
              (std::vector<std::string>{"/hydra-adapt", "--", "python3", "main.py"}))
        << cases[i].name;
    EXPECT_EQ(args_line(rewrite_component_yaml(spec, "c.yaml", RewriteStyle::kHydra)), cases[i].hydra) << cases[i].name;
  }
}

TEST(RewriteComponent, EveryV1PlaceholderKindInBothStyles) { expect_kinds(kV1Head, kV1Kinds, std::size(kV1Kinds)); }

TEST(RewriteComponent, EveryV2PlaceholderKindInBothStyles) { expect_kinds(kV2Head, kV2Kinds, std::size(kV2Kinds)); }

// What `schema` cannot read, `rewrite` does not write: one reader for both.
TEST(RewriteComponent, RefusesWhatTheSchemaRefuses) {
  EXPECT_EQ(error_of(kV1Head + "[--n, {inputValue: x}]\n", RewriteStyle::kAdapter),
            "c.yaml:6:30: 'x' is not declared in inputs:");
  EXPECT_EQ(error_of(kV2Head + "[--n, '{{$.inputs.parameters[''x'']}}']\n", RewriteStyle::kHydra)
                .rfind("c.yaml:15:21: {{$.inputs.parameters['x']}} names 'x'", 0),
            0u);
  EXPECT_EQ(
      error_of(kV1Head + "[--opt, {if: {cond: {isPresent: opt}, then: [{inputValue: opt}]}}]\n", RewriteStyle::kHydra),
      "c.yaml:6:56: --opt takes this value from another branch than its own, which --style hydra cannot write "
      "as one override; put the flag into each branch with its values");
}

TEST(RewriteComponent, RefusesWhatItCannotRewrite) {
  EXPECT_NE(error_of("name: x\n", RewriteStyle::kAdapter).find("not a Kubeflow Pipelines component"),
            std::string::npos);
  EXPECT_NE(error_of("implementation:\n  container: {image: x, args: [--a]}\n", RewriteStyle::kAdapter)
                .find("c.yaml:2:14: the container has no command"),
            std::string::npos);
  EXPECT_NE(
      error_of("implementation: {container: {command: [/hydra-adapt, x]}}", RewriteStyle::kHydra).find("no -- PROGRAM"),
      std::string::npos);
  EXPECT_NE(error_of("a: [", RewriteStyle::kHydra).find("malformed YAML"), std::string::npos);
  EXPECT_EQ(rewrite_style_from_name("adapter"), RewriteStyle::kAdapter);
  EXPECT_EQ(rewrite_style_from_name("Hydra"), std::nullopt);
}

}  // namespace
}  // namespace hydra_adapt
