#include "translate/bucket_mount.h"

#include "text/ascii.h"

namespace hydra_adapt {
namespace {

struct Mount {
  std::string_view scheme;
  std::string_view folder;
};
constexpr Mount kMounts[] = {{"gs://", "/gcs/"}, {"s3://", "/s3/"}, {"minio://", "/minio/"}};

}  // namespace

std::string mounted_path(std::string_view uri, BucketMounts mounts) {
  // Cloud Storage FUSE mounts gs:// alone: the first of kMounts.
  const std::size_t count = mounts == BucketMounts::kGcsFuse ? 1 : std::size(kMounts);
  for (std::size_t i = 0; i < count; ++i) {
    if (starts_with(uri, kMounts[i].scheme))
      return std::string(kMounts[i].folder) + std::string(uri.substr(kMounts[i].scheme.size()));
  }
  return std::string(uri);
}

}  // namespace hydra_adapt
