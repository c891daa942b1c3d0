#include "hydra_config/hydra_config.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "adapt_error.h"
#include "hydra_config/default_value.h"

namespace hydra_adapt {
namespace {

const ConfigNode& node_at(const HydraConfig& config, const std::string& path) {
  for (const ConfigNode& node : config.nodes) {
    if (node.path == path) return node;
  }
  throw std::runtime_error("no node " + path);
}

TEST(ScalarDefault, PlainScalarsAreTypedAsOmegaConfLoadsThem) {
  EXPECT_EQ(scalar_default("10", false, "").type, ValueType::kInt);
  EXPECT_EQ(scalar_default("-3", false, "").type, ValueType::kInt);
  EXPECT_EQ(scalar_default("55_000", false, "").type, ValueType::kInt);
  EXPECT_EQ(scalar_default("0.001", false, "").type, ValueType::kFloat);
  EXPECT_EQ(scalar_default("1e-05", false, "").type, ValueType::kFloat);  // OmegaConf's, not PyYAML's
  EXPECT_EQ(scalar_default(".inf", false, "").type, ValueType::kFloat);
  EXPECT_EQ(scalar_default("false", false, "").type, ValueType::kBool);
  EXPECT_EQ(scalar_default("True", false, "").type, ValueType::kBool);
  EXPECT_EQ(scalar_default("cpu", false, "").type, ValueType::kStr);
  EXPECT_EQ(scalar_default("2024-01-01", false, "").type, ValueType::kStr);
  EXPECT_EQ(scalar_default("null", false, "").type, ValueType::kAuto);
  EXPECT_EQ(scalar_default("~", false, "").type, ValueType::kAuto);
}

// Every form of OmegaConf's YAML loader's resolvers (PyYAML's int, bool, null and float, then
// OmegaConf's float), with the edges of each; each type checked against the real loader's
// resolve() in the venv. tests/e2e/test_hydra_config.py compares many more with it.
TEST(ScalarDefault, EveryFormOfOmegaConfsGrammarAndItsEdges) {
  const std::vector<std::pair<std::string, ValueType>> cases = {
      // int: binary, hex, octal, decimal, sexagesimal; a sign before any
      {"0b1010", ValueType::kInt},
      {"-0b1_0", ValueType::kInt},
      {"0b", ValueType::kStr},
      {"0b2", ValueType::kStr},
      {"0x1F", ValueType::kInt},
      {"+0x_a", ValueType::kInt},
      {"0x", ValueType::kStr},
      {"0xg", ValueType::kStr},
      {"017", ValueType::kInt},
      {"0_7", ValueType::kInt},
      {"08", ValueType::kStr},
      {"09", ValueType::kStr},
      {"0", ValueType::kInt},
      {"-0", ValueType::kInt},
      {"+12_345", ValueType::kInt},
      {"1__2", ValueType::kInt},
      {"12_", ValueType::kInt},
      {"_1", ValueType::kStr},
      {"1:30", ValueType::kInt},
      {"-190:20:30", ValueType::kInt},
      {"1:5", ValueType::kInt},
      {"1:60", ValueType::kStr},
      {"0:30", ValueType::kStr},
      {"1:", ValueType::kStr},
      // float with a point: PyYAML's (any underscores, the exponent signed) or OmegaConf's
      // (underscores only between digits, the exponent's sign optional)
      {"1.5", ValueType::kFloat},
      {"1.", ValueType::kFloat},
      {"0.", ValueType::kFloat},
      {"-1.5", ValueType::kFloat},
      {"+1.5e-3", ValueType::kFloat},
      {"1.5e3", ValueType::kFloat},
      {"1.0e-05", ValueType::kFloat},
      {"1_0.5e3", ValueType::kFloat},
      {"1__0.5e3", ValueType::kStr},
      {"1__0.5e-3", ValueType::kFloat},
      {"1_.5", ValueType::kFloat},
      {"1_.5e5", ValueType::kStr},
      {"1.5.5", ValueType::kStr},
      // float without a point: OmegaConf's alone
      {"1e5", ValueType::kFloat},
      {"1E+5", ValueType::kFloat},
      {"1_000e-3", ValueType::kFloat},
      {"1_e5", ValueType::kStr},
      {"1__0e5", ValueType::kStr},
      {"e5", ValueType::kStr},
      {"1e", ValueType::kStr},
      {"1e+", ValueType::kStr},
      // float from the point: no sign, the exponent signed
      {".5", ValueType::kFloat},
      {".5e-3", ValueType::kFloat},
      {".5_", ValueType::kFloat},
      {".5e3", ValueType::kStr},
      {"._5", ValueType::kStr},
      {"-.5", ValueType::kStr},
      {".", ValueType::kStr},
      // sexagesimal float: no exponent
      {"1:30.5", ValueType::kFloat},
      {"-1:30:00.0", ValueType::kFloat},
      {"1:30.5e3", ValueType::kStr},
      {"1:30e5", ValueType::kStr},
      // inf with any sign, nan with none; three spellings each
      {".inf", ValueType::kFloat},
      {"-.Inf", ValueType::kFloat},
      {"+.INF", ValueType::kFloat},
      {".INf", ValueType::kStr},
      {".nan", ValueType::kFloat},
      {".NaN", ValueType::kFloat},
      {".NAN", ValueType::kFloat},
      {"-.nan", ValueType::kStr},
      // bool: YAML 1.1's words in three spellings each
      {"yes", ValueType::kBool},
      {"No", ValueType::kBool},
      {"ON", ValueType::kBool},
      {"off", ValueType::kBool},
      {"TRUE", ValueType::kBool},
      {"False", ValueType::kBool},
      {"y", ValueType::kStr},
      {"tRue", ValueType::kStr},
      // null
      {"", ValueType::kAuto},
      {"Null", ValueType::kAuto},
      {"NULL", ValueType::kAuto},
      {"nULL", ValueType::kStr},
  };
  for (const auto& [text, type] : cases) {
    EXPECT_EQ(scalar_default(text, false, "").type, type) << text;
  }
}

TEST(ScalarDefault, AQuotedScalarIsAStrWhateverItLooksLike) {
  EXPECT_EQ(scalar_default("007", true, "").type, ValueType::kStr);
  EXPECT_EQ(scalar_default("true", true, "").type, ValueType::kStr);
  EXPECT_EQ(scalar_default("null", true, "").type, ValueType::kStr);
}

TEST(ScalarDefault, MissingValuesAndInterpolationsGiveNoType) {
  EXPECT_EQ(scalar_default("???", false, "").type, ValueType::kAuto);
  EXPECT_EQ(scalar_default("${paths.data_dir}", false, "").type, ValueType::kAuto);
  EXPECT_EQ(scalar_default("${oc.env:HOME}", true, "").type, ValueType::kAuto);
  EXPECT_EQ(scalar_default("${a}/data", false, "").type, ValueType::kAuto);
}

TEST(ScalarDefault, OnlyExactlyOneInterpolationOfAKeyIsFollowed) {
  EXPECT_EQ(scalar_default("${paths.data_dir}", false, "data").follows, "paths.data_dir");
  EXPECT_EQ(scalar_default("${.lr}", false, "model.optimizer").follows, "model.optimizer.lr");
  EXPECT_EQ(scalar_default("${..seed}", false, "model.optimizer").follows, "model.seed");
  EXPECT_EQ(scalar_default("${...seed}", false, "model.optimizer").follows, "seed");
  EXPECT_EQ(scalar_default("${....seed}", false, "model.optimizer").follows, "");
  EXPECT_EQ(scalar_default("${oc.env:X}", false, "").follows, "");
  EXPECT_EQ(scalar_default("${hydra:runtime.output_dir}", false, "").follows, "");
  EXPECT_EQ(scalar_default("${a}/data", false, "").follows, "");
  EXPECT_EQ(scalar_default("${a}${b}", false, "").follows, "");
  EXPECT_EQ(scalar_default("${a-b.$c_1}", false, "").follows, "a-b.$c_1");
  EXPECT_EQ(scalar_default("${a..b}", false, "").follows, "");
  EXPECT_EQ(scalar_default("${a.}", false, "").follows, "");
  EXPECT_EQ(scalar_default("${}", false, "").follows, "");
  EXPECT_EQ(scalar_default("${..}", false, "x").follows, "");
  EXPECT_EQ(scalar_default("${a b}", false, "").follows, "");
  EXPECT_EQ(scalar_default("x${a}", false, "").follows, "");
}

TEST(ParseHydraConfig, ReadsEveryPathWithItsTypeAndTheAppsGroups) {
  const HydraConfig config = parse_hydra_config(
      "hydra:\n  run: {dir: .}\n  runtime:\n    choices:\n      experiment: null\n      db/engine: sqlite\n"
      "      hydra/launcher: basic\n      hydra: x\n"
      "seed: null\nrun_id: '007'\ntags: [a, b]\ntrainer:\n  max_epochs: 10\n  root: ${paths.root}\n"
      "callbacks: {}\nckpt: ???\n",
      "cfg.yaml");
  EXPECT_EQ(config.groups, (std::vector<std::string>{"experiment", "db/engine"}));
  EXPECT_EQ(node_at(config, "hydra.run.dir").under_hydra, true);
  EXPECT_EQ(node_at(config, "seed").type, ValueType::kAuto);
  EXPECT_EQ(node_at(config, "run_id").type, ValueType::kStr);
  EXPECT_EQ(node_at(config, "tags").type, ValueType::kJson);
  EXPECT_TRUE(node_at(config, "tags").is_leaf);
  EXPECT_FALSE(node_at(config, "trainer").is_leaf);
  EXPECT_EQ(node_at(config, "trainer").type, ValueType::kJson);
  EXPECT_EQ(node_at(config, "trainer.max_epochs").type, ValueType::kInt);
  EXPECT_EQ(node_at(config, "trainer.root").follows, "paths.root");
  EXPECT_TRUE(node_at(config, "callbacks").is_leaf);
  EXPECT_EQ(node_at(config, "ckpt").type, ValueType::kAuto);
  EXPECT_FALSE(node_at(config, "seed").under_hydra);
}

TEST(ParseHydraConfig, LeavesOutWhatAListHoldsAndKeysHydraCannotAddress) {
  const HydraConfig config = parse_hydra_config("a: [{b: 1}]\n'x y': {z: 1}\n1abc: 2\nok: 1\n", "cfg.yaml");
  ASSERT_EQ(config.nodes.size(), 2u);
  EXPECT_EQ(config.nodes[0].path, "a");
  EXPECT_EQ(config.nodes[1].path, "ok");
}

TEST(ParseHydraConfig, RefusesWhatIsNoAppConfig) {
  EXPECT_THROW(parse_hydra_config("a: [1\n", "cfg.yaml"), AdaptError);
  EXPECT_THROW(parse_hydra_config("- a\n", "cfg.yaml"), AdaptError);
  EXPECT_THROW(parse_hydra_config("", "cfg.yaml"), AdaptError);
  EXPECT_THROW(parse_hydra_config("hydra: {run: {dir: .}}\n", "cfg.yaml"), AdaptError);
  try {
    parse_hydra_config("just text\n", "cfg.yaml");
    FAIL();
  } catch (const AdaptError& error) {
    EXPECT_NE(std::string(error.what()).find("cfg.yaml"), std::string::npos);
  }
}

}  // namespace
}  // namespace hydra_adapt
