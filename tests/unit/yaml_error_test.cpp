#include "yaml/yaml_error.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <functional>
#include <string>

namespace hydra_adapt {
namespace {

std::string error_of(const std::function<void()>& parse) {
  try {
    parse();
  } catch (const AdaptError& error) {
    return error.what();
  }
  return "no error";
}

TEST(TranslateYamlErrors, GivesBackWhatTheParseGives) {
  const auto documents = translate_yaml_errors("t.yaml", [] { return YAML::LoadAll("a: 1\n---\nb: 2\n"); });
  ASSERT_EQ(documents.size(), 2u);
  EXPECT_EQ(documents[1]["b"].as<int>(), 2);
}

TEST(TranslateYamlErrors, NamesTheSpotOfMalformedYaml) {
  EXPECT_EQ(error_of([] { translate_yaml_errors("c.yaml", [] { return YAML::LoadAll("a: [1\n"); }); }),
            "c.yaml:2:1: malformed YAML: end of sequence flow not found");
  EXPECT_EQ(error_of([] { translate_yaml_errors("c.yaml", [] { return YAML::Load("a: *nowhere\n"); }); }),
            "c.yaml:1:4: malformed YAML: the referenced anchor is not defined");
}

TEST(YamlSpot, NamesFileLineAndColumnFromOne) {
  YAML::Mark mark;
  mark.line = 2;
  mark.column = 4;
  EXPECT_EQ(yaml_spot("f.yaml", mark), "f.yaml:3:5: ");
  EXPECT_EQ(yaml_spot("f.yaml", YAML::Mark::null_mark()), "f.yaml: ");
}

}  // namespace
}  // namespace hydra_adapt
