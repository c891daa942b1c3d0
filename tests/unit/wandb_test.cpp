// W&B's bundle: the sweep agent's parameter file and Launch's WANDB_CONFIG read typed and
// flattened, the shards joined, and every rendering of the parameters taken off the command.
#include <gtest/gtest.h>

#include <map>

#include "adapt_error.h"
#include "variable_table.h"
#include "wandb/sweep_command.h"
#include "wandb/wandb_input.h"
#include "wandb/wandb_parameters.h"

namespace hydra_adapt {
namespace {

using Words = std::vector<std::string>;
using Values = std::vector<std::pair<std::string, std::string>>;

Values values_of(const std::vector<WandbValue>& values) {
  Values pairs;
  for (const WandbValue& value : values) pairs.emplace_back(value.name, value.json);
  return pairs;
}

// As PyYAML's SafeDumper writes the agent's command["args"] (save_config_file_from_dict).
const char* const kSweepFile = R"(wandb_version: 1

lr:
  value: 1.0e-05
momentum:
  value: 0.1
epochs:
  value: 10
flag:
  value: true
none:
  value: null
text:
  value: 'it''s "q", a=b ${x} ü'
number_text:
  value: '007'
yes_text:
  value: 'yes'
layers:
  value:
  - 64
  - 32
  - relu
optimizer:
  value:
    name: adam
    betas:
      b1: 0.9
      b2: 0.999
    empty: {}
big:
  value: .inf
_wandb:
  value:
    cli_version: 0.31.0
)";

TEST(WandbSweepFile, TypedAsPyYamlReadsItFlattenedAndWithoutWandbsOwn) {
  const WandbParameters parameters = wandb_parameters_from_sweep_file(kSweepFile, "config-r1.yaml");
  EXPECT_EQ(parameters.source, "WANDB_SWEEP_PARAM_PATH");
  EXPECT_EQ(values_of(parameters.values), (Values{{"lr", "1e-05"},
                                                  {"momentum", "0.1"},
                                                  {"epochs", "10"},
                                                  {"flag", "true"},
                                                  {"none", "null"},
                                                  {"text", R"("it's \"q\", a=b ${x} ü")"},
                                                  {"number_text", R"("007")"},
                                                  {"yes_text", R"("yes")"},
                                                  {"layers", R"([64, 32, "relu"])"},
                                                  {"optimizer.name", R"("adam")"},
                                                  {"optimizer.betas.b1", "0.9"},
                                                  {"optimizer.betas.b2", "0.999"},
                                                  {"optimizer.empty", "{}"},
                                                  {"big", "Infinity"}}));
  ASSERT_EQ(parameters.rendered.size(), 12u);
  EXPECT_EQ(parameters.rendered.back().name, "_wandb");
  EXPECT_EQ(parameters.rendered[9].json, R"({"name": "adam", "betas": {"b1": 0.9, "b2": 0.999}, "empty": {}})");
}

TEST(WandbSweepFile, PlainScalarsAsYaml11) {
  const WandbParameters parameters = wandb_parameters_from_sweep_file(
      "a: {value: yes}\nb: {value: Off}\nc: {value: 0x1F}\nd: {value: 017}\ne: {value: 1_000}\nf: {value: 1:30}\n"
      "g: {value: 1e-3}\nh: {value: -.inf}\ni: {value: ~}\nj: {value: 2024-01-01}\nk: {value: 12345678901234567890}\n",
      "p.yaml");
  EXPECT_EQ(values_of(parameters.values), (Values{{"a", "true"},
                                                  {"b", "false"},
                                                  {"c", "31"},
                                                  {"d", "15"},
                                                  {"e", "1000"},
                                                  {"f", "90"},
                                                  {"g", R"("1e-3")"},  // SafeLoader's floats need a '.'
                                                  {"h", "-Infinity"},
                                                  {"i", "null"},
                                                  {"j", R"("2024-01-01")"},
                                                  {"k", "12345678901234567890"}}));
}

TEST(WandbSweepFile, IntsBeyond64BitsKeepEveryDigitInAnyBase) {
  const WandbParameters parameters = wandb_parameters_from_sweep_file(
      "a: {value: 1180591620717411303424}\nb: {value: -99999999999999999999}\nc: {value: 0x1ffffffffffffffffffff}\n"
      "d: {value: 0b11111111111111111111111111111111111111111111111111111111111111111}\n"
      "e: {value: 07777777777777777777777}\nf: {value: [18446744073709551616, 1]}\ng: {value: -0x0}\n",
      "p.yaml");
  // As PyYAML's SafeLoader reads them (yaml.safe_load): Python ints, every digit kept.
  EXPECT_EQ(values_of(parameters.values), (Values{{"a", "1180591620717411303424"},
                                                  {"b", "-99999999999999999999"},
                                                  {"c", "2417851639229258349412351"},
                                                  {"d", "36893488147419103231"},
                                                  {"e", "73786976294838206463"},
                                                  {"f", "[18446744073709551616, 1]"},
                                                  {"g", "0"}}));
}

TEST(WandbSweepFile, ErrorsNameTheVariableAndTheFile) {
  const auto message = [](const std::string& text) {
    try {
      wandb_parameters_from_sweep_file(text, "/w/config-r1.yaml");
    } catch (const AdaptError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("- a\n- b\n"),
            "WANDB_SWEEP_PARAM_PATH: the sweep parameter file /w/config-r1.yaml is not a YAML mapping; the W&B agent "
            "writes it as `wandb_version: 1` and one `NAME: {value: VALUE}` per parameter: fix it or unset "
            "WANDB_SWEEP_PARAM_PATH");
  EXPECT_NE(message("lr: 0.1\n").find("holds 'lr' without a \"value:\" entry"), std::string::npos);
  EXPECT_NE(message("lr: {value: [1, 2}\n").find("/w/config-r1.yaml:1:"), std::string::npos);
}

TEST(WandbConfig, LaunchRunConfigTypedAndFlattened) {
  const WandbParameters parameters = wandb_parameters_from_config(
      R"({"lr": 1e-05, "opt": {"name": "adam", "betas": [0.9, 0.999]}, "n": null, "s": "a, b", "x": NaN, "_wandb": {}})",
      "WANDB_CONFIG");
  EXPECT_EQ(parameters.source, "WANDB_CONFIG");
  EXPECT_EQ(values_of(parameters.values), (Values{{"lr", "1e-05"},
                                                  {"opt.name", R"("adam")"},
                                                  {"opt.betas", "[0.9, 0.999]"},
                                                  {"n", "null"},
                                                  {"s", R"("a, b")"},
                                                  {"x", "NaN"}}));
}

TEST(WandbConfig, IntsBeyond64BitsKeepEveryDigit) {
  const WandbParameters parameters = wandb_parameters_from_config(
      R"({"a": 1180591620717411303424, "b": -99999999999999999999, "c": {"d": [18446744073709551616, 1.5e300]}})",
      "WANDB_CONFIG");
  EXPECT_EQ(values_of(parameters.values), (Values{{"a", "1180591620717411303424"},
                                                  {"b", "-99999999999999999999"},
                                                  {"c.d", "[18446744073709551616, 1.5e+300]"}}));
}

TEST(WandbConfig, NotAJsonObjectNamesTheVariable) {
  EXPECT_THROW(
      {
        try {
          wandb_parameters_from_config("[1]", "WANDB_CONFIG_0..WANDB_CONFIG_1");
        } catch (const AdaptError& error) {
          EXPECT_EQ(std::string(error.what()).rfind("WANDB_CONFIG_0..WANDB_CONFIG_1 is not a JSON object; ", 0), 0u);
          throw;
        }
      },
      AdaptError);
  EXPECT_THROW(wandb_parameters_from_config("{\"a\": ", "WANDB_CONFIG"), AdaptError);
}

TEST(WandbConfigText, TheVariableElseItsShardsJoinedInOrder) {
  std::map<std::string, std::string> environment;
  const VariableReader lookup = [&environment](const std::string& name) -> std::optional<std::string> {
    const auto found = environment.find(name);
    if (found == environment.end()) return std::nullopt;
    return found->second;
  };
  EXPECT_FALSE(wandb_config_text(lookup));
  environment = {{"WANDB_CONFIG_0", "{\"a\": "}, {"WANDB_CONFIG_1", "1, \"b\""}, {"WANDB_CONFIG_2", ": 2}"}};
  const auto joined = wandb_config_text(lookup);
  ASSERT_TRUE(joined);
  EXPECT_EQ(joined->text, "{\"a\": 1, \"b\": 2}");
  EXPECT_EQ(joined->variables, "WANDB_CONFIG_0..WANDB_CONFIG_2");
  environment["WANDB_CONFIG"] = "{}";
  EXPECT_EQ(wandb_config_text(lookup)->variables, "WANDB_CONFIG");
  environment = {{"WANDB_CONFIG_0", "{"}, {"WANDB_CONFIG_2", "}"}};
  EXPECT_THROW(wandb_config_text(lookup), AdaptError);
}

// The rendered parameters of the sweep: a float, a string, a true and a false bool, a dict.
const std::vector<WandbValue> kRendered{
    {"lr", "0.1"}, {"name", R"("a b")"}, {"on", "true"}, {"off", "false"}, {"opt", R"({"b": 1})"}};

TEST(SweepRenderings, EachMacroIsTakenOffAndHandWrittenWordsStay) {
  const Words program{"/usr/bin/env", "python", "main.py"};
  const std::map<std::string, Words> macros{
      {"args", {"--lr=0.1", "--name=a b", "--on=True", "--off=False", "--opt={'b': 1}"}},
      {"args_no_equals", {"--lr", "0.1", "--name", "a b", "--on", "True", "--off", "False", "--opt", "{'b': 1}"}},
      {"args_no_boolean_flags", {"--lr=0.1", "--name=a b", "--on", "--opt={'b': 1}"}},
      {"args_no_hyphens", {"lr=0.1", "name=a b", "on=True", "off=False", "opt={'b': 1}"}},
      {"args_append_hydra", {"+lr=0.1", "+name=a b", "+on=True", "+off=False", "+opt={'b': 1}"}},
      {"args_override_hydra", {"++lr=0.1", "++name=a b", "++on=True", "++off=False", "++opt={'b': 1}"}},
      {"args_json", {R"({"lr": 0.1, "name": "a b", "on": true, "off": false, "opt": {"b": 1}})"}},
      {"args_json_file", {"wandb/sweep-s/config-r.json"}},
  };
  for (const auto& [macro, rendering] : macros) {
    Words words = program;
    words.insert(words.end(), rendering.begin(), rendering.end());
    words.insert(words.end(), {"trainer.max_epochs=3", "--other", "x"});
    EXPECT_EQ(without_sweep_renderings(words, kRendered, "wandb/sweep-s/config-r.json"),
              (Words{"/usr/bin/env", "python", "main.py", "trainer.max_epochs=3", "--other", "x"}))
        << macro;
  }
}

TEST(SweepRenderings, MixedMacrosAndABareTrueBeforeAFlag) {
  const Words words{"python",     "main.py", "lr=0.1", "--on", "--name",         "a b",
                    "+off=False", "x=1",     "--on",   "True", "--opt={'b': 1}", "--lr=0.1"};
  EXPECT_EQ(without_sweep_renderings(words, kRendered, std::nullopt), (Words{"python", "main.py", "x=1"}));
  EXPECT_EQ(without_sweep_renderings({"lr=0.1"}, kRendered, std::nullopt), (Words{"lr=0.1"}));  // the program
}

TEST(SweepRenderings, TheJsonFileBesideTheParameterFile) {
  EXPECT_EQ(sweep_args_json_file("wandb/sweep-s/config-r.yaml"), "wandb/sweep-s/config-r.json");
  EXPECT_EQ(sweep_args_json_file("/x/p"), "/x/p.json");
}

TEST(WandbInput, TheSweepFileWinsOverLaunchsConfigAndItsRenderingIsTakenOff) {
  const auto read_file = [](const std::string& path) {
    EXPECT_EQ(path, "/w/config-r1.yaml");
    return std::string("wandb_version: 1\nlr:\n  value: 1.0e-05\nname:\n  value: a b\n");
  };
  const PlatformInput input = wandb_input(
      {"python3", "main.py", "--lr=1e-05", "--name=a b", "--seed", "3"},
      variable_table({{"WANDB_SWEEP_PARAM_PATH", "/w/config-r1.yaml"}, {"WANDB_CONFIG", R"({"lr": 2})"}}), read_file);
  EXPECT_EQ(input.split.program, (Words{"python3", "main.py"}));
  EXPECT_EQ(input.split.incoming, (Words{"--seed", "3"}));
  ASSERT_EQ(input.value_source.values.size(), 2u);
  EXPECT_EQ(input.value_source.values[0].text, "1e-05");
  EXPECT_EQ(input.value_source.values[0].origin, "WANDB_SWEEP_PARAM_PATH:lr");
  EXPECT_EQ(input.value_source.values[1].text, "a b");
  EXPECT_EQ(input.value_source.values[1].json, R"("a b")");
}

TEST(WandbInput, LaunchsConfigWithoutASweepAndNothingWithoutEither) {
  const auto no_file = [](const std::string&) -> std::string {
    ADD_FAILURE() << "no file is read without WANDB_SWEEP_PARAM_PATH";
    return "";
  };
  const PlatformInput launch =
      wandb_input({"python3", "main.py"}, variable_table({{"WANDB_CONFIG", R"({"opt": {"lr": 0.5}})"}}), no_file);
  ASSERT_EQ(launch.value_source.values.size(), 1u);
  EXPECT_EQ(launch.value_source.values[0].name, "opt.lr");
  EXPECT_EQ(launch.value_source.values[0].origin, "WANDB_CONFIG:opt.lr");
  EXPECT_TRUE(wandb_input({"python3", "main.py"}, variable_table({}), no_file).value_source.values.empty());
}

}  // namespace
}  // namespace hydra_adapt
