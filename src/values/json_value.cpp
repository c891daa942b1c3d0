#include "values/json_value.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

#include "adapt_error.h"
#include "text/ascii.h"
#include "values/hydra_string.h"
#include "values/number_text.h"
#include "values/value_error.h"

namespace hydra_adapt {
namespace {

using namespace std::string_view_literals;
// ordered_json for its own instantiation of nlohmann's parser: this file is compiled at -O2
// (CMakeLists.txt), and the linker would otherwise keep the -Os copy of the parser of
// nlohmann::json that other files make.
using Json = nlohmann::ordered_json;

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
  if (equals_ignoring_case(key, "true"sv) || equals_ignoring_case(key, "false"sv) ||
      equals_ignoring_case(key, "null"sv)) {
    return true;
  }
  if (!key.empty() && (key.front() == '+' || key.front() == '-')) key.remove_prefix(1);
  if (equals_ignoring_case(key, "inf"sv) || equals_ignoring_case(key, "nan"sv)) return true;
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

// Appends the key as Hydra's dict key grammar reads it back as this exact str.
void append_key(std::string& out, const std::string& key) {
  if (key.empty()) throw ValueError("has an empty object key, which Hydra cannot carry");
  if (reads_as_non_string(key)) {
    throw ValueError("has the object key " + quote_for_message(key) +
                     ", which Hydra would read as a number, bool or null rather than a str");
  }
  for (auto c = key.begin(); c != key.end();) {
    const auto plain_end = std::find_if_not(c, key.end(), is_plain_key_char);
    out.append(&*c, plain_end - c);
    if (plain_end == key.end()) break;
    if (!is_escapable_key_char(*plain_end)) {
      throw ValueError("has the object key " + quote_for_message(key) +
                       ", whose characters Hydra cannot carry in a key (only ASCII letters, digits, "
                       "blanks and _-/+.$%*@?|\\()[]{}:=, are possible)");
    }
    out += '\\';
    out += *plain_end;
    c = plain_end + 1;
  }
}

// Writes Hydra's grammar as nlohmann's parser reports the JSON (its SAX interface), into one
// text: no document is built. The first value Hydra cannot carry is remembered and parsing goes
// on, so that text which is not JSON at all is reported as such wherever the two stand.
// A key given twice in one object is written twice: Hydra's dict keeps the last value at the
// first one's place, as json.loads does.
class HydraRenderer {
 public:
  // The rendering is about as long as the JSON text.
  explicit HydraRenderer(std::size_t json_size) { rendered_.reserve(json_size + json_size / 4); }

  bool null() { return value("null"sv); }
  bool boolean(bool truth) { return value(truth ? "true"sv : "false"sv); }
  bool number_integer(Json::number_integer_t number) { return value(std::to_string(number)); }
  bool number_unsigned(Json::number_unsigned_t number) { return value(std::to_string(number)); }
  bool number_float(Json::number_float_t number, const std::string& text) {
    // nlohmann reads an integer beyond 64 bits as a double, losing digits that json.loads and
    // Hydra's grammar both keep: such an integer goes on as its digits.
    if (text.find_first_of(".eE") == std::string::npos) return value(text);
    return value(format_float(number));
  }
  bool string(std::string& text) {
    if (!start_value()) return true;
    if (text.find('\0') != std::string::npos) {
      return refuse("holds a string with a NUL character, which no command line can carry");
    }
    append_quoted_string_value(rendered_, text);
    return true;
  }
  bool binary(Json::binary_t&) { return refuse("holds a JSON value of an unsupported kind"); }
  bool start_object(std::size_t) { return open('{'); }
  bool key(std::string& key) {
    if (refused_) return true;
    separate();
    try {
      append_key(rendered_, key);
    } catch (const ValueError& error) {
      return refuse(error.what());
    }
    rendered_ += ": "sv;
    return true;
  }
  bool end_object() { return close('}'); }
  bool start_array(std::size_t) { return open('['); }
  bool end_array() { return close(']'); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) {
    // nlohmann's text starts "[json.exception.parse_error.101] parse error at line 1, ...".
    const std::string detail = error.what();
    not_json_ = "is not valid JSON (" + detail.substr(detail.find(']') + 2) + ")";
    return false;
  }

  std::string result() && {
    if (!not_json_.empty()) throw ValueError(not_json_);
    if (refused_) throw ValueError(refusal_);
    return std::move(rendered_);
  }

 private:
  // Before any value: its separator, and the depth check. False once a value was refused.
  bool start_value() {
    if (refused_) return false;
    if (open_.size() > static_cast<std::size_t>(kMaxDepth)) {
      refuse("nests deeper than " + std::to_string(kMaxDepth) + " levels");
      return false;
    }
    if (!open_.empty() && open_.back().is_array) separate();  // in an object, key() did
    return true;
  }
  void separate() {
    if (!open_.back().empty) rendered_ += ", "sv;
    open_.back().empty = false;
  }
  bool value(std::string_view text) {
    if (start_value()) rendered_ += text;
    return true;
  }
  bool open(char bracket) {
    const bool rendering = start_value();
    open_.push_back({bracket == '[', true});
    if (rendering) rendered_ += bracket;
    return true;
  }
  bool close(char bracket) {
    open_.pop_back();
    if (!refused_) rendered_ += bracket;
    return true;
  }
  bool refuse(std::string reason) {
    if (!refused_) refusal_ = std::move(reason);
    refused_ = true;
    return true;  // parsing goes on: text that is not JSON is reported first
  }

  struct OpenContainer {
    bool is_array;  // else an object
    bool empty;     // nothing written in it yet
  };
  std::string rendered_;
  std::vector<OpenContainer> open_;
  bool refused_ = false;
  std::string refusal_;
  std::string not_json_;
};

}  // namespace

std::string render_json(std::string_view json_text) {
  HydraRenderer renderer(json_text.size());
  Json::sax_parse(json_text, &renderer);
  return std::move(renderer).result();
}

}  // namespace hydra_adapt
