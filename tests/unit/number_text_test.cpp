#include "values/number_text.h"

#include <gtest/gtest.h>

namespace hydra_adapt {
namespace {

TEST(ParseWholeNumber, TakesPlainDigitsOnly) {
  EXPECT_EQ(parse_whole_number("0"), 0u);
  EXPECT_EQ(parse_whole_number("143"), 143u);
  EXPECT_EQ(parse_whole_number("007"), 7u);
  EXPECT_EQ(parse_whole_number("4294967295"), 4294967295u);
  for (const char* bad : {"", "-1", "+1", " 1", "1 ", "1.0", "1e2", "0x10", "4294967296", "abc"}) {
    EXPECT_EQ(parse_whole_number(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace hydra_adapt
