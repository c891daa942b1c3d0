// hydra-adapt's own options: the command line and the HYDRA_ADAPT_* variables, the command line
// winning option by option; the platform read before every other option; the PID 1 duty asked for.
#include "options/tool_options.h"

#include <gtest/gtest.h>

#include "adapt_error.h"
#include "options/option_parser.h"
#include "variable_table.h"

namespace hydra_adapt {
namespace {

using Words = std::vector<std::string>;

const VariableReader kNoVariables = variable_table({});

TEST(ToolOptions, SplitsTheOwnWordsFromTheProgramAtTheFirstDashDash) {
  const ToolOptions options =
      parse_tool_options({"--schema", "s.yaml", "--", "python3", "main.py", "--", "--lr", "1"}, kNoVariables);
  EXPECT_EQ(options.sources.schema_path, "s.yaml");
  EXPECT_EQ(options.after_dash_dash, (Words{"python3", "main.py", "--", "--lr", "1"}));
}

TEST(ToolOptions, TakesEachOptionFromItsVariableUnlessTheCommandLineGivesIt) {
  const VariableReader variables = variable_table({{"HYDRA_ADAPT_SCHEMA", "env.yaml"},
                                                   {"HYDRA_ADAPT_DRY_RUN", "json"},
                                                   {"HYDRA_ADAPT_UNKNOWN", "pass"},
                                                   {"HYDRA_ADAPT_PLATFORM", "sagemaker"},
                                                   {"HOME", "/root"}});
  const ToolOptions options = parse_tool_options({"--schema=cli.yaml", "--", "p"}, variables);
  EXPECT_EQ(options.sources.schema_path, "cli.yaml");
  EXPECT_EQ(options.dry_run, DryRunFormat::kJson);
  EXPECT_EQ(options.unknown, UnknownPolicy::kPass);
  EXPECT_EQ(options.platform, Platform::kSageMaker);
}

TEST(ToolOptions, RefusesBadValuesNamingTheOptionAndItsVariable) {
  EXPECT_THROW(parse_tool_options({"--bogus", "--", "p"}, kNoVariables), AdaptError);
  EXPECT_THROW(parse_tool_options({"--", "p"}, variable_table({{"HYDRA_ADAPT_LOG_LEVEL", "loud"}})), AdaptError);
  EXPECT_THROW(parse_tool_options({"--platform=vertex", "--", "p"}, kNoVariables), AdaptError);
  EXPECT_THROW(parse_tool_options({"--schema", "s.yaml"}, kNoVariables), AdaptError);  // no "--"
}

TEST(ToolOptions, ComponentExecutorNeedsAComponentExceptForHelp) {
  EXPECT_THROW(parse_tool_options({"--component-executor", "exec-train", "--", "p"}, kNoVariables), AdaptError);
  EXPECT_THROW(parse_tool_options({"--", "p"}, variable_table({{"HYDRA_ADAPT_COMPONENT_EXECUTOR", "exec-train"}})),
               AdaptError);
  EXPECT_TRUE(parse_tool_options({"--component-executor", "exec-train", "--help"}, kNoVariables).help);
  const ToolOptions options =
      parse_tool_options({"--component", "c.yaml", "--component-executor", "exec-train", "--", "p"}, kNoVariables);
  EXPECT_EQ(options.sources.component_executor, "exec-train");
}

TEST(RequestedPlatform, FromTheCommandLineElseTheVariableWhateverElseIsWrong) {
  const VariableReader sagemaker = variable_table({{"HYDRA_ADAPT_PLATFORM", "sagemaker"}});
  EXPECT_EQ(requested_platform({"--platform", "sagemaker", "--", "p"}, kNoVariables), Platform::kSageMaker);
  EXPECT_EQ(requested_platform({"--unknown=bogus", "--bogus", "--platform=sagemaker", "--", "p"}, kNoVariables),
            Platform::kSageMaker);
  EXPECT_EQ(requested_platform({"--bogus", "--", "p"}, sagemaker), Platform::kSageMaker);
  EXPECT_EQ(requested_platform({"--local_rank=1", "--platform=wandb", "--", "p"}, kNoVariables), Platform::kWandb);
  EXPECT_EQ(requested_platform({"--", "p"}, kNoVariables), Platform::kNone);
  EXPECT_EQ(requested_platform({"--platform=vertex", "--", "p"}, sagemaker), Platform::kNone);
  // The program's own words are not the tool's.
  EXPECT_EQ(requested_platform({"--", "p", "--platform", "sagemaker"}, kNoVariables), Platform::kNone);
}

TEST(InitChoice, EachOptionThatNeedsTheSupervisorTurnsItOn) {
  EXPECT_EQ(parse_tool_options({"--", "p"}, kNoVariables).init, std::nullopt);
  EXPECT_EQ(parse_tool_options({"--kill-group", "--", "p"}, kNoVariables).init, true);
  EXPECT_EQ(parse_tool_options({"--", "p"}, variable_table({{"HYDRA_ADAPT_REMAP_EXIT", "143"}})).init, true);
  EXPECT_EQ(parse_tool_options({"--no-init", "--", "p"}, variable_table({{"HYDRA_ADAPT_KILL_GROUP", "1"}})).init,
            false);
}

TEST(InitChoice, AnOptionOnTheCommandLineTakesTheVariablesSideEffectWithItsValue) {
  const ToolOptions options =
      parse_tool_options({"--kill-group=0", "--", "p"}, variable_table({{"HYDRA_ADAPT_KILL_GROUP", "1"}}));
  EXPECT_EQ(options.init, std::nullopt);
  EXPECT_FALSE(options.duty.kill_group);
  // Another variable that needs the supervisor still turns it on.
  const ToolOptions remapped = parse_tool_options(
      {"--kill-group=0", "--", "p"},
      variable_table({{"HYDRA_ADAPT_KILL_GROUP", "1"}, {"HYDRA_ADAPT_PARENT_DEATH_SIGNAL", "TERM"}}));
  EXPECT_EQ(remapped.init, true);
  EXPECT_FALSE(remapped.duty.kill_group);
}

TEST(InitChoice, OneSourceContradictingItselfIsRefused) {
  EXPECT_THROW(parse_tool_options({"--no-init", "--kill-group", "--", "p"}, kNoVariables), AdaptError);
  EXPECT_THROW(
      parse_tool_options({"--", "p"}, variable_table({{"HYDRA_ADAPT_INIT", "0"}, {"HYDRA_ADAPT_REMAP_EXIT", "143"}})),
      AdaptError);
}

TEST(SubcommandWords, SplitAtTheFirstDashDashAfterTheSubcommandsName) {
  const char* with_program[] = {"schema", "--from-program", "--", "python3", "main.py", "--", "x"};
  const SubcommandWords split = split_subcommand_words(7, with_program);
  EXPECT_EQ(split.own, (std::vector<std::string>{"--from-program"}));
  EXPECT_EQ(split.program, (std::vector<std::string>{"python3", "main.py", "--", "x"}));

  const char* without[] = {"check", "--schema", "s.yaml"};
  EXPECT_EQ(split_subcommand_words(3, without).own, (std::vector<std::string>{"--schema", "s.yaml"}));
  EXPECT_FALSE(split_subcommand_words(3, without).program);

  const char* empty_program[] = {"check", "--"};
  EXPECT_EQ(split_subcommand_words(2, empty_program).program, std::vector<std::string>{});
}

}  // namespace
}  // namespace hydra_adapt
