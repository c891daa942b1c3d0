#pragma once

#include <string>
#include <string_view>

namespace hydra_adapt {

// Where a Cloud Storage URI is a file inside a Vertex AI / Kubeflow container: the platform
// mounts gs://BUCKET at /gcs/BUCKET (Cloud Storage FUSE), so gs://b/x is /gcs/b/x. Vertex sets
// AIP_MODEL_DIR and its kin as gs:// URIs, which a program that writes files cannot open.
// Any other text comes back unchanged.
std::string gcs_fuse_path(std::string_view text);

}  // namespace hydra_adapt
