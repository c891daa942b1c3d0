#include "values/number_text.h"

#include <charconv>
#include <cmath>

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
  if (equals_ignoring_case(magnitude, "inf")) return negative ? -HUGE_VAL : HUGE_VAL;
  if (equals_ignoring_case(magnitude, "nan")) return std::nan("");
  if (!is_decimal_float_syntax(magnitude)) return std::nullopt;
  double value = 0;
  const auto result = std::from_chars(magnitude.data(), magnitude.data() + magnitude.size(), value);
  // Out of range ("1e999", "1e-999") is refused rather than rounded to inf or zero.
  if (result.ec != std::errc() || result.ptr != magnitude.data() + magnitude.size()) return std::nullopt;
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
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, result.ptr);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

}  // namespace hydra_adapt
