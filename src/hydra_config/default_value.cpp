#include "hydra_config/default_value.h"

#include "text/ascii.h"

namespace hydra_adapt {
namespace {

// The implicit resolvers of OmegaConf's YAML loader (omegaconf/_utils.py get_yaml_loader):
// PyYAML's SafeLoader for ints, bools, nulls and floats, then OmegaConf's own float pattern
// for what PyYAML's misses (1e-3). Timestamps are not among them: OmegaConf reads 2024-01-01
// as a str. Read by steps rather than std::regex, which costs the static binary ~54 KB.

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
bool is_yaml_int(std::string_view text) {
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

// PyYAML's float or OmegaConf's, whichever matches, folded into one reading:
//   [-+]? W . [0-9_]* ([eE][-+][0-9]+)?      W = [0-9][0-9_]*           (PyYAML)
//   [-+]? U . [0-9_]* ([eE][-+]?[0-9]+)?     U = [0-9]+(_[0-9]+)*       (OmegaConf)
//   [-+]? U [eE][-+]?[0-9]+                                             (OmegaConf)
//   . W ([eE][-+][0-9]+)?                                               (both; OmegaConf's is narrower)
//   [-+]? W (:[0-5]?[0-9])+ . [0-9_]*                                   (both)
//   [-+]? .(inf|Inf|INF)   .(nan|NaN|NAN)                               (both)
bool is_omegaconf_float(std::string_view text) {
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
  const bool underscores_between_digits = whole.back() != '_' && whole.find("__") == std::string_view::npos;
  if (cursor.take(".")) {
    cursor.take_run_of(kDigitsOrUnderscore);
    return ends_float(cursor, underscores_between_digits);
  }
  if (cursor.next_is(':')) {
    if (!take_base60_groups(cursor) || !cursor.take(".")) return false;
    cursor.take_run_of(kDigitsOrUnderscore);
    return cursor.at_end();
  }
  return underscores_between_digits && !cursor.at_end() && ends_float(cursor, true);
}

bool is_yaml_bool(std::string_view text) {
  for (const std::string_view word : {"yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
                                      "FALSE", "on", "On", "ON", "off", "Off", "OFF"}) {
    if (text == word) return true;
  }
  return false;
}

bool is_yaml_null(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// [A-Za-z0-9_$-]+ joined by single dots: a key an interpolation names.
bool is_interpolated_key(std::string_view key) {
  if (key.empty() || key.front() == '.' || key.back() == '.' || key.find("..") != std::string_view::npos) return false;
  for (const char c : key) {
    if (!is_ascii_letter(c) && !is_digit(c) && c != '_' && c != '$' && c != '-' && c != '.') return false;
  }
  return true;
}

// "${a.b}" -> "a.b"; "${.b}" under "x.y" -> "x.y.b"; "${..b}" under "x.y" -> "x.b". Empty for
// anything else: resolver calls (${oc.env:X}, ${hydra:...}) hold a ':', and a text around an
// interpolation ("${a}/data") is a new string rather than the other key's value.
std::string interpolated_key(std::string_view text, std::string_view parent) {
  if (text.size() < 3 || !starts_with(text, "${") || text.back() != '}') return "";
  const std::string_view inner = text.substr(2, text.size() - 3);
  const std::size_t levels_up = inner.find_first_not_of('.');
  if (levels_up == std::string_view::npos || !is_interpolated_key(inner.substr(levels_up))) return "";
  const std::string key(inner.substr(levels_up));
  if (levels_up == 0) return key;
  std::string base(parent);
  for (std::size_t level = 1; level < levels_up; ++level) {
    if (base.empty()) return "";  // above the top: OmegaConf refuses it
    const std::size_t dot = base.rfind('.');
    base.erase(dot == std::string::npos ? 0 : dot);
  }
  return base.empty() ? key : base + "." + key;
}

}  // namespace

DefaultValue scalar_default(std::string_view text, bool quoted, std::string_view parent) {
  // OmegaConf takes any str holding "${" for an interpolation, quoted or not, and "???" for
  // a value still to be given.
  if (text.find("${") != std::string_view::npos) return {ValueType::kAuto, interpolated_key(text, parent)};
  if (text == "???") return {ValueType::kAuto, ""};
  if (quoted) return {ValueType::kStr, ""};
  if (is_yaml_null(text)) return {ValueType::kAuto, ""};
  if (is_yaml_bool(text)) return {ValueType::kBool, ""};
  if (is_yaml_int(text)) return {ValueType::kInt, ""};
  if (is_omegaconf_float(text)) return {ValueType::kFloat, ""};
  return {ValueType::kStr, ""};
}

}  // namespace hydra_adapt
