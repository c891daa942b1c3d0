#include "values/number_text.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "text/ascii.h"

namespace hydra_adapt {
namespace {

std::string_view without_sign(std::string_view text) {
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
  return text;
}

// digits ['.' digits] [e [+-] digits], with at least one digit before the exponent.
bool is_decimal_float_syntax(std::string_view text) {
  std::size_t i = 0;
  std::size_t mantissa_digits = 0;
  while (i < text.size() && is_digit(text[i])) ++i, ++mantissa_digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i])) ++i, ++mantissa_digits;
  }
  if (mantissa_digits == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < text.size() && is_digit(text[i])) ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == text.size();
}

// A positive decimal number: `digits` (`count` of them, the first not 0) times ten to the
// power `exponent` - count + 1, so that `exponent` is the power of the first digit.
struct Decimal {
  std::uint64_t digits;
  int count;
  int exponent;
};

// `value` rounded to `count` significant digits (glibc's printf rounds exactly, to nearest).
Decimal rounded(double value, int count) {
  char text[40];
  std::snprintf(text, sizeof text, "%.*e", count - 1, value);  // "d.ddde-XX"
  Decimal decimal{0, count, 0};
  const char* at = text;
  for (; *at != 'e'; ++at) {
    if (*at != '.') decimal.digits = decimal.digits * 10 + static_cast<std::uint64_t>(*at - '0');
  }
  decimal.exponent = std::atoi(at + 1);
  return decimal;
}

double read_back(const Decimal& decimal) {
  char text[40];
  std::snprintf(text, sizeof text, "%llue%d", static_cast<unsigned long long>(decimal.digits),
                decimal.exponent - decimal.count + 1);
  return std::strtod(text, nullptr);
}

// The next number of as many digits up (+1) or down (-1).
Decimal step(Decimal decimal, int direction) {
  std::uint64_t lowest = 1;
  for (int i = 1; i < decimal.count; ++i) lowest *= 10;
  decimal.digits += direction;
  if (decimal.digits == lowest * 10) {
    decimal.digits = lowest;
    ++decimal.exponent;
  } else if (decimal.digits < lowest) {
    decimal.digits = lowest * 10 - 1;
    --decimal.exponent;
  }
  return decimal;
}

// x * 10^power in one correctly rounded operation on two doubles, 10^power exact (|power| <= 22).
// For a whole x below 2^53 that is what strtod reads from the decimal (Clinger's fast path).
double times_power_of_ten(double x, int power) {
  constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  return power >= 0 ? x * kPowersOfTen[power] : x / kPowersOfTen[-power];
}

// The fewest digits that read back as `value` by a double's own arithmetic, without printf,
// trying up to `kCountsByArithmetic` digits. `first_power` is the power of value's first
// digit, or one off; it keeps every power of ten used within 10^+-22, where they are exact.
// Up to 15 digits no two numbers of as many digits read back as the same double (they are
// further apart than its rounding interval is wide), so the one that does is also the nearest.
constexpr int kCountsByArithmetic = 14;
std::optional<Decimal> shortest_by_arithmetic(double value, int first_power) {
  for (int count = 1; count <= kCountsByArithmetic; ++count) {
    const int power = count - 1 - first_power;  // value * 10^power has about `count` whole digits
    // Rounded once, below 10^15: the nearest whole number is off by at most one.
    const auto nearest = static_cast<std::uint64_t>(std::nearbyint(times_power_of_ten(value, power)));
    for (std::uint64_t digits = nearest == 0 ? 1 : nearest - 1; digits <= nearest + 1; ++digits) {
      if (times_power_of_ten(static_cast<double>(digits), -power) != value) continue;
      int last_power = -power;  // of the last digit
      for (; digits % 10 == 0; digits /= 10) ++last_power;
      int count_found = 0;
      for (std::uint64_t rest = digits; rest != 0; rest /= 10) ++count_found;
      return Decimal{digits, count_found, last_power + count_found - 1};
    }
  }
  return std::nullopt;
}

// The fewest significant digits that read back as `value` (positive, finite), and of those
// the number nearest it: what std::to_chars's shortest form writes.
Decimal shortest(double value) {
  const int first_power = static_cast<int>(std::floor(std::log10(value)));  // may be one off
  int count = 1;
  if (first_power >= -9 && first_power <= 22) {  // most values: within 10^+-22 at every count
    if (const std::optional<Decimal> decimal = shortest_by_arithmetic(value, first_power)) return *decimal;
    count = kCountsByArithmetic;  // none shorter, even were first_power one too high
  }
  for (;; ++count) {  // 17 digits always read back
    const Decimal nearest = rounded(value, count);
    const double nearest_value = read_back(nearest);
    if (nearest_value == value) return nearest;
    // Where the spacing of doubles changes (at a power of two) the nearest can miss while the
    // number on value's other side, farther but in the wider half, reads back.
    const Decimal other = step(nearest, nearest_value < value ? 1 : -1);
    if (read_back(other) == value) return other;
  }
}

// As std::to_chars(first, last, value) writes a positive finite double: the shortest digits,
// in fixed notation unless scientific is shorter ("1e-05", "1e+16", "0.001", "123.5").
std::string shortest_text(double value) {
  const Decimal decimal = shortest(value);
  const int count = decimal.count;
  const int exponent = decimal.exponent;
  std::string digits(static_cast<std::size_t>(count), '0');
  std::size_t at = digits.size();
  for (std::uint64_t rest = decimal.digits; rest != 0; rest /= 10) digits[--at] = static_cast<char>('0' + rest % 10);
  const int scientific_size = count + (count > 1 ? 1 : 0) + 2 + (std::abs(exponent) >= 100 ? 3 : 2);
  const int fixed_size = exponent >= count - 1 ? exponent + 1 : exponent >= 0 ? count + 1 : count + 1 - exponent;
  if (fixed_size <= scientific_size) {
    if (exponent >= count - 1) {
      // A whole number, every digit of it written: the exact ones are nearest. Below 2^53 the
      // digits read back exactly, so they are the exact ones.
      if (value < 9007199254740992.0) return digits + std::string(static_cast<std::size_t>(exponent - count + 1), '0');
      char text[32];  // fixed_size <= scientific_size: below 10^23
      std::snprintf(text, sizeof text, "%.0f", value);
      return text;
    }
    if (exponent >= 0) return digits.insert(static_cast<std::size_t>(exponent) + 1, ".");
    return "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  }
  std::string text = digits.substr(0, 1);
  if (count > 1) text += "." + digits.substr(1);
  text += exponent < 0 ? "e-" : "e+";
  if (std::abs(exponent) < 10) text += '0';
  return text + std::to_string(std::abs(exponent));
}

}  // namespace

std::optional<std::string> canonical_integer(std::string_view text) {
  const std::string_view digits = without_sign(text);
  if (digits.empty()) return std::nullopt;
  for (const char c : digits) {
    if (!is_digit(c)) return std::nullopt;
  }
  const std::size_t first_nonzero = digits.find_first_not_of('0');
  if (first_nonzero == std::string_view::npos) return "0";
  std::string canonical = text.front() == '-' ? "-" : "";
  canonical += digits.substr(first_nonzero);
  return canonical;
}

std::optional<std::string> integral_decimal(std::string_view text) {
  const std::string_view magnitude = without_sign(text);
  if (!is_decimal_float_syntax(magnitude)) return std::nullopt;
  const std::size_t exponent_at = magnitude.find_first_of("eE");
  const std::string_view mantissa = magnitude.substr(0, exponent_at);
  long exponent = 0;
  if (exponent_at != std::string_view::npos) {
    const std::string_view exponent_text = magnitude.substr(exponent_at + 1);
    const bool negative_exponent = exponent_text.front() == '-';
    const std::string_view exponent_digits = without_sign(exponent_text);
    // Beyond this many digits the value is out of any config's range; refuse, don't allocate.
    constexpr long kLargestExponent = 400;
    const auto result =
        std::from_chars(exponent_digits.data(), exponent_digits.data() + exponent_digits.size(), exponent);
    if (result.ec != std::errc() || exponent > kLargestExponent) return std::nullopt;
    if (negative_exponent) exponent = -exponent;
  }
  const std::size_t point = mantissa.find('.');
  std::string digits(mantissa.substr(0, point));
  long point_position = static_cast<long>(digits.size()) + exponent;
  if (point != std::string_view::npos) digits += mantissa.substr(point + 1);
  if (point_position < 0) point_position = 0;
  if (point_position > static_cast<long>(digits.size())) digits.append(point_position - digits.size(), '0');
  const std::string fraction = digits.substr(point_position);
  if (fraction.find_first_not_of('0') != std::string::npos) return std::nullopt;
  const std::string integer = digits.substr(0, point_position);
  const bool negative = !text.empty() && text.front() == '-';
  return canonical_integer((negative ? "-" : "") + (integer.empty() ? "0" : integer));
}

std::optional<double> parse_float(std::string_view text) {
  const std::string_view magnitude = without_sign(text);
  const bool negative = !text.empty() && text.front() == '-';
  if (equals_ignoring_case(magnitude, "inf") || equals_ignoring_case(magnitude, "infinity"))
    return negative ? -HUGE_VAL : HUGE_VAL;
  if (equals_ignoring_case(magnitude, "nan")) return std::nan("");
  if (!is_decimal_float_syntax(magnitude)) return std::nullopt;
  // strtod, not std::from_chars, whose float parser costs the static binary 24 KB. The tool
  // never sets a locale, so the point is '.'.
  const double value = std::strtod(std::string(magnitude).c_str(), nullptr);
  // Out of range ("1e999", "1e-999") is refused rather than rounded to inf or zero.
  const std::string_view mantissa = magnitude.substr(0, magnitude.find_first_of("eE"));
  if (std::isinf(value) || (value == 0 && mantissa.find_first_of("123456789") != std::string_view::npos)) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

std::optional<unsigned> parse_whole_number(std::string_view text) {
  unsigned value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || result.ec != std::errc() || result.ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string format_float(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  // Not std::to_chars, whose tables cost the static binary 128 KB.
  std::string text = value == 0 ? "0" : shortest_text(std::fabs(value));
  if (std::signbit(value)) text.insert(0, "-");
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

}  // namespace hydra_adapt
