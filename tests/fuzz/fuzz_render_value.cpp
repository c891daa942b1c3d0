// Fuzzes render_typed_value for every type. Invariants: the same text renders the same twice;
// a str value is one quoted token that a Hydra app receives as exactly the text; an int is
// canonical digits; a float reads back as a float, never as an int; a bool is true or false.
#include <cstdint>
#include <cstdlib>
#include <regex>

#include "fuzz_check.h"
#include "values/hydra_string.h"
#include "values/typed_value.h"
#include "values/value_error.h"

using namespace hydra_adapt;
using hydra_adapt::fuzz::require;

namespace {

void check_rendering(ValueType type, std::string_view text, const std::string& rendered) {
  switch (type) {
    case ValueType::kStr:
    case ValueType::kPath:
    case ValueType::kOutputPath:
      if (text == "???") break;  // the one value delivered by a resolver call
      require(fuzz::received_from_quoted(rendered) == std::string(text), "a str arrives as exactly the text");
      break;
    case ValueType::kInt:
      static const std::regex kCanonicalInt("-?(0|[1-9][0-9]*)");
      require(std::regex_match(rendered, kCanonicalInt), "an int renders as canonical digits");
      break;
    case ValueType::kFloat:
      static const std::regex kFloat("-?(inf|nan|[0-9]+(\\.[0-9]+)?(e[-+][0-9]+)?)");
      require(std::regex_match(rendered, kFloat) && rendered.find_first_of(".eina") != std::string::npos,
              "a float renders as a float literal");
      break;
    case ValueType::kBool:
      require(rendered == "true" || rendered == "false", "a bool renders as true or false");
      break;
    case ValueType::kJson:
      require(!rendered.empty(), "json renders as something");
      break;
    case ValueType::kAuto:
      require(rendered == render_auto_value(text).text, "auto renders as zero-config does");
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  constexpr ValueType kTypes[] = {ValueType::kStr,   ValueType::kPath, ValueType::kOutputPath, ValueType::kInt,
                                  ValueType::kFloat, ValueType::kBool, ValueType::kJson,       ValueType::kAuto};
  const ValueType type = kTypes[data[0] % std::size(kTypes)];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string rendered;
  try {
    rendered = render_typed_value(type, text);
  } catch (const ValueError&) {
    try {
      render_typed_value(type, text);
    } catch (const ValueError&) {
      return 0;
    }
    require(false, "a refused value is refused again");
  }
  require(render_typed_value(type, text) == rendered, "rendering is deterministic");
  check_rendering(type, text, rendered);
  const AutoValue automatic = render_auto_value(text);
  require(automatic.type != "str" || fuzz::received_from_quoted(automatic.text) == std::string(text) || text == "???",
          "an auto str arrives as exactly the text");
  return 0;
}
