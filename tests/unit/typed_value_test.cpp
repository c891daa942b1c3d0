#include "values/typed_value.h"

#include <gtest/gtest.h>

#include "values/value_error.h"

namespace hydra_adapt {
namespace {

TEST(RenderTypedValue, IntAcceptsIntegersAndIntegralFloats) {
  EXPECT_EQ(render_typed_value(ValueType::kInt, "5"), "5");
  EXPECT_EQ(render_typed_value(ValueType::kInt, "-3"), "-3");
  EXPECT_EQ(render_typed_value(ValueType::kInt, "+007"), "7");
  EXPECT_EQ(render_typed_value(ValueType::kInt, "256.0"), "256");
  EXPECT_EQ(render_typed_value(ValueType::kInt, "1e2"), "100");
  EXPECT_EQ(render_typed_value(ValueType::kInt, "2.56e2"), "256");
  EXPECT_EQ(render_typed_value(ValueType::kInt, "9007199254740993.0"), "9007199254740993");
  EXPECT_EQ(render_typed_value(ValueType::kInt, "-0.0"), "0");
  EXPECT_EQ(render_typed_value(ValueType::kInt, "123456789012345678901234567890"), "123456789012345678901234567890");
}

TEST(RenderTypedValue, IntRefusesEverythingElse) {
  for (const char* text : {"1.5", "abc", "", " 5", "0x10", "1e999", "nan", "1.55e1"}) {
    EXPECT_THROW(render_typed_value(ValueType::kInt, text), ValueError) << text;
  }
}

TEST(RenderTypedValue, FloatAlwaysReadsBackAsFloat) {
  EXPECT_EQ(render_typed_value(ValueType::kFloat, "1"), "1.0");
  EXPECT_EQ(render_typed_value(ValueType::kFloat, "-3"), "-3.0");
  EXPECT_EQ(render_typed_value(ValueType::kFloat, "1e-05"), "1e-05");
  EXPECT_EQ(render_typed_value(ValueType::kFloat, "0.0000001"), "1e-07");
  EXPECT_EQ(render_typed_value(ValueType::kFloat, ".5"), "0.5");
  EXPECT_EQ(render_typed_value(ValueType::kFloat, "0.1"), "0.1");
  EXPECT_EQ(render_typed_value(ValueType::kFloat, "INF"), "inf");
  EXPECT_EQ(render_typed_value(ValueType::kFloat, "-Infinity"), "-inf");  // as Python's json writes it
  EXPECT_EQ(render_typed_value(ValueType::kFloat, "NaN"), "nan");
  for (const char* text : {"abc", "", "1,5", "0x1p3", "1e", "--1"}) {
    EXPECT_THROW(render_typed_value(ValueType::kFloat, text), ValueError) << text;
  }
}

TEST(RenderTypedValue, BoolTakesTrueFalseInAnyCaseAndDigits) {
  EXPECT_EQ(render_typed_value(ValueType::kBool, "True"), "true");
  EXPECT_EQ(render_typed_value(ValueType::kBool, "FALSE"), "false");
  EXPECT_EQ(render_typed_value(ValueType::kBool, "1"), "true");
  EXPECT_EQ(render_typed_value(ValueType::kBool, "0"), "false");
  EXPECT_THROW(render_typed_value(ValueType::kBool, "yes"), ValueError);
}

TEST(RenderTypedValue, StringTypesQuote) {
  EXPECT_EQ(render_typed_value(ValueType::kPath, "/gcs/b/a b.csv"), "'/gcs/b/a b.csv'");
  EXPECT_EQ(render_typed_value(ValueType::kOutputPath, "it's"), R"('it\'s')");
  EXPECT_EQ(render_typed_value(ValueType::kStr, "1"), "'1'");
}

TEST(RenderAutoValue, TypesOnlyUnambiguousNumbersAndBooleans) {
  EXPECT_EQ(render_auto_value("5").text, "5");
  EXPECT_EQ(render_auto_value("-1").type, "int");
  EXPECT_EQ(render_auto_value("1e-3").type, "float");
  EXPECT_EQ(render_auto_value(".5").type, "float");
  EXPECT_EQ(render_auto_value("True").text, "true");
  for (const char* text : {"007", "+1", "nan", "inf", "null", "0x10", "1_000", "", "a b"}) {
    EXPECT_EQ(render_auto_value(text).type, "str") << text;
  }
}

}  // namespace
}  // namespace hydra_adapt
