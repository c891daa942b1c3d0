#include "values/hydra_string.h"

#include <algorithm>

namespace hydra_adapt {

void append_quoted_string_value(std::string& out, std::string_view text) {
  // "???" is OmegaConf's missing-value marker even when quoted, and has no escape; this
  // resolver call hands the program the literal three question marks.
  if (text == R"(???)") {
    out += R"('${oc.decode:???}')";
    return;
  }
  // Hydra's single-quoted value, as QuotedString(text, Quote.single).with_quotes() writes it:
  // the parser only unescapes backslashes that stand before a quote or at the very end, so
  // those runs are doubled and each quote gets one more backslash. OmegaConf then resolves
  // "${...}" even inside a quoted value: a "${" after N backslashes means N literal
  // backslashes when written with 2N+1 of them (2N halve to N, the last one escapes the
  // interpolation). Backslashes anywhere else are left alone by both. Everything between
  // such spots is copied as it is.
  out += '\'';
  const auto is_special = [](char c) { return c == '\\' || c == '\'' || c == '$'; };
  auto at = text.begin();
  while (true) {
    const auto special = std::find_if(at, text.end(), is_special);
    out.append(at, special);
    const auto after_backslashes = std::find_if(special, text.end(), [](char c) { return c != '\\'; });
    const std::size_t backslashes = after_backslashes - special;
    if (after_backslashes == text.end()) {
      out.append(2 * backslashes, '\\');
      break;
    }
    const char next = *after_backslashes;
    const bool escaped =
        next == '\'' || (next == '$' && after_backslashes + 1 != text.end() && after_backslashes[1] == '{');
    out.append(escaped ? 2 * backslashes + 1 : backslashes, '\\');
    out += next;
    at = after_backslashes + 1;
  }
  out += '\'';
}

std::string quote_string_value(std::string_view text) {
  std::string quoted;
  quoted.reserve(text.size() + 2);
  append_quoted_string_value(quoted, text);
  return quoted;
}

}  // namespace hydra_adapt
