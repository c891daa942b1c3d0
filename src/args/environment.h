#pragma once

#include <map>
#include <string>

namespace hydra_adapt {

// Environment variables' values by name: those the schema's env section names, read by the
// caller so the translation stays pure, or those a platform defines (SageMaker's SM_ variables).
using Environment = std::map<std::string, std::string>;

}  // namespace hydra_adapt
