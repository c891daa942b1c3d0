#include "translate/gcs_fuse.h"

#include <gtest/gtest.h>

namespace hydra_adapt {
namespace {

TEST(GcsFusePath, MapsABucketUriToItsMountPath) {
  EXPECT_EQ(gcs_fuse_path("gs://b/x"), "/gcs/b/x");
  EXPECT_EQ(gcs_fuse_path("gs://my-bucket/runs/7/model/"), "/gcs/my-bucket/runs/7/model/");
  EXPECT_EQ(gcs_fuse_path("gs://b"), "/gcs/b");
}

TEST(GcsFusePath, LeavesEverythingElseAlone) {
  EXPECT_EQ(gcs_fuse_path("/gcs/b/x"), "/gcs/b/x");
  EXPECT_EQ(gcs_fuse_path("s3://b/x"), "s3://b/x");
  EXPECT_EQ(gcs_fuse_path("GS://b/x"), "GS://b/x");
  EXPECT_EQ(gcs_fuse_path("x/gs://b"), "x/gs://b");
  EXPECT_EQ(gcs_fuse_path(""), "");
}

}  // namespace
}  // namespace hydra_adapt
