#pragma once

#include <memory>
#include <string>

#include "hydra_config/config_matcher.h"

namespace hydra_adapt {

// The app's Hydra config from a file holding what `PROGRAM --cfg all` printed
// (--hydra-config / HYDRA_ADAPT_HYDRA_CONFIG). Throws AdaptError naming the file.
std::shared_ptr<const ConfigMatcher> load_hydra_config_file(const std::string& path);

}  // namespace hydra_adapt
