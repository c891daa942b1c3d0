#include "yaml/pyyaml_scalar.h"

#include <gtest/gtest.h>

#include <string>

namespace hydra_adapt {
namespace {

std::string kind_name(std::string_view text, FloatRule rule) {
  switch (plain_scalar_kind(text, rule)) {
    case PlainScalar::kNull:
      return "null";
    case PlainScalar::kBool:
      return "bool";
    case PlainScalar::kInt:
      return "int";
    case PlainScalar::kFloat:
      return "float";
    case PlainScalar::kStr:
      break;
  }
  return "str";
}

// Each row as yaml.safe_load (PyYAML 6) types it, checked against PyYAML itself.
TEST(PlainScalarKind, PyYamlFloatsNeedADotAndASignedExponent) {
  for (const char* text : {"1.0e-05", "1.0E+5", "0.1", "1.", ".5", "1_000.0", ".inf", "-.inf", "+.inf", ".nan",
                           "1:30.5", "190:20:30.15"}) {
    EXPECT_EQ(kind_name(text, FloatRule::kPyYaml), "float") << text;
  }
  for (const char* text : {"1e-05", "1e5", "1.0e5", "1_000e5", "+.5", "-.5", "._5", "-.nan", "1:60.0"}) {
    EXPECT_EQ(kind_name(text, FloatRule::kPyYaml), "str") << text;
  }
  EXPECT_EQ(kind_name("1:30", FloatRule::kPyYaml), "int");
}

TEST(PlainScalarKind, OmegaConfAlsoReadsAnExponentWithoutDotOrSign) {
  for (const char* text : {"1e-05", "1e5", "1.0e5", "1_000e5"}) {
    EXPECT_EQ(kind_name(text, FloatRule::kOmegaConf), "float") << text;
  }
  for (const char* text : {"._5", "+.5", "1:60.0", "1_e5"}) {
    EXPECT_EQ(kind_name(text, FloatRule::kOmegaConf), "str") << text;
  }
}

TEST(PlainScalarKind, NullsBoolsAndIntsAlike) {
  for (const FloatRule rule : {FloatRule::kPyYaml, FloatRule::kOmegaConf}) {
    EXPECT_EQ(kind_name("", rule), "null");
    EXPECT_EQ(kind_name("~", rule), "null");
    EXPECT_EQ(kind_name("Off", rule), "bool");
    EXPECT_EQ(kind_name("0x1F", rule), "int");
    EXPECT_EQ(kind_name("-0b101", rule), "int");
    EXPECT_EQ(kind_name("2024-01-01", rule), "str");
  }
  EXPECT_TRUE(plain_scalar_is_true("yes"));
  EXPECT_FALSE(plain_scalar_is_true("Off"));
}

}  // namespace
}  // namespace hydra_adapt
