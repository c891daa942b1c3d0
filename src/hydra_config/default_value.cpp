#include "hydra_config/default_value.h"

#include "text/ascii.h"
#include "yaml/pyyaml_scalar.h"

namespace hydra_adapt {
namespace {

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
