#pragma once

#include <string>
#include <string_view>

namespace hydra_adapt {

// Text helpers on ASCII alone, whatever the locale: flags, keys, numbers and type names are
// ASCII in every grammar hydra-adapt reads.

inline bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

inline bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

inline char lowercase(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = lowercase(c);
  return lower;
}

// `lower` is already lower case: "inf", "true".
inline bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (lowercase(text[i]) != lower[i]) return false;
  }
  return true;
}

}  // namespace hydra_adapt
