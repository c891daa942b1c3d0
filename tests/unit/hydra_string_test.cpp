#include "values/hydra_string.h"

#include <gtest/gtest.h>

namespace hydra_adapt {
namespace {

TEST(QuoteStringValue, WrapsPlainTextInSingleQuotes) {
  EXPECT_EQ(quote_string_value("gs://b/a.csv"), "'gs://b/a.csv'");
  EXPECT_EQ(quote_string_value(""), "''");
  EXPECT_EQ(quote_string_value(" a "), "' a '");
}

TEST(QuoteStringValue, EscapesQuotesAndTheBackslashesBeforeThem) {
  EXPECT_EQ(quote_string_value("it's"), R"('it\'s')");
  EXPECT_EQ(quote_string_value(R"(a\'b)"), R"('a\\\'b')");
  EXPECT_EQ(quote_string_value(R"(say "hi")"), R"('say "hi"')");
}

TEST(QuoteStringValue, DoublesTrailingBackslashesOnly) {
  EXPECT_EQ(quote_string_value(R"(a\b)"), R"('a\b')");
  EXPECT_EQ(quote_string_value(R"(a\)"), R"('a\\')");
  EXPECT_EQ(quote_string_value(R"(a\\)"), R"('a\\\\')");
}

TEST(QuoteStringValue, KeepsInterpolationsLiteral) {
  EXPECT_EQ(quote_string_value("${x}"), R"('\${x}')");
  EXPECT_EQ(quote_string_value(R"(\${x})"), R"('\\\${x}')");
  EXPECT_EQ(quote_string_value("$x {y}"), "'$x {y}'");
}

TEST(QuoteStringValue, DeliversTheMissingMarkerAsText) {
  EXPECT_EQ(quote_string_value(R"(???)"), R"('${oc.decode:???}')");
  EXPECT_EQ(quote_string_value(R"(????)"), R"('????')");
}

}  // namespace
}  // namespace hydra_adapt
