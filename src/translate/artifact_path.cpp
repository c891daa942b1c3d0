#include "translate/artifact_path.h"

#include <array>
#include <utility>

namespace hydra_adapt {

std::string artifact_local_path(std::string_view uri) {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kMounts{{
      {"gs://", "/gcs/"},
      {"s3://", "/s3/"},
      {"minio://", "/minio/"},
  }};
  for (const auto& [scheme, mount] : kMounts) {
    if (uri.substr(0, scheme.size()) == scheme) return std::string(mount) + std::string(uri.substr(scheme.size()));
  }
  return std::string(uri);
}

}  // namespace hydra_adapt
