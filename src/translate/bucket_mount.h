#pragma once

#include <string>
#include <string_view>

namespace hydra_adapt {

// Which bucket schemes a platform mounts as folders inside the container.
enum class BucketMounts {
  // Vertex AI / Kubeflow's Cloud Storage FUSE: gs://b/x is /gcs/b/x. Vertex sets AIP_MODEL_DIR
  // and its kin as gs:// URIs, which a program that writes files cannot open (schema
  // `gcs_fuse: true`).
  kGcsFuse,
  // kfp's own executor (kfp.dsl.Artifact.path): gs://b/x is /gcs/b/x, s3://b/x /s3/b/x,
  // minio://b/x /minio/b/x (the executor input's artifact URIs).
  kKfpArtifacts,
};

// The folder path where `uri`'s bucket is mounted, or `uri` unchanged when its scheme is not
// one `mounts` covers (a local path, another scheme, a different case).
std::string mounted_path(std::string_view uri, BucketMounts mounts);

}  // namespace hydra_adapt
