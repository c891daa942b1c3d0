#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace hydra_adapt {

using OrderedJson = nlohmann::ordered_json;
using JsonSax = nlohmann::json_sax<OrderedJson>;

// Parses JSON as Python's json module writes and reads it: strict JSON, plus the bare words
// NaN, Infinity and -Infinity that json.dumps writes for float nan and inf (SageMaker's SM_HPS,
// a pipeline's json.dumps). Each reaches `handler` as number_float(value, "NaN") (or
// "Infinity", "-Infinity"); everything else as nlohmann's sax_parse delivers it, and so do
// the errors (nlohmann::json::exception).
void sax_parse_python_json(std::string_view text, JsonSax& handler);

}  // namespace hydra_adapt
