#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Helpers shared by the fuzz targets: turning fuzz bytes into words, and failing loudly when
// an invariant breaks (abort, so libFuzzer records the input as a crash).
namespace hydra_adapt::fuzz {

inline void require(bool holds, const char* invariant) {
  if (holds) return;
  std::fprintf(stderr, "invariant broken: %s\n", invariant);
  std::abort();
}

// Words separated by NUL bytes: argv can hold anything but NUL.
inline std::vector<std::string> split_words(std::string_view bytes) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= bytes.size()) {
    const std::size_t end = std::min(bytes.find('\0', start), bytes.size());
    words.emplace_back(bytes.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// What a Hydra app receives for a single-quoted override value, as the measured rule says
// (docs: shared hydra-overrides reference): Hydra halves a backslash run before a quote or at
// the end and drops the quote's escape; OmegaConf then reads "${" after an odd run of N
// backslashes as literal, with (N-1)/2 backslashes. nullopt when the value is not one quoted
// token, or when an interpolation would stay live.
inline std::optional<std::string> received_from_quoted(std::string_view quoted) {
  if (quoted.size() < 2 || quoted.front() != '\'' || quoted.back() != '\'') return std::nullopt;
  const std::string_view body = quoted.substr(1, quoted.size() - 2);
  std::string hydra;
  for (std::size_t i = 0; i < body.size();) {
    if (body[i] == '\'') return std::nullopt;  // an unescaped quote would end the token
    if (body[i] != '\\') {
      hydra += body[i++];
      continue;
    }
    const std::size_t run_end = std::min(body.find_first_not_of('\\', i), body.size());
    const std::size_t run = run_end - i;
    i = run_end;
    if (i == body.size()) {
      if (run % 2 != 0) return std::nullopt;  // would escape the closing quote
      hydra.append(run / 2, '\\');
    } else if (body[i] == '\'') {
      if (run % 2 == 0) return std::nullopt;
      hydra.append((run - 1) / 2, '\\');
      hydra += '\'';
      ++i;
    } else {
      hydra.append(run, '\\');
    }
  }
  std::string received;
  std::size_t backslashes = 0;
  for (std::size_t i = 0; i < hydra.size(); ++i) {
    if (hydra[i] == '$' && i + 1 < hydra.size() && hydra[i + 1] == '{') {
      if (backslashes % 2 == 0) return std::nullopt;  // a live interpolation
      received.resize(received.size() - backslashes);
      received.append((backslashes - 1) / 2, '\\');
    }
    received += hydra[i];
    backslashes = hydra[i] == '\\' ? backslashes + 1 : 0;
  }
  return received;
}

}  // namespace hydra_adapt::fuzz
