#include "schema/schema_yaml.h"

#include <gtest/gtest.h>

#include "adapt_error.h"

namespace hydra_adapt {
namespace {

std::string error_of(const std::string& yaml) {
  try {
    parse_schema_yaml(yaml, "s.yaml");
  } catch (const AdaptError& error) {
    return error.what();
  }
  return "";
}

TEST(ParseSchemaYaml, ReadsTheDocumentedFields) {
  const Schema schema = parse_schema_yaml(
      "unknown: pass\n"
      "flags:\n"
      "  lr: {key: optimizer.lr, type: float}\n"
      "  epochs: {key: trainer.max_epochs, type: int, required: true}\n"
      "  api-key: {key: secrets.key, secret: true}\n"
      "  data-path: {type: path}\n"
      "  extra: {key: +new.thing}\n",
      "s.yaml");
  EXPECT_EQ(schema.unknown, UnknownPolicy::kPass);
  ASSERT_EQ(schema.flags.size(), 5u);
  EXPECT_EQ(schema.find("lr")->type, ValueType::kFloat);
  EXPECT_TRUE(schema.find("epochs")->required);
  EXPECT_TRUE(schema.find("api-key")->secret);
  EXPECT_EQ(schema.find("api-key")->type, ValueType::kStr);
  EXPECT_EQ(schema.find("data-path")->key, "data_path");
  EXPECT_EQ(schema.find("extra")->key, "+new.thing");
  EXPECT_EQ(schema.find("missing"), nullptr);
}

TEST(ParseSchemaYaml, CanKeepHyphensInDerivedKeys) {
  const Schema schema = parse_schema_yaml("hyphens_to_underscores: false\nflags: {data-path: }\n", "s.yaml");
  EXPECT_EQ(schema.find("data-path")->key, "data-path");
}

TEST(ParseSchemaYaml, NamesFileLineAndColumnOfMalformedYaml) {
  EXPECT_EQ(error_of("flags:\n  lr: {key: a\n"), "s.yaml:3:1: malformed YAML: end of map flow not found");
}

TEST(ParseSchemaYaml, RefusesWhatItDoesNotKnow) {
  EXPECT_NE(error_of("flags:\n  lr: {type: flaot}\n").find("s.yaml:2:14: flag 'lr': unknown type 'flaot'"),
            std::string::npos);
  EXPECT_NE(error_of("flags:\n  lr: {kye: a}\n").find("unknown field 'kye'"), std::string::npos);
  EXPECT_NE(error_of("flag:\n  lr: {}\n").find("unknown field 'flag'"), std::string::npos);
  EXPECT_NE(error_of("unknown: maybe\n").find("not one of error, pass, auto"), std::string::npos);
  EXPECT_NE(error_of("flags:\n  lr: {required: sure}\n").find("'required' must be true or false"), std::string::npos);
  EXPECT_NE(error_of("- a\n").find("a schema is a YAML mapping"), std::string::npos);
  EXPECT_NE(error_of("").find("a schema is a YAML mapping"), std::string::npos);
}

TEST(ParseSchemaYaml, ReadsAListOfTypesAsAFlagWithSeveralValues) {
  const Schema schema = parse_schema_yaml("flags: {outs: {type: [output_path, int]}, lr: {type: float}}", "s.yaml");
  EXPECT_EQ(schema.find("outs")->list_types, (std::vector<ValueType>{ValueType::kOutputPath, ValueType::kInt}));
  EXPECT_EQ(schema.find("outs")->value_count(), 2u);
  EXPECT_EQ(flag_type_name(*schema.find("outs")), "[output_path, int]");
  EXPECT_TRUE(schema.find("lr")->list_types.empty());
  EXPECT_NE(error_of("flags: {outs: {type: []}}").find("one type per value"), std::string::npos);
  EXPECT_NE(error_of("flags: {outs: {type: [int, intt]}}").find("unknown type 'intt'"), std::string::npos);
}

// Found by fuzz_schema: a second 'flags:' section declared 'lr' again, and the loader kept
// both; the second declaration was silently ignored.
TEST(ParseSchemaYaml, RefusesAFieldGivenTwice) {
  EXPECT_NE(error_of("flags:\n  lr: {}\nflags:\n  lr: {}\n").find("s.yaml:3:1: the field 'flags' is given twice"),
            std::string::npos);
  EXPECT_NE(error_of("flags:\n  lr: {key: a, key: b}\n").find("the field 'key' is given twice"), std::string::npos);
  // Env entries are read by the same reader: the second key was silently taken.
  EXPECT_EQ(error_of("env:\n  X: {key: a, key: b}\n"), "s.yaml:2:15: the field 'key' is given twice; keep one");
  EXPECT_EQ(error_of("env:\n  X: {key: a, secret: true, secret: false}\n"),
            "s.yaml:2:29: the field 'secret' is given twice; keep one");
}

TEST(ParseSchemaYaml, DerivesKeysWithHyphensToUnderscoresWhereverItStands) {
  const Schema schema = parse_schema_yaml("flags:\n  data-path: {}\nhyphens_to_underscores: false\n", "s.yaml");
  EXPECT_EQ(schema.find("data-path")->key, "data-path");
}

TEST(ParseSchemaYaml, RefusesBadFlagsAndKeys) {
  EXPECT_NE(error_of("flags:\n  lr: {}\n  lr: {}\n").find("declared twice (first on line 2)"), std::string::npos);
  EXPECT_NE(error_of("flags:\n  lr: {key: ''}\n").find("the key is empty"), std::string::npos);
  EXPECT_NE(error_of("flags:\n  lr: {key: 'a b'}\n").find("not a key Hydra can address"), std::string::npos);
  EXPECT_NE(error_of("flags:\n  1lr: {}\n").find("not a Hydra key by itself"), std::string::npos);
  EXPECT_NE(error_of("flags:\n  --lr: {}\n").find("without leading dashes"), std::string::npos);
}

// Found by the bad-input catalogue: an ifstream turned the read error of /proc/self/mem
// (EIO) into an empty text, reported as "a schema is a YAML mapping".
TEST(LoadSchemaFile, ReportsAReadError) {
  try {
    load_schema_file("/proc/self/mem");
    FAIL() << "no error";
  } catch (const AdaptError& error) {
    EXPECT_NE(std::string(error.what()).find("cannot read schema /proc/self/mem: Input/output error"),
              std::string::npos);
  }
}

TEST(ParseSchemaYaml, ReadsEnvironmentVariables) {
  const Schema schema = parse_schema_yaml(
      "env:\n"
      "  AIP_MODEL_DIR: {key: output.model_dir, type: path, gcs_fuse: true}\n"
      "  AIP_CHECKPOINT_DIR: {key: +ckpt}\n"
      "  API_TOKEN: {key: secrets.token, secret: true}\n",
      "s.yaml");
  ASSERT_EQ(schema.env.size(), 3u);
  const EnvSpec& model_dir = *schema.find_env("AIP_MODEL_DIR");
  EXPECT_EQ(model_dir.key, "output.model_dir");
  EXPECT_EQ(model_dir.type, ValueType::kPath);
  EXPECT_TRUE(model_dir.gcs_fuse);
  EXPECT_FALSE(model_dir.secret);
  EXPECT_EQ(schema.find_env("AIP_CHECKPOINT_DIR")->type, ValueType::kStr);
  EXPECT_FALSE(schema.find_env("AIP_CHECKPOINT_DIR")->gcs_fuse);
  EXPECT_TRUE(schema.find_env("API_TOKEN")->secret);
  EXPECT_EQ(schema.find_env("HOME"), nullptr);
  EXPECT_TRUE(schema.flags.empty());
}

TEST(ParseSchemaYaml, RefusesBadEnvironmentEntries) {
  EXPECT_NE(error_of("env:\n  AIP_MODEL_DIR: {type: path}\n").find("s.yaml:2:18: variable 'AIP_MODEL_DIR' needs a key"),
            std::string::npos);
  EXPECT_NE(error_of("env: {A: {key: a, fuse: true}}").find("variable 'A': unknown field 'fuse'"), std::string::npos);
  EXPECT_NE(error_of("env: {A: {key: a, type: paht}}").find("variable 'A': unknown type 'paht'"), std::string::npos);
  EXPECT_NE(error_of("env: {A: {key: 'a b'}}").find("variable 'A': 'a b' is not a key Hydra can address"),
            std::string::npos);
  EXPECT_NE(error_of("env: {A: {key: a, gcs_fuse: maybe}}").find("'gcs_fuse' must be true or false"),
            std::string::npos);
  EXPECT_NE(error_of("env: {1A: {key: a}}").find("variable name '1A' must be letters"), std::string::npos);
  EXPECT_NE(error_of("env: {'$A': {key: a}}").find("variable name '$A'"), std::string::npos);
  EXPECT_NE(error_of("env: {A: {key: a}, 'A': {key: b}}").find("declared twice"), std::string::npos);
  EXPECT_NE(error_of("env: {A: a}").find("variable 'A' takes a mapping"), std::string::npos);
  EXPECT_NE(error_of("env: [A]").find("'env' is a mapping"), std::string::npos);
}

}  // namespace
}  // namespace hydra_adapt
