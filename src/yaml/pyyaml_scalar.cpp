#include "yaml/pyyaml_scalar.h"

#include "text/ascii.h"

namespace hydra_adapt {
namespace {

// The implicit resolvers of PyYAML's SafeLoader (yaml/resolver.py), and the float pattern
// OmegaConf's loader adds (omegaconf/_utils.py get_yaml_loader). Read by steps rather than
// the standard library's regular expressions, which cost the static binary ~54 KB.

constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kDigitsOrUnderscore = "0123456789_";

// Reads a text from the front. Each take consumes what it names and tells whether there was
// any. The grammars below need no backtracking: what ends each run (a '.', ':', 'e', the end)
// is never part of the run.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : rest_(text) {}
  bool at_end() const { return rest_.empty(); }
  bool next_is(char c) const { return !rest_.empty() && rest_.front() == c; }

  bool take_one_of(std::string_view chars) {
    if (rest_.empty() || chars.find(rest_.front()) == std::string_view::npos) return false;
    rest_.remove_prefix(1);
    return true;
  }
  bool take(std::string_view word) {
    if (!starts_with(rest_, word)) return false;
    rest_.remove_prefix(word.size());
    return true;
  }
  std::string_view take_run_of(std::string_view chars) {
    const std::string_view run = rest_.substr(0, rest_.find_first_not_of(chars));
    rest_.remove_prefix(run.size());
    return run;
  }

 private:
  std::string_view rest_;
};

// The groups of a sexagesimal number, each ':' then [0-5]?[0-9]; none is fine.
bool take_base60_groups(Cursor& cursor) {
  while (cursor.take(":")) {
    // Two digits when they fit: what may follow a group (':', '.', the end) is no digit.
    if (cursor.take_one_of("012345")) {
      cursor.take_one_of(kDigits);
    } else if (!cursor.take_one_of(kDigits)) {
      return false;
    }
  }
  return true;
}

// The end of a float: nothing, or all that is left is an exponent [eE][-+]?[0-9]+, its sign
// required unless `sign_optional`.
bool ends_float(Cursor& cursor, bool sign_optional) {
  if (cursor.at_end()) return true;
  if (!cursor.take_one_of("eE")) return false;
  if (!cursor.take_one_of("-+") && !sign_optional) return false;
  return !cursor.take_run_of(kDigits).empty() && cursor.at_end();
}

// [-+]?(0b[0-1_]+ | 0x[0-9a-fA-F_]+ | 0[0-7_]* | [1-9][0-9_]*(:[0-5]?[0-9])*), YAML 1.1's.
bool is_int(std::string_view text) {
  Cursor cursor(text);
  cursor.take_one_of("-+");
  if (cursor.take("0b")) return !cursor.take_run_of("01_").empty() && cursor.at_end();
  if (cursor.take("0x")) return !cursor.take_run_of("0123456789abcdefABCDEF_").empty() && cursor.at_end();
  if (cursor.take("0")) {
    cursor.take_run_of("01234567_");
    return cursor.at_end();
  }
  if (!cursor.take_one_of("123456789")) return false;
  cursor.take_run_of(kDigitsOrUnderscore);
  return take_base60_groups(cursor) && cursor.at_end();
}

// [0-9][0-9_]*: the whole part of a float.
bool is_whole_part(std::string_view run) { return !run.empty() && is_digit(run.front()); }

// PyYAML's float, or under kOmegaConf PyYAML's or OmegaConf's, whichever matches, folded into
// one reading:
//   [-+]? W . [0-9_]* ([eE][-+][0-9]+)?      W = [0-9][0-9_]*           (PyYAML)
//   [-+]? U . [0-9_]* ([eE][-+]?[0-9]+)?     U = [0-9]+(_[0-9]+)*       (OmegaConf)
//   [-+]? U [eE][-+]?[0-9]+                                             (OmegaConf)
//   . W ([eE][-+][0-9]+)?                                               (both; OmegaConf's is narrower)
//   [-+]? W (:[0-5]?[0-9])+ . [0-9_]*                                   (both)
//   [-+]? .(inf|Inf|INF)   .(nan|NaN|NAN)                               (both)
bool is_float(std::string_view text, FloatRule float_rule) {
  Cursor cursor(text);
  const bool has_sign = cursor.take_one_of("-+");
  if (cursor.take(".")) {
    if (cursor.take("inf") || cursor.take("Inf") || cursor.take("INF")) return cursor.at_end();
    if (has_sign) return false;
    if (cursor.take("nan") || cursor.take("NaN") || cursor.take("NAN")) return cursor.at_end();
    return is_whole_part(cursor.take_run_of(kDigitsOrUnderscore)) && ends_float(cursor, false);
  }
  const std::string_view whole = cursor.take_run_of(kDigitsOrUnderscore);
  if (!is_whole_part(whole)) return false;
  // OmegaConf's forms, where its whole part U fits: an unsigned exponent, no '.' at all.
  const bool omegaconf_form =
      float_rule == FloatRule::kOmegaConf && whole.back() != '_' && whole.find("__") == std::string_view::npos;
  if (cursor.take(".")) {
    cursor.take_run_of(kDigitsOrUnderscore);
    return ends_float(cursor, omegaconf_form);
  }
  if (cursor.next_is(':')) {
    if (!take_base60_groups(cursor) || !cursor.take(".")) return false;
    cursor.take_run_of(kDigitsOrUnderscore);
    return cursor.at_end();
  }
  return omegaconf_form && !cursor.at_end() && ends_float(cursor, true);
}

bool is_bool(std::string_view text) {
  for (const std::string_view word : {"yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
                                      "FALSE", "on", "On", "ON", "off", "Off", "OFF"}) {
    if (text == word) return true;
  }
  return false;
}

bool is_null(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

}  // namespace

PlainScalar plain_scalar_kind(std::string_view text, FloatRule float_rule) {
  if (is_null(text)) return PlainScalar::kNull;
  if (is_bool(text)) return PlainScalar::kBool;
  if (is_int(text)) return PlainScalar::kInt;
  if (is_float(text, float_rule)) return PlainScalar::kFloat;
  return PlainScalar::kStr;
}

bool plain_scalar_is_true(std::string_view text) {
  const char first = text.empty() ? '\0' : text.front();
  return first == 'y' || first == 'Y' || first == 't' || first == 'T' || text == "on" || text == "On" || text == "ON";
}

}  // namespace hydra_adapt
