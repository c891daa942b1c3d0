#pragma once

#include <string>
#include <string_view>

namespace hydra_adapt {

// Where a Kubeflow artifact's URI is a file inside the container, as kfp's own executor maps
// it (kfp.dsl.Artifact.path): gs://b/x is /gcs/b/x, s3://b/x /s3/b/x, minio://b/x /minio/b/x,
// where the platform mounts the buckets. Any other URI (a local path) comes back unchanged.
std::string artifact_local_path(std::string_view uri);

}  // namespace hydra_adapt
