#include "values/hydra_string.h"

namespace hydra_adapt {
namespace {

// OmegaConf resolves "${...}" even inside a quoted value. A "${" preceded by N backslashes
// means N literal backslashes when written with 2N+1 of them: 2N halve to N, the last one
// escapes the interpolation. Backslashes anywhere else are left alone by OmegaConf.
std::string escape_interpolations(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  std::size_t backslashes = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '$' && i + 1 < text.size() && text[i + 1] == '{') {
      escaped.append(backslashes + 1, '\\');
    }
    escaped += c;
    backslashes = c == '\\' ? backslashes + 1 : 0;
  }
  return escaped;
}

// Hydra's single-quoted value, as QuotedString(text, Quote.single).with_quotes() writes it:
// the parser only unescapes backslashes that stand before a quote or at the very end, so
// those runs are doubled and each quote gets one more backslash.
std::string single_quote(std::string_view text) {
  std::string quoted = "'";
  quoted.reserve(text.size() + 2);
  std::size_t backslashes = 0;
  for (const char c : text) {
    if (c == '\\') {
      ++backslashes;
      continue;
    }
    const bool before_quote = c == '\'';
    quoted.append(before_quote ? 2 * backslashes + 1 : backslashes, '\\');
    quoted += c;
    backslashes = 0;
  }
  quoted.append(2 * backslashes, '\\');
  quoted += '\'';
  return quoted;
}

}  // namespace

std::string quote_string_value(std::string_view text) {
  // "???" is OmegaConf's missing-value marker even when quoted, and has no escape; this
  // resolver call hands the program the literal three question marks.
  if (text == R"(???)") return R"('${oc.decode:???}')";
  return single_quote(escape_interpolations(text));
}

}  // namespace hydra_adapt
