#include "args/program_split.h"

#include <gtest/gtest.h>

#include "adapt_error.h"

namespace hydra_adapt {
namespace {

using Words = std::vector<std::string>;

TEST(SplitProgramWords, IncomingArgsStartAtTheFirstDashDashWord) {
  const ProgramSplit split = split_program_words({"python3", "main.py", "-m", "--lr", "1"});
  EXPECT_EQ(split.program, (Words{"python3", "main.py", "-m"}));
  EXPECT_EQ(split.incoming, (Words{"--lr", "1"}));
  EXPECT_EQ(split.rule, SplitRule::kFirstFlag);
}

TEST(SplitProgramWords, ASecondDashDashEndsTheProgramWords) {
  const ProgramSplit split = split_program_words({"torchrun", "--nproc_per_node=8", "main.py", "--", "--lr", "1"});
  EXPECT_EQ(split.program, (Words{"torchrun", "--nproc_per_node=8", "main.py"}));
  EXPECT_EQ(split.incoming, (Words{"--lr", "1"}));
  EXPECT_EQ(split.rule, SplitRule::kSecondDashDash);
}

TEST(SplitProgramWords, NoIncomingArgsIsFine) {
  const ProgramSplit split = split_program_words({"python3", "main.py"});
  EXPECT_EQ(split.program.size(), 2u);
  EXPECT_TRUE(split.incoming.empty());
}

TEST(SplitProgramWords, RefusesAMissingProgram) {
  EXPECT_THROW(split_program_words({}), AdaptError);
  EXPECT_THROW(split_program_words({""}), AdaptError);
}

}  // namespace
}  // namespace hydra_adapt
