#include "hydra_config/config_matcher.h"

#include <gtest/gtest.h>

namespace hydra_adapt {
namespace {

// A lightning-hydra-template-like config, as `--cfg all` prints it.
ConfigMatcher lightning() {
  return ConfigMatcher(
      parse_hydra_config("hydra:\n"
                         "  job: {chdir: false, name: main}\n"
                         "  runtime:\n"
                         "    choices: {experiment: null, trainer: default, db/engine: sqlite, hydra/launcher: basic}\n"
                         "seed: null\n"
                         "trainer: {max_epochs: 10, default_root_dir: '${paths.output_dir}', name: t}\n"
                         "model:\n"
                         "  name: m\n"
                         "  optimizer: {lr: 0.001, _target_: torch.optim.Adam}\n"
                         "  scheduler: {lr: '${..optimizer.lr}'}\n"
                         "data: {data_dir: '${paths.data_dir}', batch_size: 64}\n"
                         "paths: {data_dir: /data, output_dir: '${hydra:runtime.output_dir}'}\n"
                         "db: {engine: {pool: 5}}\n"
                         "max-items: 1\n"
                         "max_items: 2\n",
                         "cfg.yaml"));
}

std::vector<std::string> keys(const NameMatch& match) {
  std::vector<std::string> keys;
  for (const ConfigTarget& target : match.targets) keys.push_back(target.key);
  return keys;
}

using Keys = std::vector<std::string>;

TEST(ConfigMatcher, AGroupComesFirst) {
  const ConfigMatcher matcher = lightning();
  const NameMatch trainer = matcher.match("trainer");
  EXPECT_EQ(trainer.rule, MatchRule::kGroup);
  EXPECT_EQ(keys(trainer), Keys{"trainer"});
  EXPECT_EQ(trainer.targets.front().type, ValueType::kStr);
  EXPECT_EQ(keys(matcher.match("experiment")), Keys{"experiment"});  // a null default is a group too
}

TEST(ConfigMatcher, ANestedGroupAnswersToSlashesAndDots) {
  const ConfigMatcher matcher = lightning();
  EXPECT_EQ(keys(matcher.match("db/engine")), Keys{"db/engine"});
  EXPECT_EQ(keys(matcher.match("db.engine")), Keys{"db/engine"});
  EXPECT_EQ(matcher.match("db.engine").rule, MatchRule::kGroup);
}

TEST(ConfigMatcher, HydrasOwnGroupsAreNoFlags) {
  const ConfigMatcher matcher = lightning();
  EXPECT_TRUE(matcher.match("hydra/launcher").targets.empty());
  EXPECT_TRUE(matcher.match("launcher").targets.empty());
}

TEST(ConfigMatcher, ADottedPathNamesItsNode) {
  const ConfigMatcher matcher = lightning();
  const NameMatch lr = matcher.match("model.optimizer.lr");
  EXPECT_EQ(lr.rule, MatchRule::kPath);
  EXPECT_EQ(keys(lr), Keys{"model.optimizer.lr"});
  EXPECT_EQ(lr.targets.front().type, ValueType::kFloat);
  const NameMatch optimizer = matcher.match("model.optimizer");  // a mapping, by its path only
  EXPECT_EQ(keys(optimizer), Keys{"model.optimizer"});
  EXPECT_EQ(optimizer.targets.front().type, ValueType::kJson);
  EXPECT_EQ(keys(matcher.match("db.engine.pool")), Keys{"db.engine.pool"});
}

TEST(ConfigMatcher, HydrasOwnPathsMatchOnlyByTheirWholePath) {
  const ConfigMatcher matcher = lightning();
  EXPECT_EQ(keys(matcher.match("hydra.job.chdir")), Keys{"hydra.job.chdir"});
  EXPECT_TRUE(matcher.match("chdir").targets.empty());
  EXPECT_TRUE(matcher.match("job.chdir").targets.empty());
  EXPECT_EQ(keys(matcher.match("name")), (Keys{"trainer.name", "model.name"}));  // not hydra.job.name
}

TEST(ConfigMatcher, TheLastSegmentOfOneLeaf) {
  const ConfigMatcher matcher = lightning();
  const NameMatch max_epochs = matcher.match("max-epochs");
  EXPECT_EQ(max_epochs.rule, MatchRule::kLeaf);
  EXPECT_EQ(keys(max_epochs), Keys{"trainer.max_epochs"});
  EXPECT_EQ(max_epochs.targets.front().type, ValueType::kInt);
  EXPECT_EQ(keys(matcher.match("batch_size")), Keys{"data.batch_size"});
  EXPECT_TRUE(matcher.match("optimizer").targets.empty());  // a mapping is no leaf
}

TEST(ConfigMatcher, ADottedSuffixOfOneLeaf) {
  const ConfigMatcher matcher = lightning();
  const NameMatch lr = matcher.match("optimizer.lr");
  EXPECT_EQ(lr.rule, MatchRule::kSuffix);
  EXPECT_EQ(keys(lr), Keys{"model.optimizer.lr"});
  EXPECT_EQ(keys(matcher.match("engine.pool")), Keys{"db.engine.pool"});
}

TEST(ConfigMatcher, HyphensAndUnderscoresAreOneCharacterCaseMatters) {
  const ConfigMatcher matcher = lightning();
  EXPECT_EQ(keys(matcher.match("max_epochs")), keys(matcher.match("max-epochs")));
  EXPECT_TRUE(matcher.match("Max-Epochs").targets.empty());
  EXPECT_EQ(keys(matcher.match("max-items")), (Keys{"max-items", "max_items"}));
}

TEST(ConfigMatcher, AFollowerDropsOutWhereItsKeyIsACandidateToo) {
  const ConfigMatcher matcher = lightning();
  EXPECT_EQ(keys(matcher.match("data-dir")), Keys{"paths.data_dir"});
  // Relative interpolations follow too: ${..optimizer.lr} under model.scheduler.
  EXPECT_EQ(keys(matcher.match("lr")), Keys{"model.optimizer.lr"});
  // A resolver call is no key to follow, so the leaf stays the only candidate.
  EXPECT_EQ(keys(matcher.match("default-root-dir")), Keys{"trainer.default_root_dir"});
  EXPECT_EQ(keys(matcher.match("output-dir")), Keys{"paths.output_dir"});
}

TEST(ConfigMatcher, SeveralCandidatesAreAllGiven) {
  const ConfigMatcher matcher = lightning();
  const NameMatch name = matcher.match("name");
  EXPECT_EQ(name.rule, MatchRule::kLeaf);
  EXPECT_EQ(keys(name), (Keys{"trainer.name", "model.name"}));
  EXPECT_EQ(listed_keys(name.targets), "trainer.name, model.name");
}

TEST(ConfigMatcher, NoCandidateGivesTheNearestPath) {
  const ConfigMatcher matcher = lightning();
  EXPECT_TRUE(matcher.match("max-epoch").targets.empty());
  EXPECT_EQ(matcher.nearest("max-epoch"), "trainer.max_epochs");
  EXPECT_EQ(matcher.nearest("model.optimizer.rl"), "model.optimizer.lr");
  EXPECT_EQ(matcher.nearest("experimnt"), "experiment");
  EXPECT_EQ(matcher.nearest("completely-different"), std::nullopt);
}

TEST(ConfigMatcher, ManyLeavesMatchInOneLookupEach) {
  std::string text = "hydra: {runtime: {choices: {}}}\n";
  for (int i = 0; i < 10000; ++i) text += "k" + std::to_string(i) + ": {leaf_" + std::to_string(i) + ": 1}\n";
  const ConfigMatcher matcher(parse_hydra_config(text, "big.yaml"));
  EXPECT_EQ(keys(matcher.match("leaf-9999")), Keys{"k9999.leaf_9999"});
}

}  // namespace
}  // namespace hydra_adapt
