#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hydra_adapt {

// Numbers as the platforms write them ("5", "256.0", "1e-05", ".5", "0.0000001") and as
// Hydra's override grammar reads them back.

// "[+-]digits" with any number of digits, as Hydra's canonical int ("+007" -> "7").
std::optional<std::string> canonical_integer(std::string_view text);

// A decimal float text with an integral value ("256.0", "2.56e2", "-0.0") as a canonical
// int, computed on the digits so no precision is lost; nullopt for anything else.
std::optional<std::string> integral_decimal(std::string_view text);

// A decimal float ("1", "-2.5", ".5", "5.", "1e-05") or inf/nan in any case; no blanks,
// no hex, no digit separators. nullopt when the text is not one, or overflows.
std::optional<double> parse_float(std::string_view text);

// Plain decimal digits ("15", "0143") as a number; nullopt for a sign, a blank, anything else,
// or a number too large for an unsigned int.
std::optional<unsigned> parse_whole_number(std::string_view text);

// The shortest text Hydra reads back as this same float: always with '.' or an exponent,
// so it never turns into an int ("1" -> "1.0").
std::string format_float(double value);

}  // namespace hydra_adapt
