#include "values/typed_value.h"

#include "text/ascii.h"
#include "values/hydra_string.h"
#include "values/json_value.h"
#include "values/number_text.h"
#include "values/value_error.h"

namespace hydra_adapt {
namespace {

std::string render_int(std::string_view text) {
  // Hyperparameter tuning sends discrete integers as floats ("256.0").
  if (auto integer = canonical_integer(text)) return *integer;
  if (auto integer = integral_decimal(text)) return *integer;
  throw ValueError("is not an int (a whole number such as 10, or 256.0)");
}

std::string render_float(std::string_view text) {
  if (const auto value = parse_float(text)) return format_float(*value);
  throw ValueError("is not a float (a number such as 0.01, 1e-05 or 3)");
}

std::string render_bool(std::string_view text) {
  const std::string lower = lowercase(text);
  if (lower == "true" || lower == "1") return "true";
  if (lower == "false" || lower == "0") return "false";
  throw ValueError("is not a bool (true, false, 1 or 0)");
}

// Integers whose unquoted text Hydra reads as the same int ("+1" loses its sign, "007" is
// a str to Hydra, so both stay strings).
bool is_plain_integer(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  const auto canonical = canonical_integer(text);
  return canonical && *canonical == text;
}

// Floats whose unquoted text Hydra reads as the same float: no sign but '-', no leading
// zeros, a '.' or an exponent. "nan" and "inf" stay strings: they are words more often.
bool is_plain_float(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  const std::size_t point_or_exponent = text.find_first_of(".eE");
  if (text.empty() || text.front() == '+' || point_or_exponent == std::string_view::npos) return false;
  const std::string_view integer_part = text.substr(0, point_or_exponent);
  if (integer_part.size() > 1 && integer_part.front() == '0') return false;
  return parse_float(text).has_value();
}

}  // namespace

std::string render_typed_value(ValueType type, std::string_view text) {
  switch (type) {
    case ValueType::kStr:
    case ValueType::kPath:
    case ValueType::kOutputPath:
      return quote_string_value(text);
    case ValueType::kInt:
      return render_int(text);
    case ValueType::kFloat:
      return render_float(text);
    case ValueType::kBool:
      return render_bool(text);
    case ValueType::kJson:
      return render_json(text);
    case ValueType::kAuto:
      return render_auto_value(text).text;
  }
  throw ValueError("has an unknown type");
}

AutoValue render_auto_value(std::string_view text) {
  if (is_plain_integer(text)) return {"int", std::string(text)};
  if (is_plain_float(text)) return {"float", std::string(text)};
  const std::string lower = lowercase(text);
  if (lower == "true" || lower == "false") return {"bool", lower};
  return {"str", quote_string_value(text)};
}

}  // namespace hydra_adapt
