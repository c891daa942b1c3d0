#include "translate/bucket_mount.h"

#include <gtest/gtest.h>

namespace hydra_adapt {
namespace {

TEST(MountedPath, GcsFuseMapsACloudStorageUriToItsMountPath) {
  EXPECT_EQ(mounted_path("gs://b/x", BucketMounts::kGcsFuse), "/gcs/b/x");
  EXPECT_EQ(mounted_path("gs://my-bucket/runs/7/model/", BucketMounts::kGcsFuse), "/gcs/my-bucket/runs/7/model/");
  EXPECT_EQ(mounted_path("gs://b", BucketMounts::kGcsFuse), "/gcs/b");
}

TEST(MountedPath, GcsFuseLeavesEverythingElseAlone) {
  for (const char* text : {"/gcs/b/x", "s3://b/x", "minio://b/x", "GS://b/x", "x/gs://b", ""}) {
    EXPECT_EQ(mounted_path(text, BucketMounts::kGcsFuse), text);
  }
}

TEST(MountedPath, KfpArtifactsMapEveryBucketKfpMounts) {
  EXPECT_EQ(mounted_path("gs://b/x", BucketMounts::kKfpArtifacts), "/gcs/b/x");
  EXPECT_EQ(mounted_path("s3://b/x", BucketMounts::kKfpArtifacts), "/s3/b/x");
  EXPECT_EQ(mounted_path("minio://b/x/y.csv", BucketMounts::kKfpArtifacts), "/minio/b/x/y.csv");
  for (const char* text : {"/tmp/a", "http://b/x", "S3://b/x", "x/s3://b", ""}) {
    EXPECT_EQ(mounted_path(text, BucketMounts::kKfpArtifacts), text);
  }
}

}  // namespace
}  // namespace hydra_adapt
