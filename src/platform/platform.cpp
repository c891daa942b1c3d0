#include "platform/platform.h"

namespace hydra_adapt {

std::optional<Platform> platform_from_name(std::string_view name) {
  if (name == "sagemaker") return Platform::kSageMaker;
  if (name == "wandb") return Platform::kWandb;
  return std::nullopt;
}

}  // namespace hydra_adapt
