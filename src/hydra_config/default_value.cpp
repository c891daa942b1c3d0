// GCC 12 with -fsanitize reports std::function inside <regex> "may be used uninitialized", a
// known false positive of GCC 12; it must be off before the first standard header is read.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "hydra_config/default_value.h"

#include <regex>

namespace hydra_adapt {
namespace {

// The implicit resolvers of OmegaConf's YAML loader (omegaconf/_utils.py get_yaml_loader):
// PyYAML's SafeLoader for ints, bools and nulls, OmegaConf's own pattern for floats.
// Timestamps are not among them: OmegaConf reads 2024-01-01 as a str.
const std::regex& int_pattern() {
  static const std::regex pattern(
      "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
      std::regex::optimize);
  return pattern;
}

const std::regex& float_pattern() {
  static const std::regex pattern(
      "[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)"
      "|\\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
      "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)",
      std::regex::optimize);
  return pattern;
}

const std::regex& bool_pattern() {
  static const std::regex pattern("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
                                  std::regex::optimize);
  return pattern;
}

bool is_null(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

bool matches(std::string_view text, const std::regex& pattern) {
  return std::regex_match(text.begin(), text.end(), pattern);
}

// "${a.b}" -> "a.b"; "${.b}" under "x.y" -> "x.y.b"; "${..b}" under "x.y" -> "x.b". Empty for
// anything else: resolver calls (${oc.env:X}, ${hydra:...}) hold a ':', and a text around an
// interpolation ("${a}/data") is a new string rather than the other key's value.
std::string interpolated_key(std::string_view text, std::string_view parent) {
  static const std::regex pattern("\\$\\{(\\.*)([A-Za-z0-9_$-]+(?:\\.[A-Za-z0-9_$-]+)*)\\}", std::regex::optimize);
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_match(text.begin(), text.end(), match, pattern)) return "";
  const std::size_t levels_up = static_cast<std::size_t>(match.length(1));
  const std::string key = match.str(2);
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
  if (is_null(text)) return {ValueType::kAuto, ""};
  if (matches(text, bool_pattern())) return {ValueType::kBool, ""};
  if (matches(text, int_pattern())) return {ValueType::kInt, ""};
  if (matches(text, float_pattern())) return {ValueType::kFloat, ""};
  return {ValueType::kStr, ""};
}

}  // namespace hydra_adapt
