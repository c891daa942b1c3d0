#include "args/incoming_args.h"

#include <gtest/gtest.h>

#include "adapt_error.h"

namespace hydra_adapt {
namespace {

using Words = std::vector<std::string>;
using Kind = IncomingArg::Kind;

std::vector<IncomingArg> split(const Words& words, const Words& declared = {}) {
  return split_incoming_args(words, [&](std::string_view name) {
    return std::find(declared.begin(), declared.end(), name) != declared.end();
  });
}

TEST(SplitIncomingArgs, ReadsBothFlagForms) {
  const auto args = split({"--lr", "0.1", "--epochs=3"});
  ASSERT_EQ(args.size(), 2u);
  EXPECT_EQ(args[0].name, "lr");
  EXPECT_EQ(args[0].values, Words{"0.1"});
  EXPECT_EQ(args[1].name, "epochs");
  EXPECT_EQ(args[1].values, Words{"3"});
  EXPECT_EQ(args[1].words, Words{"--epochs=3"});
}

TEST(SplitIncomingArgs, TheNextWordIsTheValueWhateverItLooksLike) {
  for (const char* value : {"-1", "-x", "a=b", "+k=v", "", "~k", "-m"}) {
    const auto args = split({"--v", value});
    ASSERT_EQ(args.size(), 1u) << value;
    EXPECT_EQ(args[0].values, Words{value});
  }
}

TEST(SplitIncomingArgs, BareFlagsHaveNoValue) {
  const auto args = split({"--use-gpu", "--lr", "1", "--fast"});
  ASSERT_EQ(args.size(), 3u);
  EXPECT_TRUE(args[0].values.empty());
  EXPECT_TRUE(args[2].values.empty());
}

TEST(SplitIncomingArgs, OverridesPassThrough) {
  const auto args = split({"a.b=1", "+c=2", "++d=3", "~e", "group/x=y"});
  ASSERT_EQ(args.size(), 5u);
  for (const auto& arg : args) EXPECT_EQ(arg.kind, Kind::kOverride);
}

TEST(SplitIncomingArgs, HydraFlagsKeepTheirValues) {
  const auto args = split({"--config-name", "train", "-m", "--info", "config", "--cfg=job", "-cn", "x", "--resolve"});
  ASSERT_EQ(args.size(), 6u);
  EXPECT_EQ(args[0].words, (Words{"--config-name", "train"}));
  EXPECT_EQ(args[1].words, Words{"-m"});
  EXPECT_EQ(args[2].words, (Words{"--info", "config"}));
  EXPECT_EQ(args[3].words, Words{"--cfg=job"});
  EXPECT_EQ(args[4].words, (Words{"-cn", "x"}));
  for (const auto& arg : args) EXPECT_EQ(arg.kind, Kind::kHydraFlag);
}

TEST(SplitIncomingArgs, InfoTakesOnlyItsTopics) {
  const auto args = split({"--info", "--lr", "1"});
  ASSERT_EQ(args.size(), 2u);
  EXPECT_EQ(args[0].words, Words{"--info"});
}

TEST(SplitIncomingArgs, ADeclaredFlagWinsOverHydrasOwn) {
  const auto args = split({"--version", "1.2"}, {"version"});
  ASSERT_EQ(args.size(), 1u);
  EXPECT_EQ(args[0].kind, Kind::kFlag);
  EXPECT_EQ(args[0].values, Words{"1.2"});
}

TEST(SplitIncomingArgs, AFlagDeclaredWithSeveralValuesTakesThem) {
  const auto value_count = [](std::string_view name) -> std::size_t { return name == "outs" ? 3 : 0; };
  const auto args = split_incoming_args({"--outs=a", "-b", "c", "d=1", "--outs", "x", "--lr", "1"}, value_count);
  ASSERT_EQ(args.size(), 4u);
  EXPECT_EQ(args[0].values, (Words{"a", "-b", "c"}));
  EXPECT_EQ(args[0].words, (Words{"--outs=a", "-b", "c"}));
  EXPECT_EQ(args[1].kind, Kind::kOverride);
  EXPECT_EQ(args[2].values, Words{"x"});
  EXPECT_EQ(args[3].values, Words{"1"}) << "an undeclared flag takes one value";
}

TEST(SplitIncomingArgs, RefusesStrayWords) {
  EXPECT_THROW(split({"train"}), AdaptError);
  EXPECT_THROW(split({"-x"}), AdaptError);
  EXPECT_THROW(split({"--"}), AdaptError);
  EXPECT_THROW(split({"--=1"}), AdaptError);
  EXPECT_THROW(split({"1abc=2"}), AdaptError);
  // Dashes alone name no flag (found by fuzz_split_args once the extra dashes went in the split).
  EXPECT_THROW(split({"---"}), AdaptError);
  EXPECT_THROW(split({"----=1"}), AdaptError);
}

TEST(SplitIncomingArgs, EveryLeadingDashGoesFromTheName) {
  const auto args = split({"----output-paths", "/o/a"});
  ASSERT_EQ(args.size(), 1u);
  EXPECT_EQ(args[0].name, "output-paths");
  EXPECT_EQ(args[0].words, (std::vector<std::string>{"----output-paths", "/o/a"}));
}

}  // namespace
}  // namespace hydra_adapt
