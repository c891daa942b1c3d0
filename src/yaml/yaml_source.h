#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "yaml/yaml_error.h"  // yaml_spot, for the readers of the nodes parsed here

namespace hydra_adapt {

// The value of `key` in a mapping; a null node when `node` is no mapping or lacks the key
// (yaml-cpp throws on most uses of the node a missing key gives).
YAML::Node yaml_field(const YAML::Node& node, const std::string& key);

// Parses YAML text; malformed YAML is an AdaptError naming the spot in `source`.
YAML::Node parse_yaml_document(const std::string& text, const std::string& source);

// The whole text of a file; a missing, unreadable or folder path is an AdaptError that names
// `what` ("schema") and `hint` (where the path came from).
std::string read_text_file(const std::string& path, const std::string& what, const std::string& hint);

}  // namespace hydra_adapt
