#include "hydra_config/hydra_config_file.h"

#include "hydra_config/hydra_config.h"
#include "yaml/yaml_source.h"

namespace hydra_adapt {

std::shared_ptr<const ConfigMatcher> load_hydra_config_file(const std::string& path) {
  const std::string text = read_text_file(path, "Hydra config", "--hydra-config / HYDRA_ADAPT_HYDRA_CONFIG");
  return std::make_shared<const ConfigMatcher>(parse_hydra_config(text, path));
}

}  // namespace hydra_adapt
