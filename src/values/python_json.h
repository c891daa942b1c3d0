#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace hydra_adapt {

using OrderedJson = nlohmann::ordered_json;
using JsonSax = nlohmann::json_sax<OrderedJson>;

// True when text holds the bare word NaN or Infinity outside its strings, which only the
// rewriting parse below can read. A text with neither letter is strict JSON for sure.
inline bool may_hold_special_floats(std::string_view text) {
  return text.find_first_of("NI") != std::string_view::npos;
}

// Parses text holding NaN, Infinity or -Infinity (see sax_parse_python_json) through `handler`.
void sax_parse_special_floats(std::string_view text, JsonSax& handler);

// Parses JSON as Python's json module writes and reads it: strict JSON, plus the bare words
// NaN, Infinity and -Infinity that json.dumps writes for float nan and inf (SageMaker's SM_HPS,
// a pipeline's json.dumps). Each reaches `handler` as number_float(value, "NaN") (or
// "Infinity", "-Infinity"); everything else as nlohmann's sax_parse delivers it, and so do
// the errors (nlohmann::json::exception, or the handler's parse_error). Strict JSON goes
// straight to nlohmann's parser instantiated for Handler (a final class: no virtual calls).
template <class Handler>
void sax_parse_python_json(std::string_view text, Handler& handler) {
  if (may_hold_special_floats(text)) {
    sax_parse_special_floats(text, handler);
  } else {
    OrderedJson::sax_parse(text, &handler);
  }
}

}  // namespace hydra_adapt
