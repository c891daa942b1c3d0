#include "translate/gcs_fuse.h"

namespace hydra_adapt {

std::string gcs_fuse_path(std::string_view text) {
  constexpr std::string_view kScheme = "gs://";
  if (text.substr(0, kScheme.size()) != kScheme) return std::string(text);
  return "/gcs/" + std::string(text.substr(kScheme.size()));
}

}  // namespace hydra_adapt
