#include "values/json_value.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "adapt_error.h"
#include "text/ascii.h"
#include "values/hydra_string.h"
#include "values/number_text.h"
#include "values/value_error.h"

namespace hydra_adapt {
namespace {

using Json = nlohmann::ordered_json;

// nlohmann stores an integer beyond 64 bits as a double, losing digits that json.loads and
// Hydra's grammar both keep. This handler builds the usual document but keeps such an
// integer's digits in a binary node, which JSON text cannot otherwise produce.
class ExactIntegerHandler {
 public:
  explicit ExactIntegerHandler(Json& document) : dom_(document) {}

  bool number_float(Json::number_float_t value, const std::string& text) {
    if (text.find_first_of(".eE") != std::string::npos) return dom_.number_float(value, text);
    Json::binary_t digits(std::vector<std::uint8_t>(text.begin(), text.end()));
    return dom_.binary(digits);
  }
  bool null() { return dom_.null(); }
  bool boolean(bool value) { return dom_.boolean(value); }
  bool number_integer(Json::number_integer_t value) { return dom_.number_integer(value); }
  bool number_unsigned(Json::number_unsigned_t value) { return dom_.number_unsigned(value); }
  bool string(std::string& value) { return dom_.string(value); }
  bool binary(Json::binary_t& value) { return dom_.binary(value); }
  bool start_object(std::size_t size) { return dom_.start_object(size); }
  bool key(std::string& value) { return dom_.key(value); }
  bool end_object() { return dom_.end_object(); }
  bool start_array(std::size_t size) { return dom_.start_array(size); }
  bool end_array() { return dom_.end_array(); }
  bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& error) {
    return dom_.parse_error(position, token, error);
  }

 private:
  nlohmann::detail::json_sax_dom_parser<Json> dom_;
};

// Hydra's parser recurses per level; a bound keeps a hostile value from exhausting its stack.
constexpr int kMaxDepth = 100;

// Characters a dict key may hold as they are, and those Hydra takes after a backslash.
bool is_plain_key_char(char c) {
  return is_ascii_letter(c) || is_digit(c) || std::string_view("_-/+.$%*@?|").find(c) != std::string_view::npos;
}
bool is_escapable_key_char(char c) { return std::string_view("\\()[]{}:=, \t").find(c) != std::string_view::npos; }

// Length of DIGIT ('_'? DIGIT)* at `at` in Hydra's lexer; 0 when none starts there.
std::size_t digit_run(std::string_view text, std::size_t at) {
  std::size_t i = at;
  if (i >= text.size() || !is_digit(text[i])) return 0;
  ++i;
  while (i < text.size()) {
    if (is_digit(text[i])) {
      ++i;
    } else if (text[i] == '_' && i + 1 < text.size() && is_digit(text[i + 1])) {
      i += 2;
    } else {
      break;
    }
  }
  return i - at;
}

// INT_UNSIGNED: '0' | [1-9] ('_'? DIGIT)*
std::size_t unsigned_int_run(std::string_view text) {
  if (text.empty()) return 0;
  return text.front() == '0' ? 1 : digit_run(text, 0);
}

// A key that is one whole INT, FLOAT, BOOL or NULL token keeps that type in Hydra
// (OverrideLexer.g4, dictKey); every other key arrives as a str.
bool reads_as_non_string(std::string_view key) {
  if (equals_ignoring_case(key, "true") || equals_ignoring_case(key, "false") || equals_ignoring_case(key, "null")) {
    return true;
  }
  if (!key.empty() && (key.front() == '+' || key.front() == '-')) key.remove_prefix(1);
  if (equals_ignoring_case(key, "inf") || equals_ignoring_case(key, "nan")) return true;
  const std::size_t integer_digits = unsigned_int_run(key);
  std::size_t i = integer_digits;
  std::size_t fraction_digits = 0;
  if (i < key.size() && key[i] == '.') {
    fraction_digits = digit_run(key, i + 1);
    i += 1 + fraction_digits;
  }
  if (integer_digits == 0 && fraction_digits == 0) return false;
  if (i < key.size() && (key[i] == 'e' || key[i] == 'E')) {
    ++i;
    if (i < key.size() && (key[i] == '+' || key[i] == '-')) ++i;
    const std::size_t exponent_digits = digit_run(key, i);
    if (exponent_digits == 0) return false;
    i += exponent_digits;
  }
  return i == key.size();
}

std::string render_key(const std::string& key) {
  if (key.empty()) throw ValueError("has an empty object key, which Hydra cannot carry");
  if (reads_as_non_string(key)) {
    throw ValueError("has the object key " + quote_for_message(key) +
                     ", which Hydra would read as a number, bool or null rather than a str");
  }
  std::string rendered;
  for (const char c : key) {
    if (is_plain_key_char(c)) {
      rendered += c;
    } else if (is_escapable_key_char(c)) {
      rendered += '\\';
      rendered += c;
    } else {
      throw ValueError("has the object key " + quote_for_message(key) +
                       ", whose characters Hydra cannot carry in a key (only ASCII letters, digits, "
                       "blanks and _-/+.$%*@?|\\()[]{}:=, are possible)");
    }
  }
  return rendered;
}

std::string render_node(const Json& node, int depth) {
  if (depth > kMaxDepth) throw ValueError("nests deeper than " + std::to_string(kMaxDepth) + " levels");
  switch (node.type()) {
    case Json::value_t::object: {
      std::string rendered = "{";
      for (const auto& [key, value] : node.items()) {
        if (rendered.size() > 1) rendered += ", ";
        rendered += render_key(key) + ": " + render_node(value, depth + 1);
      }
      return rendered + "}";
    }
    case Json::value_t::array: {
      std::string rendered = "[";
      for (const auto& element : node) {
        if (rendered.size() > 1) rendered += ", ";
        rendered += render_node(element, depth + 1);
      }
      return rendered + "]";
    }
    case Json::value_t::string: {
      const auto& text = node.get_ref<const std::string&>();
      if (text.find('\0') != std::string::npos) {
        throw ValueError("holds a string with a NUL character, which no command line can carry");
      }
      return quote_string_value(text);
    }
    case Json::value_t::boolean:
      return node.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer:
      return std::to_string(node.get<std::int64_t>());
    case Json::value_t::number_unsigned:
      return std::to_string(node.get<std::uint64_t>());
    case Json::value_t::number_float:
      return format_float(node.get<double>());
    case Json::value_t::null:
      return "null";
    case Json::value_t::binary: {  // an integer beyond 64 bits, as its digits
      const auto& digits = node.get_binary();
      return std::string(digits.begin(), digits.end());
    }
    default:
      throw ValueError("holds a JSON value of an unsupported kind");
  }
}

}  // namespace

std::string render_json(std::string_view json_text) {
  Json document;
  ExactIntegerHandler handler(document);
  try {
    Json::sax_parse(json_text, &handler);
  } catch (const nlohmann::json::exception& error) {  // parse_error, or out_of_range for 1e400
    const std::string detail = error.what();
    // nlohmann's text starts "[json.exception.parse_error.101] parse error at line 1, ...".
    throw ValueError("is not valid JSON (" + detail.substr(detail.find(']') + 2) + ")");
  }
  return render_node(document, 0);
}

}  // namespace hydra_adapt
