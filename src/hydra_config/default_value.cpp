// GCC 12 with -fsanitize reports std::function inside <regex> "may be used uninitialized", a
// known false positive of GCC 12; it must be off before the first standard header is read.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "hydra_config/default_value.h"

#include <regex>

#include "yaml/pyyaml_scalar.h"

namespace hydra_adapt {
namespace {

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
  switch (plain_scalar_kind(text, FloatRule::kOmegaConf)) {
    case PlainScalar::kNull:
      return {ValueType::kAuto, ""};
    case PlainScalar::kBool:
      return {ValueType::kBool, ""};
    case PlainScalar::kInt:
      return {ValueType::kInt, ""};
    case PlainScalar::kFloat:
      return {ValueType::kFloat, ""};
    case PlainScalar::kStr:
      break;
  }
  return {ValueType::kStr, ""};
}

}  // namespace hydra_adapt
