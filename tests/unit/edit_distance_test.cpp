#include "text/edit_distance.h"

#include <gtest/gtest.h>

namespace hydra_adapt {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("lr", ""), 2u);
  EXPECT_EQ(edit_distance("", "lr"), 2u);
  EXPECT_EQ(edit_distance("epochs", "epoch"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(NearestName, FindsTheClosestTypoAndTheFirstOfATie) {
  EXPECT_EQ(nearest_name("epoch", {"lr", "epochs"}), "epochs");
  EXPECT_EQ(nearest_name("lrr", {"lr", "lra"}), "lr");
}

TEST(NearestName, IgnoresNamesTooFarToBeATypo) {
  EXPECT_EQ(nearest_name("batch-size", {"lr", "epochs"}), std::nullopt);
  EXPECT_EQ(nearest_name("x", {}), std::nullopt);
}

}  // namespace
}  // namespace hydra_adapt
