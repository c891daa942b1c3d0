#include "values/hydra_key.h"

#include <algorithm>

#include "text/ascii.h"

namespace hydra_adapt {
namespace {

// Hydra's lexer: ID = (CHAR|'_') (CHAR|DIGIT|'_'|'-')*; KEY_SPECIAL also allows '$'.
bool is_identifier(std::string_view text, bool allow_dollar) {
  if (text.empty()) return false;
  const auto starts_ok = [&](char c) { return is_ascii_letter(c) || c == '_' || (allow_dollar && c == '$'); };
  const auto continues_ok = [&](char c) { return starts_ok(c) || is_digit(c) || c == '-'; };
  return starts_ok(text.front()) && std::all_of(text.begin() + 1, text.end(), continues_ok);
}

// INT_UNSIGNED without underscores: a list index inside a dotted path.
bool is_list_index(std::string_view text) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), is_digit)) return false;
  return text == "0" || text.front() != '0';
}

// package: ID | KEY_SPECIAL | DOT_PATH, where a DOT_PATH segment may also be an index.
bool is_package(std::string_view text) {
  if (text.find('.') == std::string_view::npos) return is_identifier(text, true);
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = text.find('.', start);
    const std::string_view segment = text.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (!is_identifier(segment, true) && !is_list_index(segment)) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

bool is_group_path(std::string_view text) {
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = text.find('/', start);
    const std::string_view segment = text.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (!is_identifier(segment, false)) return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

}  // namespace

OverrideKey split_override_key(std::string_view key) {
  const std::size_t pluses = key.rfind("++", 0) == 0 ? 2 : key.rfind('+', 0) == 0 ? 1 : 0;
  return {key.substr(0, pluses), key.substr(pluses)};
}

bool is_addressable_key(std::string_view path) {
  const std::size_t at = path.find('@');
  const std::string_view group = path.substr(0, at);
  const bool group_ok = group.find('/') != std::string_view::npos ? is_group_path(group) : is_package(group);
  if (!group_ok) return false;
  if (at == std::string_view::npos) return true;
  const std::string_view package = path.substr(at + 1);
  return package.empty() || is_package(package);  // empty: the _global_ package
}

std::string key_for_flag(std::string_view flag_name, bool hyphens_to_underscores) {
  // argparse strips every leading prefix character: `----output-paths` (as kfp's function-based
  // components write it) has the dest output_paths.
  std::string key(flag_name.substr(std::min(flag_name.find_first_not_of('-'), flag_name.size())));
  if (hyphens_to_underscores) std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

}  // namespace hydra_adapt
