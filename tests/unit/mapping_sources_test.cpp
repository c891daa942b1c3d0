// The merge of the mapping sources: which policy an undeclared flag gets, and where the
// variables the schema's env section names come from.
#include "sources/mapping_sources.h"

#include <gtest/gtest.h>

#include "variable_table.h"

namespace hydra_adapt {
namespace {

TEST(UnknownPolicy, AskedElseTheSchemasElseErrorWithDeclaredFlagsElseAuto) {
  Schema schema;
  const MappingSources none;
  MappingSources with_schema;
  with_schema.schema_path = "s.yaml";
  MappingSources with_component;
  with_component.component_path = "c.yaml";
  EXPECT_EQ(unknown_policy(std::nullopt, none, schema), UnknownPolicy::kAuto);
  EXPECT_EQ(unknown_policy(std::nullopt, with_schema, schema), UnknownPolicy::kError);
  EXPECT_EQ(unknown_policy(std::nullopt, with_component, schema), UnknownPolicy::kError);
  schema.unknown = UnknownPolicy::kPass;
  EXPECT_EQ(unknown_policy(std::nullopt, with_schema, schema), UnknownPolicy::kPass);
  EXPECT_EQ(unknown_policy(UnknownPolicy::kAuto, with_schema, schema), UnknownPolicy::kAuto);
}

TEST(SchemaEnvironment, TheProcessesVariableElseThePlatformsElseLeftOut) {
  Schema schema;
  for (const char* variable : {"FROM_PROCESS", "BOTH", "FROM_PLATFORM", "NOWHERE"}) {
    EnvSpec env;
    env.variable = variable;
    schema.env.push_back(env);
  }
  const VariableReader process = variable_table({{"FROM_PROCESS", "p"}, {"BOTH", "process"}, {"UNNAMED", "x"}});
  const Environment platform{{"BOTH", "platform"}, {"FROM_PLATFORM", "f"}};
  EXPECT_EQ(schema_environment(schema, process, platform),
            (Environment{{"FROM_PROCESS", "p"}, {"BOTH", "process"}, {"FROM_PLATFORM", "f"}}));
}

TEST(LoadMappings, NoSourceIsAnEmptySchemaAndRunsNothing) {
  int runs = 0;
  const ConfigRun run = [&runs](const std::vector<std::string>&) {
    ++runs;
    return ConfigRunResult{};
  };
  const Mappings mappings = load_mappings(MappingSources{}, false, split_program_words({"app", "--lr", "1"}), run);
  EXPECT_TRUE(mappings.schema.flags.empty());
  EXPECT_FALSE(mappings.schema.unknown);
  EXPECT_TRUE(mappings.compositions.empty());
  EXPECT_EQ(runs, 0);
}

}  // namespace
}  // namespace hydra_adapt
