#pragma once

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>

#include <string>
#include <utility>

#include "adapt_error.h"

namespace hydra_adapt {

// "file.yaml:3:5: " for a spot in a YAML document, "file.yaml: " when the spot is unknown.
std::string yaml_spot(const std::string& source, const YAML::Mark& mark);

// Returns what `parse` (a call into yaml-cpp's parser: YAML::Load, LoadAll, a YAML::Parser)
// returns. YAML that yaml-cpp refuses becomes the tool's error, naming the spot in `source`:
// "file.yaml:3:5: malformed YAML: <yaml-cpp's reason>". The one place yaml-cpp's exceptions
// turn into an AdaptError, so every reader words malformed YAML the same way.
template <typename Parse>
auto translate_yaml_errors(const std::string& source, Parse&& parse) -> decltype(std::forward<Parse>(parse)()) {
  try {
    return std::forward<Parse>(parse)();
  } catch (const YAML::ParserException& error) {
    throw AdaptError(yaml_spot(source, error.mark) + "malformed YAML: " + error.msg);
  }
}

}  // namespace hydra_adapt
