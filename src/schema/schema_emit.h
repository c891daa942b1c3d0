#pragma once

#include <string>

#include "schema/schema.h"

namespace hydra_adapt {

// The schema as YAML that parse_schema_yaml reads back to the same schema, every flag with
// its key and type spelled out so it can be tuned by hand. `header` becomes a leading comment.
std::string emit_schema_yaml(const Schema& schema, const std::string& header);

}  // namespace hydra_adapt
