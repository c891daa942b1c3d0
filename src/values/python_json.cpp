#include "values/python_json.h"

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "text/ascii.h"

namespace hydra_adapt {
namespace {

// A bare word Python's json reads as a float, as the number it stands for.
struct SpecialFloat {
  double value;
  const char* text;
};

// nlohmann reads strict JSON only, so each NaN, Infinity and -Infinity outside strings becomes
// null. Every bare null of the result, in document order, is listed with what it stood for
// (nullopt: a null of the original), so the parse can tell them apart again.
struct StrictText {
  std::string text;
  std::vector<std::optional<SpecialFloat>> nulls;
  bool has_specials = false;
};

StrictText strict_text(std::string_view text) {
  StrictText strict;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {  // a string, copied whole: its escapes may hide a quote
      const std::size_t start = i++;
      while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
      i = std::min(i + 1, text.size());
      strict.text.append(text.substr(start, i - start));
      continue;
    }
    if (!is_ascii_letter(text[i])) {
      strict.text += text[i++];
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && is_ascii_letter(text[i])) ++i;
    const std::string_view word = text.substr(start, i - start);
    std::optional<SpecialFloat> special;
    if (word == "NaN") {
      special = SpecialFloat{std::nan(""), "NaN"};
    } else if (word == "Infinity" && !strict.text.empty() && strict.text.back() == '-') {
      strict.text.pop_back();
      special = SpecialFloat{-HUGE_VAL, "-Infinity"};
    } else if (word == "Infinity") {
      special = SpecialFloat{HUGE_VAL, "Infinity"};
    } else if (word != "null") {
      strict.text.append(word);  // true, false, or a mistake the parse reports
      continue;
    }
    strict.text += "null";
    strict.nulls.push_back(special);
    strict.has_specials = strict.has_specials || special.has_value();
  }
  return strict;
}

// Passes every event on, turning the nulls that stood for NaN or Infinity back into them.
class SpecialFloatHandler : public JsonSax {
 public:
  SpecialFloatHandler(JsonSax& target, const std::vector<std::optional<SpecialFloat>>& nulls)
      : target_(target), nulls_(nulls) {}

  bool null() override {
    const std::optional<SpecialFloat> special = next_ < nulls_.size() ? nulls_[next_] : std::nullopt;
    ++next_;
    if (!special) return target_.null();
    return target_.number_float(special->value, special->text);
  }
  bool boolean(bool value) override { return target_.boolean(value); }
  bool number_integer(number_integer_t value) override { return target_.number_integer(value); }
  bool number_unsigned(number_unsigned_t value) override { return target_.number_unsigned(value); }
  bool number_float(number_float_t value, const string_t& text) override { return target_.number_float(value, text); }
  bool string(string_t& value) override { return target_.string(value); }
  bool binary(binary_t& value) override { return target_.binary(value); }
  bool start_object(std::size_t size) override { return target_.start_object(size); }
  bool key(string_t& value) override { return target_.key(value); }
  bool end_object() override { return target_.end_object(); }
  bool start_array(std::size_t size) override { return target_.start_array(size); }
  bool end_array() override { return target_.end_array(); }
  bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& error) override {
    return target_.parse_error(position, token, error);
  }

 private:
  JsonSax& target_;
  const std::vector<std::optional<SpecialFloat>>& nulls_;
  std::size_t next_ = 0;
};

}  // namespace

void sax_parse_special_floats(std::string_view text, JsonSax& handler) {
  const StrictText strict = strict_text(text);
  // Strict JSON parses as it is, so its error messages quote the text as it came.
  if (!strict.has_specials) {
    OrderedJson::sax_parse(text, &handler);
    return;
  }
  SpecialFloatHandler special_floats(handler, strict.nulls);
  OrderedJson::sax_parse(strict.text, &special_floats);
}

}  // namespace hydra_adapt
