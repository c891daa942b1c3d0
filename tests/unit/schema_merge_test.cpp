#include "schema/schema_merge.h"

#include <gtest/gtest.h>

#include "schema/schema_yaml.h"

namespace hydra_adapt {
namespace {

TEST(MergeSchemas, ThePreferredDeclarationWinsAndTheOtherFlagsFollow) {
  const Schema schema = parse_schema_yaml("flags: {lr: {key: optimizer.lr, type: float}}", "s");
  const Schema component =
      parse_schema_yaml("unknown: pass\nflags: {lr: {type: str, required: true}, epochs: {type: int}}", "c");
  const Schema merged = merge_schemas(schema, component);
  ASSERT_EQ(merged.flags.size(), 2u);
  EXPECT_EQ(merged.flags[0].key, "optimizer.lr");
  EXPECT_EQ(merged.flags[0].type, ValueType::kFloat);
  EXPECT_FALSE(merged.flags[0].required);
  EXPECT_EQ(merged.flags[1].name, "epochs");
  EXPECT_EQ(merged.unknown, UnknownPolicy::kPass);
  EXPECT_EQ(merge_schemas(parse_schema_yaml("unknown: auto", "s"), component).unknown, UnknownPolicy::kAuto);
}

TEST(MergeSchemas, ThePreferredVariableWinsAndTheOtherVariablesFollow) {
  const Schema schema = parse_schema_yaml("env: {AIP_MODEL_DIR: {key: out.dir, gcs_fuse: true}}", "s");
  const Schema other = parse_schema_yaml("env: {AIP_MODEL_DIR: {key: m}, AIP_CHECKPOINT_DIR: {key: c}}", "o");
  const Schema merged = merge_schemas(schema, other);
  ASSERT_EQ(merged.env.size(), 2u);
  EXPECT_EQ(merged.env[0].key, "out.dir");
  EXPECT_TRUE(merged.env[0].gcs_fuse);
  EXPECT_EQ(merged.env[1].variable, "AIP_CHECKPOINT_DIR");
}

}  // namespace
}  // namespace hydra_adapt
