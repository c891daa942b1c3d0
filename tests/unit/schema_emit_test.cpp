#include "schema/schema_emit.h"

#include <gtest/gtest.h>

#include "schema/schema_yaml.h"

namespace hydra_adapt {
namespace {

TEST(EmitSchemaYaml, WritesEveryFieldThatDiffersFromTheDefault) {
  const Schema schema = parse_schema_yaml(
      "unknown: pass\nhyphens_to_underscores: false\nflags:\n"
      "  lr: {key: optimizer.lr, type: float, required: true}\n"
      "  out-paths: {type: [output_path, int]}\n"
      "  api-key: {key: 'a.b', secret: true}\n",
      "s");
  EXPECT_EQ(emit_schema_yaml(schema, "from test"),
            "# from test\n"
            "unknown: pass\n"
            "hyphens_to_underscores: false\n"
            "flags:\n"
            "  lr: {key: optimizer.lr, type: float, required: true}\n"
            "  out-paths: {key: out-paths, type: [output_path, int]}\n"
            "  api-key: {key: a.b, type: str, secret: true}\n");
}

TEST(EmitSchemaYaml, ReadsBackToTheSameSchema) {
  const Schema schema = parse_schema_yaml(
      "flags: {'odd:name': {key: odd, type: json}, 'x#y': {key: '++a.b', type: [int, bool]}, n: {}}", "s");
  const Schema again = parse_schema_yaml(emit_schema_yaml(schema, "h"), "emitted");
  ASSERT_EQ(again.flags.size(), 3u);
  for (std::size_t i = 0; i < schema.flags.size(); ++i) {
    EXPECT_EQ(again.flags[i].name, schema.flags[i].name);
    EXPECT_EQ(again.flags[i].key, schema.flags[i].key);
    EXPECT_EQ(again.flags[i].type, schema.flags[i].type);
    EXPECT_EQ(again.flags[i].list_types, schema.flags[i].list_types);
  }
  EXPECT_EQ(parse_schema_yaml(emit_schema_yaml(Schema{}, "h"), "e").flags.size(), 0u);
}

TEST(EmitSchemaYaml, WritesTheEnvironmentSectionAndReadsItBack) {
  const Schema schema = parse_schema_yaml(
      "flags: {}\nenv: {AIP_MODEL_DIR: {key: out.dir, type: path, gcs_fuse: true}, T: {key: t, secret: true}}", "s");
  const std::string yaml = emit_schema_yaml(schema, "h");
  EXPECT_EQ(yaml,
            "# h\n"
            "flags:\n"
            "  {}\n"
            "env:\n"
            "  AIP_MODEL_DIR: {key: out.dir, type: path, gcs_fuse: true}\n"
            "  T: {key: t, type: str, secret: true}\n");
  const Schema again = parse_schema_yaml(yaml, "emitted");
  ASSERT_EQ(again.env.size(), 2u);
  EXPECT_EQ(again.env[0].key, "out.dir");
  EXPECT_EQ(again.env[0].type, ValueType::kPath);
  EXPECT_TRUE(again.env[0].gcs_fuse);
  EXPECT_TRUE(again.env[1].secret);
}

}  // namespace
}  // namespace hydra_adapt
