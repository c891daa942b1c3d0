// The rank a distributed launcher adds to its worker's args, in each form the launchers write.
#include "args/local_rank.h"

#include <gtest/gtest.h>

namespace hydra_adapt {
namespace {

using Words = std::vector<std::string>;
const auto kAll = [](std::string_view) { return true; };

TEST(LocalRank, EachFormTakenOffWithItsRank) {
  for (const Words& rank :
       {Words{"--local_rank=3"}, Words{"--local-rank=3"}, Words{"--local_rank", "3"}, Words{"--local-rank", "3"}}) {
    Words words{"--lr", "1"};
    words.insert(words.begin(), rank.begin(), rank.end());
    const LocalRank taken = take_local_rank(words, 0, kAll);
    EXPECT_EQ(taken.words, (Words{"--lr", "1"}));
    EXPECT_EQ(taken.rank_words, rank);
    EXPECT_EQ(taken.rank, "3");
  }
}

TEST(LocalRank, ADeclaredNameAndWordsThatAreNoRankStay) {
  const Words words{"--local_rank=0", "--local-rank=1", "--local_rank=x", "--local_rankx=1", "--local_rank"};
  const LocalRank taken = take_local_rank(words, 0, [](std::string_view name) { return name == "local-rank"; });
  EXPECT_EQ(taken.words, (Words{"--local_rank=0", "--local_rank=x", "--local_rankx=1", "--local_rank"}));
  EXPECT_EQ(taken.rank, "1");
  EXPECT_EQ(take_local_rank({"--local_rank=2"}, 1, kAll).words, (Words{"--local_rank=2"}));
}

}  // namespace
}  // namespace hydra_adapt
