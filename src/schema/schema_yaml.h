#pragma once

#include <string>
#include <string_view>

#include "schema/schema.h"

namespace hydra_adapt {

// Reads a schema from YAML text. `source` names it in messages ("schema.yaml:3:5: ...").
// Throws AdaptError for malformed YAML, unknown fields or types, duplicate flags, and keys
// Hydra cannot address.
Schema parse_schema_yaml(const std::string& text, const std::string& source);

// The same for a file; a missing or unreadable file is an AdaptError too.
Schema load_schema_file(const std::string& path);

}  // namespace hydra_adapt
