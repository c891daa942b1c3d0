// GCC 12 with -fsanitize reports std::function inside <regex> "may be used uninitialized", a
// known false positive of GCC 12; it must be off before the first standard header is read.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "yaml/pyyaml_scalar.h"

#include <regex>

namespace hydra_adapt {
namespace {

// The implicit resolvers of PyYAML's SafeLoader (yaml/resolver.py), and the float pattern
// OmegaConf's loader puts in place of SafeLoader's (omegaconf/_utils.py get_yaml_loader).
const std::regex& int_pattern() {
  static const std::regex pattern(
      "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
      std::regex::optimize);
  return pattern;
}

const std::regex& pyyaml_float_pattern() {
  static const std::regex pattern(
      "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
      "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)",
      std::regex::optimize);
  return pattern;
}

const std::regex& omegaconf_float_pattern() {
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

bool matches(std::string_view text, const std::regex& pattern) {
  return std::regex_match(text.begin(), text.end(), pattern);
}

}  // namespace

PlainScalar plain_scalar_kind(std::string_view text, FloatRule float_rule) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return PlainScalar::kNull;
  if (matches(text, bool_pattern())) return PlainScalar::kBool;
  if (matches(text, int_pattern())) return PlainScalar::kInt;
  const std::regex& floats = float_rule == FloatRule::kPyYaml ? pyyaml_float_pattern() : omegaconf_float_pattern();
  if (matches(text, floats)) return PlainScalar::kFloat;
  return PlainScalar::kStr;
}

bool plain_scalar_is_true(std::string_view text) {
  const char first = text.empty() ? '\0' : text.front();
  return first == 'y' || first == 'Y' || first == 't' || first == 'T' || text == "on" || text == "On" || text == "ON";
}

}  // namespace hydra_adapt
