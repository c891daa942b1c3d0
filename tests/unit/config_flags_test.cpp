#include "hydra_config/config_flags.h"

#include <gtest/gtest.h>

#include <memory>

#include "adapt_error.h"
#include "hydra_config/config_resolver.h"
#include "schema/schema_merge.h"
#include "schema/schema_yaml.h"
#include "translate/translator.h"

namespace hydra_adapt {
namespace {

using Words = std::vector<std::string>;

std::shared_ptr<const ConfigMatcher> app_config() {
  return std::make_shared<const ConfigMatcher>(
      parse_hydra_config("hydra:\n"
                         "  job: {name: main}\n"
                         "  runtime: {choices: {experiment: null, trainer: default, hydra/launcher: basic}}\n"
                         "version: '1'\n"
                         "seed: null\n"
                         "run_id: '007'\n"
                         "tags: [dev]\n"
                         "trainer: {max_epochs: 10, name: t}\n"
                         "model: {name: m, optimizer: {lr: 0.001}, net: {_target_: Net, size: 4}}\n"
                         "data: {data_dir: '${paths.data_dir}', path: /x}\n"
                         "paths: {data_dir: /data}\n",
                         "cfg.yaml"));
}

Translation run(const Schema& schema, const Words& incoming, UnknownPolicy unknown = UnknownPolicy::kError) {
  return translate(schema, {{"python3", "main.py"}, incoming, SplitRule::kFirstFlag}, unknown);
}

Words final_words(const Schema& schema, const Words& incoming, UnknownPolicy unknown = UnknownPolicy::kError) {
  const Translation translation = run(schema, incoming, unknown);
  return Words(translation.argv.begin() + 2, translation.argv.end());
}

std::string error_of(const Schema& schema, const Words& incoming) {
  try {
    run(schema, incoming);
  } catch (const AdaptError& error) {
    return error.what();
  }
  return "";
}

TEST(HydraConfigSchema, TranslatesEachRuleWithTheDefaultsType) {
  const Schema schema = hydra_config_schema(app_config());
  EXPECT_EQ(final_words(schema, {"--trainer", "gpu", "--max-epochs", "256.0", "--optimizer.lr", "1", "--model.name",
                                 "x", "--run-id", "7", "--tags", "[\"a\"]", "--seed", "5", "--data-dir", "/d"}),
            (Words{"trainer='gpu'", "trainer.max_epochs=256", "model.optimizer.lr=1.0", "model.name='x'", "run_id='7'",
                   "tags=['a']", "seed=5", "paths.data_dir='/d'"}));
}

TEST(HydraConfigSchema, ADictReplacesTheDefault) {
  EXPECT_EQ(final_words(hydra_config_schema(app_config()), {"--model.net", "{\"size\": 2}"}),
            (Words{"model.net=null", "model.net={size: 2}"}));
}

TEST(HydraConfigSchema, AnUntypedKeyTakesZeroConfigsRendering) {
  const Schema schema = hydra_config_schema(app_config());
  EXPECT_EQ(final_words(schema, {"--seed", "0.5", "--seed", "abc", "--seed"}),
            (Words{"seed=0.5", "seed='abc'", "seed=true"}));
}

TEST(HydraConfigSchema, TheReportNamesTheOriginAndTheRule) {
  const Translation translation = run(hydra_config_schema(app_config()), {"--max-epochs", "3", "--trainer", "gpu"});
  ASSERT_EQ(translation.mappings.size(), 2u);
  EXPECT_EQ(translation.mappings[0].origin, Mapping::Origin::kHydraConfig);
  EXPECT_EQ(translation.mappings[0].rule, "leaf");
  EXPECT_EQ(translation.mappings[0].type, "int");
  EXPECT_EQ(translation.mappings[1].rule, "group");
}

TEST(HydraConfigSchema, AnAmbiguousNameIsRefusedNamingEveryCandidate) {
  const std::string message = error_of(hydra_config_schema(app_config()), {"--name", "x"});
  EXPECT_NE(message.find("--name is ambiguous"), std::string::npos) << message;
  EXPECT_NE(message.find("trainer.name, model.name"), std::string::npos) << message;
}

TEST(HydraConfigSchema, AnUnknownNameIsAnErrorNamingTheNearestPath) {
  const Schema schema = hydra_config_schema(app_config());
  EXPECT_EQ(schema.unknown, UnknownPolicy::kError);
  const std::string message = error_of(schema, {"--max-epoch", "3"});
  EXPECT_NE(message.find("unknown flag --max-epoch (did you mean --trainer.max_epochs?)"), std::string::npos)
      << message;
  EXPECT_EQ(final_words(schema, {"--max-epoch", "3"}, UnknownPolicy::kAuto), Words{"max_epoch=3"});
}

TEST(HydraConfigSchema, HydrasOwnFlagsStayHydras) {
  EXPECT_EQ(final_words(hydra_config_schema(app_config()), {"--version"}), Words{"--version"});
}

TEST(HydraConfigSchema, DeclarationsComeFirst) {
  const Schema declared = parse_schema_yaml("flags:\n  name: {key: model.name, type: str}\n", "s");
  const Schema merged = merge_schemas(declared, hydra_config_schema(app_config()));
  const Translation translation = run(merged, {"--name", "x", "--max-epochs", "2"});
  EXPECT_EQ(translation.argv.back(), "trainer.max_epochs=2");
  EXPECT_EQ(translation.mappings[0].origin, Mapping::Origin::kSchema);
  EXPECT_EQ(translation.mappings[0].key, "model.name");
}

TEST(FitComponentFlags, KeysAndTypesTheSpecsFlagsByTheConfig) {
  Schema component = parse_schema_yaml(
      "flags:\n  max-epochs: {type: str, required: true}\n  path: {type: path}\n"
      "  not-in-config: {type: int}\n  name: {}\n",
      "component");
  const ConfigFlags fitted = fit_component_flags(component, *app_config());
  ASSERT_EQ(fitted.schema.flags.size(), 3u);
  EXPECT_EQ(fitted.schema.flags[0].key, "trainer.max_epochs");
  EXPECT_EQ(fitted.schema.flags[0].type, ValueType::kInt);
  EXPECT_TRUE(fitted.schema.flags[0].required);
  EXPECT_EQ(fitted.schema.flags[0].rule, "leaf");
  EXPECT_EQ(fitted.schema.flags[1].key, "data.path");
  EXPECT_EQ(fitted.schema.flags[1].type, ValueType::kPath);
  EXPECT_EQ(fitted.schema.flags[2].key, "not_in_config");
  EXPECT_EQ(fitted.schema.flags[2].rule, "");
  ASSERT_EQ(fitted.ambiguous.size(), 1u);
  EXPECT_EQ(fitted.ambiguous[0].name, "name");
  EXPECT_EQ(fitted.ambiguous[0].keys, "trainer.name, model.name");
}

TEST(ImpliedFlags, OneEntryForEachGroupAndReachableLeafByItsShortestName) {
  const ConfigFlags implied = implied_flags(*app_config());
  std::vector<std::string> entries;
  for (const FlagSpec& flag : implied.schema.flags)
    entries.push_back(flag.name + " " + flag.key + " " + std::string(value_type_name(flag.type)));
  EXPECT_EQ(entries, (std::vector<std::string>{
                         "experiment experiment str", "trainer trainer str", "seed seed auto", "run-id run_id str",
                         "tags tags json", "max-epochs trainer.max_epochs int", "trainer.name trainer.name str",
                         "model.name model.name str", "lr model.optimizer.lr float", "_target_ model.net._target_ str",
                         "size model.net.size int", "data.data-dir data.data_dir auto", "path data.path str",
                         "data-dir paths.data_dir str"}));
  ASSERT_EQ(implied.ambiguous.size(), 1u);
  EXPECT_EQ(implied.ambiguous[0].name, "name");
  EXPECT_EQ(implied.schema.unknown, UnknownPolicy::kError);
}

TEST(ImpliedFlags, AsASchemaTheyMapAsTheConfigDoes) {
  const auto config = app_config();
  const Schema implied = implied_flags(*config).schema;
  const Words incoming{"--trainer", "gpu", "--max-epochs", "3", "--lr", "1", "--seed", "x", "--data-dir", "/d"};
  EXPECT_EQ(final_words(implied, incoming), final_words(hydra_config_schema(config), incoming));
}

}  // namespace
}  // namespace hydra_adapt
