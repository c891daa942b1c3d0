#include "translate/placeholder.h"

#include <nlohmann/json.hpp>

namespace hydra_adapt {

bool is_unsubstituted_placeholder(std::string_view text) {
  if (text == "{{$}}") return true;
  if (text.find("{{$.inputs.") != std::string_view::npos || text.find("{{$.outputs.") != std::string_view::npos) {
    return true;
  }
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '{') return false;
  // Most values that start with '{' are real JSON, often large: parse only the candidates.
  if (text.find("Concat") == std::string_view::npos && text.find("IfPresent") == std::string_view::npos) return false;
  const auto document = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  return document.is_object() && document.size() == 1 &&
         (document.contains("Concat") || document.contains("IfPresent"));
}

}  // namespace hydra_adapt
