#include "values/number_text.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <string_view>

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

// format_float writes what std::to_chars writes (then ".0" for a whole number): the oracle.
std::string to_chars_text(double value) {
  char buffer[64];
  std::string text(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
  if (text.find_first_of(".e") == std::string::npos && std::isfinite(value)) text += ".0";
  return text;
}

double from_bits(std::uint64_t bits) {
  double value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// parse_float reads what std::from_chars reads, and refuses what it finds out of range.
std::optional<double> from_chars_value(std::string_view text) {
  const bool negative = text.front() == '-';
  if (negative || text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size()) return std::nullopt;
  return negative ? -value : value;
}

TEST(ParseFloat, ReadsWhatFromCharsReadsAndRefusesWhatIsOutOfRange) {
  EXPECT_EQ(parse_float("1e-05"), 1e-05);
  EXPECT_EQ(parse_float("-.5"), -0.5);
  EXPECT_EQ(parse_float("5."), 5.0);
  EXPECT_EQ(parse_float("1e-320"), 1e-320);  // a subnormal is in range
  EXPECT_EQ(parse_float("1e999"), std::nullopt);
  EXPECT_EQ(parse_float("-1e-999"), std::nullopt);
  EXPECT_EQ(parse_float("0e999"), 0.0);
  EXPECT_EQ(parse_float("0x10"), std::nullopt);
  EXPECT_EQ(parse_float(" 1"), std::nullopt);
  for (const char* edge :
       {"2.4703282292062327e-324", "2.4703282292062328e-324", "4.9406564584124654e-324", "1.7976931348623157e308",
        "1.7976931348623158e308", "1.7976931348623159e308", "2.2250738585072011e-308", "0.0", "-0"}) {
    EXPECT_EQ(parse_float(edge), from_chars_value(edge)) << edge;
  }
  std::mt19937_64 random(17);
  std::uniform_int_distribution<int> digit(0, 9);
  std::uniform_int_distribution<int> length(1, 25);
  std::uniform_int_distribution<int> exponent(-360, 330);
  for (int i = 0; i < 30000; ++i) {
    std::string text = random() % 2 ? "-" : "";
    const int digits = length(random);
    const int point = static_cast<int>(random() % (digits + 1));
    for (int d = 0; d < digits; ++d) {
      if (d == point) text += '.';
      text += static_cast<char>('0' + digit(random));
    }
    if (random() % 4) text += "e" + std::to_string(exponent(random));
    ASSERT_EQ(parse_float(text), from_chars_value(text)) << text;
  }
}

TEST(FormatFloat, WritesTheShortestTextThatReadsBack) {
  EXPECT_EQ(format_float(1), "1.0");
  EXPECT_EQ(format_float(-0.0), "-0.0");
  EXPECT_EQ(format_float(0.1), "0.1");
  EXPECT_EQ(format_float(1e-05), "1e-05");
  EXPECT_EQ(format_float(0.0001), "1e-04");  // shorter than 0.0001
  EXPECT_EQ(format_float(0.001), "0.001");
  EXPECT_EQ(format_float(1e16), "1e+16");
  EXPECT_EQ(format_float(123456789012345680.0), "123456789012345680.0");
  EXPECT_EQ(format_float(1152921504606846976.0), "1152921504606846976.0");  // 2^60: every digit
  EXPECT_EQ(format_float(5e-324), "5e-324");
  EXPECT_EQ(format_float(-HUGE_VAL), "-inf");
  EXPECT_EQ(format_float(std::nan("")), "nan");
}

TEST(FormatFloat, WritesWhatToCharsWritesForEveryKindOfDouble) {
  std::mt19937_64 random(17);
  std::uniform_int_distribution<int> short_digits(1, 999999);
  std::uniform_int_distribution<int> exponents(-330, 310);
  for (int i = 0; i < 30000; ++i) {
    const double any = from_bits(random());
    if (std::isfinite(any)) {
      ASSERT_EQ(format_float(any), to_chars_text(any)) << any;
    }
    const double decimal = short_digits(random) * std::pow(10.0, exponents(random));  // few digits
    if (std::isfinite(decimal)) {
      ASSERT_EQ(format_float(decimal), to_chars_text(decimal)) << decimal;
    }
  }
  for (int i = 1; i <= 20000; ++i) {  // as configs hold them: few digits, and sums that need 17
    for (const double value : {i / 1000.0, i * 0.001, i * 0.1 + 0.2, i * 1e-7, i * 3e15}) {
      ASSERT_EQ(format_float(value), to_chars_text(value)) << value;
    }
  }
  for (int power = -1074; power <= 1023; ++power) {  // where the spacing of doubles changes
    for (const double value : {std::ldexp(1.0, power), std::nextafter(std::ldexp(1.0, power), 0.0)}) {
      ASSERT_EQ(format_float(value), to_chars_text(value)) << value;
    }
  }
  for (const double value : {std::numeric_limits<double>::max(), std::numeric_limits<double>::min(),
                             std::numeric_limits<double>::denorm_min(), 9007199254740993.0, 1e21, 1e22, 1e23}) {
    EXPECT_EQ(format_float(value), to_chars_text(value)) << value;
  }
}

}  // namespace
}  // namespace hydra_adapt
