#include "values/hydra_key.h"

#include <gtest/gtest.h>

namespace hydra_adapt {
namespace {

TEST(IsAddressableKey, AcceptsHydraKeys) {
  for (const char* key :
       {"lr", "optimizer.lr", "learning-rate", "_x", "a.0.b", "hydra/launcher", "db@backup", "db@", "$db", "a.$b"}) {
    EXPECT_TRUE(is_addressable_key(key)) << key;
  }
}

TEST(IsAddressableKey, RefusesWhatHydraCannotParse) {
  for (const char* key : {"", "1abc", "my key", "a..b", "a.", ".a", "a:b", "a/1", "é", "a=b"}) {
    EXPECT_FALSE(is_addressable_key(key)) << key;
  }
}

TEST(SplitOverrideKey, SeparatesAddPrefixes) {
  EXPECT_EQ(split_override_key("++a.b").prefix, "++");
  EXPECT_EQ(split_override_key("+a.b").path, "a.b");
  EXPECT_EQ(split_override_key("a.b").prefix, "");
}

TEST(KeyForFlag, FollowsArgparseDest) {
  EXPECT_EQ(key_for_flag("data-path", true), "data_path");
  EXPECT_EQ(key_for_flag("data-path", false), "data-path");
  // argparse's dest strips every leading prefix character: kfp's `----output-paths` is output_paths.
  EXPECT_EQ(key_for_flag("--output-paths", true), "output_paths");
  EXPECT_EQ(key_for_flag("--output-paths", false), "output-paths");
  EXPECT_EQ(key_for_flag("-x", true), "x");
}

}  // namespace
}  // namespace hydra_adapt
