#include "hydra_config/composition.h"

#include <gtest/gtest.h>

#include <map>

#include "adapt_error.h"
#include "hydra_config/hydra_config.h"
#include "report/shell_quote.h"

namespace hydra_adapt {
namespace {

// What the app of tests/e2e/apps/compose_tree prints with --cfg all, cut to what matters here.
const char* const kVit =
    "hydra: {runtime: {choices: {model: vit, optimizer: null, hydra/launcher: basic}}}\n"
    "model: {name: vit, patch: 16, width: 64}\n"
    "seed: 1\n";
const char* const kResnet =
    "hydra: {runtime: {choices: {model: resnet, model/backbone: r50, optimizer: null}}}\n"
    "model: {name: resnet, depth: 50, width: wide, backbone: {layers: 50}}\n"
    "seed: 1\n";
const char* const kResnet101 =
    "hydra: {runtime: {choices: {model: resnet, model/backbone: r101, optimizer: null}}}\n"
    "model: {name: resnet, depth: 50, width: wide, backbone: {layers: 101, dilation: 1}}\n"
    "seed: 1\n";
const char* const kOther =
    "hydra: {runtime: {choices: {data: mnist}}}\n"
    "data: {classes: 10}\n"
    "steps: 5\n";

// The program as a table: each whole command, shell-joined, to what it prints; every command
// that ran, in order.
struct FakeProgram {
  std::map<std::string, ConfigRunResult> outputs;
  std::vector<std::string> ran;

  ConfigRun run() {
    return [this](const std::vector<std::string>& command) {
      ran.push_back(shell_join(command));
      const auto found = outputs.find(ran.back());
      if (found != outputs.end()) return found->second;
      ConfigRunResult failed;
      failed.failure = "failed with exit status 1";
      failed.error_output = "no such command in the test's table: " + ran.back() + "\n";
      return failed;
    };
  }
  void prints(const std::string& command, const char* config) { outputs[command] = {true, config, "", ""}; }
};

ProgramSplit job(std::vector<std::string> incoming, std::vector<std::string> program = {"python3", "main.py"}) {
  return {std::move(program), std::move(incoming), SplitRule::kFirstFlag};
}

std::shared_ptr<const ConfigMatcher> file(const char* text) {
  return std::make_shared<const ConfigMatcher>(parse_hydra_config(text, "cfg.yaml"));
}

std::vector<std::string> shown(const ComposedConfig& composed) {
  std::vector<std::string> commands;
  for (const auto& command : composed.commands) commands.push_back(shell_join(command));
  return commands;
}

using Commands = std::vector<std::string>;

TEST(Composition, AFileWithNoChoiceIsTheConfigAndNothingRuns) {
  FakeProgram program;
  const auto vit = file(kVit);
  const ComposedConfig composed = compose_job_config(job({"--seed", "3", "--patch", "8"}), {}, vit, program.run());
  EXPECT_EQ(composed.config, vit);
  EXPECT_TRUE(composed.commands.empty());
  EXPECT_TRUE(program.ran.empty());
}

TEST(Composition, OneChoiceRunsOnceWithAFile) {
  FakeProgram program;
  program.prints("python3 main.py 'model='\\''resnet'\\''' --cfg all", kResnet);
  const ComposedConfig composed =
      compose_job_config(job({"--depth", "101", "--model=resnet"}), {}, file(kVit), program.run());
  EXPECT_EQ(program.ran.size(), 1u);
  EXPECT_EQ(shown(composed), program.ran);
  EXPECT_EQ(composed.config->match("depth").targets.front().key, "model.depth");
}

TEST(Composition, WithoutAFileTheJobsWordsComposeFirst) {
  FakeProgram program;
  program.prints("python3 main.py seed=2 --cfg all", kVit);
  program.prints("python3 main.py seed=2 'model='\\''resnet'\\''' --cfg all", kResnet);
  compose_job_config(job({"seed=2", "--model", "resnet"}), {}, nullptr, program.run());
  EXPECT_EQ(program.ran, (Commands{"python3 main.py seed=2 --cfg all",
                                   "python3 main.py seed=2 'model='\\''resnet'\\''' --cfg all"}));
}

TEST(Composition, ANestedGroupARunRevealsRunsOnceMore) {
  FakeProgram program;
  program.prints("python3 main.py 'model='\\''resnet'\\''' --cfg all", kResnet);
  program.prints("python3 main.py 'model='\\''resnet'\\''' 'model/backbone='\\''r101'\\''' --cfg all", kResnet101);
  const ComposedConfig composed = compose_job_config(
      job({"--model", "resnet", "--model.backbone", "r101", "--dilation", "2"}), {}, file(kVit), program.run());
  EXPECT_EQ(program.ran.size(), 2u);
  EXPECT_EQ(composed.config->match("dilation").targets.front().key, "model.backbone.dilation");
}

TEST(Composition, AConfigNameFlagComposesAnotherTreeFirstAndGoesBeforeTheOverrides) {
  FakeProgram program;
  program.prints("python3 main.py --config-name other steps=9 --cfg all", kOther);
  const ComposedConfig composed =
      compose_job_config(job({"steps=9", "--config-name", "other", "--classes", "3"}), {}, file(kVit), program.run());
  EXPECT_EQ(program.ran, Commands{"python3 main.py --config-name other steps=9 --cfg all"});
  EXPECT_EQ(composed.config->match("classes").targets.front().key, "data.classes");
}

TEST(Composition, AnOverrideAmongTheProgramsWordsComposesOnce) {
  FakeProgram program;
  program.prints("python3 main.py model=resnet --cfg all", kResnet);
  compose_job_config(job({"--depth", "1"}, {"python3", "main.py", "model=resnet"}), {}, file(kVit), program.run());
  EXPECT_EQ(program.ran, Commands{"python3 main.py model=resnet --cfg all"});
}

TEST(Composition, HydrasOtherFlagsAndValueFlagsChangeNothing) {
  FakeProgram program;
  compose_job_config(job({"--multirun", "--cfg", "job", "--patch", "8"}), {}, file(kVit), program.run());
  EXPECT_TRUE(program.ran.empty());
}

TEST(Composition, ADeclaredFlagChoosesByItsKey) {
  FakeProgram program;
  program.prints("python3 main.py 'model='\\''resnet'\\''' --cfg all", kResnet);
  Schema declared;
  FlagSpec model;
  model.name = "model";
  model.key = "model_name";
  FlagSpec arch;
  arch.name = "arch";
  arch.key = "model";
  declared.flags = {model, arch};
  compose_job_config(job({"--model", "vit"}), declared, file(kVit), program.run());
  EXPECT_TRUE(program.ran.empty());
  compose_job_config(job({"--arch", "resnet"}), declared, file(kVit), program.run());
  EXPECT_EQ(program.ran.size(), 1u);
}

TEST(Composition, AFailureNamesTheFlagTheStatusAndHydrasError) {
  FakeProgram program;
  program.outputs["python3 main.py 'model='\\''foo'\\''' --cfg all"] = {
      false, "", "failed with exit status 1",
      "In 'config': Could not find 'model/foo'\n\nAvailable options in 'model':\n\tresnet\n\tvit\n"
      "Config search path:\n\tprovider=hydra, path=pkg://hydra.conf\n\n"
      "Set the environment variable HYDRA_FULL_ERROR=1 for a complete stack trace.\n"};
  try {
    compose_job_config(job({"--model", "foo"}), {}, file(kVit), program.run());
    FAIL() << "no error";
  } catch (const AdaptError& error) {
    EXPECT_EQ(std::string(error.what()),
              "--model foo: the app's config cannot be composed: python3 main.py 'model='\\''foo'\\''' --cfg all "
              "failed with exit status 1: In 'config': Could not find 'model/foo'; Available options in 'model': "
              "resnet, vit; choose an option the group has");
    EXPECT_EQ(error.exit_status(), 2);
  }
}

TEST(Composition, NoConfigPrintedNamesTheWords) {
  FakeProgram program;
  program.prints("python3 main.py seed=2 --cfg all", "");
  try {
    compose_job_config(job({"seed=2"}), {}, nullptr, program.run());
    FAIL() << "no error";
  } catch (const AdaptError& error) {
    EXPECT_EQ(
        std::string(error.what()).rfind("the job's Hydra words: the output of python3 main.py seed=2 --cfg all", 0), 0u)
        << error.what();
  }
}

// A W&B sweep's parameter, typed as the parameter file holds it.
PlatformValue sweep_value(const std::string& name, std::string text, std::string json) {
  return {name, std::move(text), "WANDB_SWEEP_PARAM_PATH:" + name, std::move(json)};
}

TEST(Composition, APlatformValueChoosesAsAFlagDoesAndWinsOverTheFlagOfItsName) {
  FakeProgram program;
  program.prints("python3 main.py 'model='\\''resnet'\\''' --cfg all", kResnet);
  const ComposedConfig composed = compose_job_config(job({"--model", "vit", "--depth", "101"}), {}, file(kVit),
                                                     program.run(), {sweep_value("model", "resnet", "\"resnet\"")});
  EXPECT_EQ(program.ran, Commands{"python3 main.py 'model='\\''resnet'\\''' --cfg all"});
  EXPECT_EQ(composed.config->match("depth").targets.front().key, "model.depth");
}

TEST(Composition, APlatformListDictOrNullNamesNoOption) {
  FakeProgram program;
  for (const char* json : {"[\"resnet\"]", "{\"name\": \"resnet\"}", "null"}) {
    compose_job_config(job({}), {}, file(kVit), program.run(), {sweep_value("model", json, json)});
  }
  EXPECT_TRUE(program.ran.empty());
}

TEST(Composition, AFailureNamesThePlatformValueByItsOrigin) {
  FakeProgram program;
  try {
    compose_job_config(job({}), {}, file(kVit), program.run(), {sweep_value("model", "foo", "\"foo\"")});
    FAIL() << "no error";
  } catch (const AdaptError& error) {
    EXPECT_EQ(std::string(error.what())
                  .rfind("WANDB_SWEEP_PARAM_PATH:model: the app's config cannot be composed: "
                         "python3 main.py 'model='\\''foo'\\''' --cfg all failed",
                         0),
              0u)
        << error.what();
  }
}

TEST(HydraErrorLine, ThePythonErrorEndsATraceback) {
  EXPECT_EQ(hydra_error_line("Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n"
                             "    import torch\nModuleNotFoundError: No module named 'torch'\n"),
            "ModuleNotFoundError: No module named 'torch'");
  EXPECT_EQ(hydra_error_line(""), "");
}

}  // namespace
}  // namespace hydra_adapt
