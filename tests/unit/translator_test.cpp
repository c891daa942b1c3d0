#include "translate/translator.h"

#include <gtest/gtest.h>

#include "adapt_error.h"
#include "schema/schema_yaml.h"

namespace hydra_adapt {
namespace {

using Words = std::vector<std::string>;

const Schema kSchema = parse_schema_yaml(
    "flags:\n"
    "  lr: {key: optimizer.lr, type: float}\n"
    "  epochs: {key: trainer.max_epochs, type: int}\n"
    "  data-path: {key: data.path, type: path}\n"
    "  model-out: {key: output.model, type: output_path}\n"
    "  use-gpu: {key: trainer.gpu, type: bool}\n"
    "  params: {key: model.params, type: json}\n"
    "  api-key: {key: secrets.key, secret: true}\n"
    "  version: {key: model.version}\n",
    "test");

Words final_words(const Schema& schema, const Words& incoming, UnknownPolicy unknown = UnknownPolicy::kError) {
  ProgramSplit split{{"python3", "main.py"}, incoming, SplitRule::kFirstFlag};
  const Translation translation = translate(schema, split, unknown);
  return Words(translation.argv.begin() + 2, translation.argv.end());
}

std::string error_of(const Schema& schema, const Words& incoming, UnknownPolicy unknown = UnknownPolicy::kError) {
  try {
    final_words(schema, incoming, unknown);
  } catch (const AdaptError& error) {
    return error.what();
  }
  return "";
}

TEST(Translate, MapsTheIssueExample) {
  EXPECT_EQ(final_words(kSchema, {"--lr", "0.01", "--data-path", "/gcs/b/train.csv", "--epochs=3"}),
            (Words{"optimizer.lr=0.01", "data.path='/gcs/b/train.csv'", "trainer.max_epochs=3"}));
}

TEST(Translate, KeepsProgramWordsAndPassesOverridesAndHydraFlags) {
  ProgramSplit split{
      {"torchrun", "--nproc_per_node=8", "main.py"}, {"-m", "x=1", "--lr", "1"}, SplitRule::kSecondDashDash};
  const Translation translation = translate(kSchema, split, UnknownPolicy::kError);
  EXPECT_EQ(translation.argv, (Words{"torchrun", "--nproc_per_node=8", "main.py", "-m", "x=1", "optimizer.lr=1.0"}));
  ASSERT_EQ(translation.mappings.size(), 3u);
  EXPECT_EQ(translation.mappings[2].first_word, 5u);
}

TEST(Translate, PutsHydraFlagsBeforeAllOverrides) {
  const Translation translation = translate(
      kSchema, {{"p"}, {"--lr", "1", "-cn", "other", "x=1", "--cfg", "job", "--epochs", "2"}, SplitRule::kFirstFlag},
      UnknownPolicy::kError);
  EXPECT_EQ(translation.argv,
            (Words{"p", "-cn", "other", "--cfg", "job", "optimizer.lr=1.0", "x=1", "trainer.max_epochs=2"}));
  ASSERT_EQ(translation.mappings.size(), 5u);
  EXPECT_EQ(translation.mappings[0].incoming, "-cn");
  EXPECT_EQ(translation.mappings[2].first_word, 5u);
  EXPECT_EQ(final_words(kSchema, {"--info", "--lr", "1", "--info=config", "-i", "all"}),
            (Words{"--info=config", "-i", "all", "optimizer.lr=1.0", "--info"}));
}

TEST(Translate, AJsonObjectReplacesTheDictAtItsKey) {
  EXPECT_EQ(final_words(kSchema, {"--params", R"({"a": 1})"}), (Words{"model.params=null", "model.params={a: 1}"}));
  EXPECT_EQ(final_words(kSchema, {"--params", "[1]"}), Words{"model.params=[1]"});
  const Schema added = parse_schema_yaml("flags: {p: {key: +a.b, type: json}, q: {key: ++c, type: json}}", "test");
  EXPECT_EQ(final_words(added, {"--p", "{}", "--q", "{}"}), (Words{"+a.b={}", "++c=null", "++c={}"}));
}

TEST(Translate, BareBoolIsTrueAndOtherBareFlagsAreMissingValues) {
  EXPECT_EQ(final_words(kSchema, {"--use-gpu", "--lr", "1"}), (Words{"trainer.gpu=true", "optimizer.lr=1.0"}));
  EXPECT_EQ(error_of(kSchema, {"--lr"}), "--lr: missing value; write --lr VALUE or --lr=VALUE (type float)");
}

TEST(Translate, DeclaredFlagWinsOverHydraVersion) {
  EXPECT_EQ(final_words(kSchema, {"--version", "2"}), Words{"model.version='2'"});
}

TEST(Translate, NamesFlagValueAndTypeOfAWrongValue) {
  EXPECT_EQ(error_of(kSchema, {"--epochs", "ten"}),
            "--epochs: the value 'ten' is not an int (a whole number such as 10, or 256.0); fix the value or the "
            "flag's type in the schema");
}

TEST(Translate, NeverShowsASecretValue) {
  const Schema schema = parse_schema_yaml("flags: {token: {type: int, secret: true}}", "test");
  const std::string error = error_of(schema, {"--token", "hunter2"});
  EXPECT_NE(error.find("(secret, not shown)"), std::string::npos);
  EXPECT_EQ(error.find("hunter2"), std::string::npos);
  const Schema json_schema = parse_schema_yaml("flags: {token: {type: json, secret: true}}", "test");
  EXPECT_EQ(error_of(json_schema, {"--token", R"({"hunter2é": 1})"}).find("hunter2"), std::string::npos);
}

// Found by the secrets test: an unsubstituted placeholder in a secret flag was quoted in full.
TEST(Translate, NeverShowsASecretPlaceholder) {
  const std::string error = error_of(kSchema, {"--api-key", "{{$.inputs.parameters['key']}}hunter2"});
  EXPECT_NE(error.find("--api-key: (secret, not shown) is a pipeline placeholder"), std::string::npos) << error;
  EXPECT_EQ(error.find("hunter2"), std::string::npos);
}

TEST(Translate, UnknownFlagsFollowThePolicy) {
  EXPECT_EQ(
      error_of(kSchema, {"--lrr", "1"}).rfind("unknown flag --lrr (did you mean --lr?); known flags: --lr --epochs", 0),
      0u);
  EXPECT_EQ(final_words(kSchema, {"--other", "x y", "--n=1"}, UnknownPolicy::kPass),
            (Words{"--other", "x y", "--n=1"}));
  EXPECT_EQ(final_words(kSchema, {"--batch-size", "32", "--name", "a b", "--fast"}, UnknownPolicy::kAuto),
            (Words{"batch_size=32", "name='a b'", "fast=true"}));
  EXPECT_NE(error_of(kSchema, {"--1x", "1"}, UnknownPolicy::kAuto).find("not a Hydra key"), std::string::npos);
}

TEST(Translate, AKeyFollowsArgparsesDestRule) {
  // kfp's function-based components pass outputs as `----output-paths`; argparse's dest is output_paths.
  EXPECT_EQ(final_words(kSchema, {"----output-paths", "/o/a"}, UnknownPolicy::kAuto), Words{"output_paths='/o/a'"});
  // A schema names that flag without dashes, as `schema --component` prints it (issue 17).
  const Schema declared =
      parse_schema_yaml("flags:\n  output-paths: {key: out, type: output_path, required: true}\n", "s");
  EXPECT_EQ(final_words(declared, {"----output-paths", "/o/a"}), Words{"out='/o/a'"});
}

TEST(Translate, CollectsOutputFolders) {
  const Translation translation = translate(
      kSchema, {{"p"}, {"--model-out", "/tmp/a/b/model.pkl", "--model-out", "gs://b/m"}, SplitRule::kFirstFlag},
      UnknownPolicy::kError);
  ASSERT_EQ(translation.folders.size(), 1u);
  EXPECT_EQ(translation.folders[0].folder, "/tmp/a/b");
  EXPECT_EQ(translation.folders[0].flags, Words{"--model-out"});
}

TEST(Translate, ListsAFolderOnceWithEveryFlagThatNeedsIt) {
  const Schema schema = parse_schema_yaml(
      "flags: {model: {type: output_path}, metrics: {type: output_path}, outs: {type: [output_path, output_path]}, "
      "log: {type: output_path, secret: true}}",
      "test");
  const Translation translation =
      translate(schema,
                {{"p"},
                 {"--model", "/o/m", "--outs", "/o/a", "/x/b", "--metrics", "/o/x.json", "--log", "/x/log"},
                 SplitRule::kFirstFlag},
                UnknownPolicy::kError);
  ASSERT_EQ(translation.folders.size(), 2u);
  EXPECT_EQ(translation.folders[0].folder, "/o");
  EXPECT_EQ(translation.folders[0].flags, (Words{"--model", "--outs", "--metrics"}));
  EXPECT_FALSE(translation.folders[0].secret);
  EXPECT_EQ(translation.folders[1].folder, "/x");
  EXPECT_EQ(translation.folders[1].flags, (Words{"--outs", "--log"}));
  EXPECT_TRUE(translation.folders[1].secret) << "a secret value's folder is shown nowhere";
}

TEST(Translate, RefusesUnsubstitutedPlaceholders) {
  for (const Words& incoming : {Words{"--lr", "{{$.inputs.parameters['lr']}}"}, Words{"--params={{$}}"},
                                Words{"--params", R"({"Concat": ["a"]})"}, Words{"lr={{$.inputs.parameters['lr']}}"}}) {
    EXPECT_NE(error_of(kSchema, incoming).find("did not substitute"), std::string::npos) << incoming.back();
  }
}

TEST(Translate, RefusesMissingRequiredFlags) {
  const Schema schema = parse_schema_yaml("flags: {epochs: {type: int, required: true}}", "test");
  EXPECT_EQ(error_of(schema, {}), "missing required flag --epochs (for epochs); the args must include --epochs VALUE");
  EXPECT_EQ(final_words(schema, {"--epochs", "2"}), Words{"epochs=2"});
}

TEST(Translate, RefusesAWordTheKernelWouldRefuse) {
  const std::string error = error_of(kSchema, {"--data-path", std::string(131072, 'x')});
  EXPECT_EQ(error.rfind("--data-path: the command-line word it becomes is", 0), 0u) << error;
  EXPECT_EQ(final_words(kSchema, {"--data-path", std::string(131058, 'x')}).front().size(), 131070u);
  // Found by the bad-input catalogue: a word of exactly 131072 bytes with its NUL passes
  // execve, and was refused.
  EXPECT_EQ(final_words(kSchema, {"--data-path", std::string(131059, 'x')}).front().size(), 131071u);
  EXPECT_NE(error_of(kSchema, {"--data-path", std::string(131060, 'x')}).find("is 131073 bytes with its NUL"),
            std::string::npos);
}

TEST(Translate, AFlagWithSeveralValuesGetsATypedList) {
  const Schema schema =
      parse_schema_yaml("flags: {outs: {type: [output_path, output_path]}, dims: {type: [int, float]}}", "test");
  const Translation translation =
      translate(schema, {{"p"}, {"--outs", "/tmp/a/x", "/tmp/b/y", "--dims=256.0", "1e-05"}, SplitRule::kFirstFlag},
                UnknownPolicy::kError);
  EXPECT_EQ(translation.argv, (Words{"p", "outs=['/tmp/a/x', '/tmp/b/y']", "dims=[256, 1e-05]"}));
  ASSERT_EQ(translation.folders.size(), 2u);
  EXPECT_EQ(translation.folders[1].folder, "/tmp/b");
  EXPECT_EQ(translation.mappings[0].type, "[output_path, output_path]");
  EXPECT_EQ(error_of(schema, {"--outs", "/a", "--dims", "1", "2"}),
            "--outs: takes 2 values [output_path, output_path], got 1; write --outs VALUE1 VALUE2 ...");
  EXPECT_NE(error_of(schema, {"--dims", "1", "x"}).find("'x' is not a float"), std::string::npos);
  const Translation shared = translate(
      schema, {{"p"}, {"--outs", "/o/x", "/o/y", "--dims", "1", "2"}, SplitRule::kFirstFlag}, UnknownPolicy::kError);
  ASSERT_EQ(shared.folders.size(), 1u);
  EXPECT_EQ(shared.folders[0].folder, "/o");
}

TEST(Translate, AnEmptyValueOfANullableTypedFlagIsNull) {
  const Schema schema = parse_schema_yaml(
      "flags: {lr: {type: float, nullable: true}, n: {type: int}, name: {nullable: true}, "
      "pair: {type: [int, json], nullable: true}}",
      "test");
  EXPECT_EQ(final_words(schema, {"--lr", "", "--n", "1", "--name", "", "--pair", "", ""}),
            (Words{"lr=null", "n=1", "name=''", "pair=[null, null]"}));
  EXPECT_NE(error_of(schema, {"--n", ""}).find("--n: the value '' is not an int"), std::string::npos);
}

const Schema kEnvSchema = parse_schema_yaml(
    "flags:\n"
    "  model-dir: {key: output.model_dir, type: path}\n"
    "env:\n"
    "  AIP_MODEL_DIR: {key: output.model_dir, type: path, gcs_fuse: true}\n"
    "  AIP_CHECKPOINT_DIR: {key: output.checkpoints, type: output_path}\n"
    "  AIP_TENSORBOARD_LOG_DIR: {key: output.logs, type: path, gcs_fuse: true}\n"
    "  TRIAL: {key: +trial, type: int}\n"
    "  TOKEN: {key: secrets.token, secret: true, type: int}\n",
    "test");

Translation translate_with(const Environment& environment, const Words& incoming = {}) {
  return translate(kEnvSchema, {{"p"}, incoming, SplitRule::kFirstFlag}, UnknownPolicy::kError, environment);
}

TEST(TranslateEnvironment, MapsTheVariablesThatAreSetInDeclarationOrder) {
  const Translation translation = translate_with({{"TRIAL", "3"},
                                                  {"AIP_MODEL_DIR", "gs://b/run 1/model/"},
                                                  {"AIP_TENSORBOARD_LOG_DIR", "/local/logs"},
                                                  {"HOME", "/root"}});
  EXPECT_EQ(translation.argv,
            (Words{"p", "output.model_dir='/gcs/b/run 1/model/'", "output.logs='/local/logs'", "+trial=3"}));
  ASSERT_EQ(translation.mappings.size(), 3u);
  EXPECT_EQ(translation.mappings[0].origin, Mapping::Origin::kEnv);
  EXPECT_EQ(translation.mappings[0].incoming, "$AIP_MODEL_DIR");
  EXPECT_EQ(translation.mappings[0].key, "output.model_dir");
  EXPECT_EQ(translation.mappings[0].type, "path");
  EXPECT_EQ(origin_name(Mapping::Origin::kEnv), "env");
}

TEST(TranslateEnvironment, SkipsUnsetAndEmptyVariables) {
  EXPECT_EQ(translate_with({}).argv, (Words{"p"}));
  EXPECT_EQ(translate_with({{"AIP_MODEL_DIR", ""}, {"TRIAL", ""}}).argv, (Words{"p"}));
}

TEST(TranslateEnvironment, KeepsGcsUrisWithoutFuseAndCreatesOutputFolders) {
  const Translation translation = translate_with({{"AIP_CHECKPOINT_DIR", "/tmp/job/ckpt/last"}});
  EXPECT_EQ(translation.argv, (Words{"p", "output.checkpoints='/tmp/job/ckpt/last'"}));
  ASSERT_EQ(translation.folders.size(), 1u);
  EXPECT_EQ(translation.folders[0].flags, Words{"$AIP_CHECKPOINT_DIR"});
  EXPECT_EQ(translation.folders[0].folder, "/tmp/job/ckpt");
  EXPECT_EQ(translate_with({{"AIP_CHECKPOINT_DIR", "gs://b/ckpt/last"}}).argv,
            (Words{"p", "output.checkpoints='gs://b/ckpt/last'"}));
  EXPECT_TRUE(translate_with({{"AIP_CHECKPOINT_DIR", "gs://b/ckpt/last"}}).folders.empty());
}

TEST(TranslateEnvironment, AFlagForTheSameKeyComesLaterAndSoWins) {
  EXPECT_EQ(translate_with({{"AIP_MODEL_DIR", "gs://b/m"}}, {"--model-dir", "/x"}).argv,
            (Words{"p", "output.model_dir='/gcs/b/m'", "output.model_dir='/x'"}));
}

TEST(TranslateEnvironment, AMistypedValueNamesTheVariableAndHidesASecret) {
  std::string message;
  try {
    translate_with({{"TRIAL", "three"}});
  } catch (const AdaptError& error) {
    message = error.what();
  }
  EXPECT_NE(message.find("$TRIAL: the value 'three'"), std::string::npos) << message;
  EXPECT_NE(message.find("the variable's type in the schema"), std::string::npos) << message;
  try {
    translate_with({{"TOKEN", "s3cr3t"}});
  } catch (const AdaptError& error) {
    message = error.what();
  }
  EXPECT_EQ(message.find("s3cr3t"), std::string::npos) << message;
  EXPECT_NE(message.find("$TOKEN"), std::string::npos) << message;
}

Translation translate_platform(const Words& incoming, const PlatformValueSource& platform,
                               UnknownPolicy unknown = UnknownPolicy::kError) {
  return translate(kSchema, {{"p"}, incoming, SplitRule::kFirstFlag}, unknown, {}, platform);
}

TEST(TranslatePlatformValues, ReachTheFlagsOfTheirNamesAndWinOverTheCommandLine) {
  const PlatformValueSource platform{{{"lr", "1e-05", "SM_HPS:lr"}, {"params", R"({"a": [1, "x"]})", "SM_HPS:params"}},
                                     ""};
  const Translation translation =
      translate_platform({"--lr", "1e-5", "--epochs", "3", "--params", "a=[1, 'x']"}, platform);
  EXPECT_EQ(translation.argv, (Words{"p", "trainer.max_epochs=3", "optimizer.lr=1e-05", "model.params=null",
                                     "model.params={a: [1, 'x']}"}));
  ASSERT_EQ(translation.mappings.size(), 3u);
  EXPECT_EQ(translation.mappings[0].incoming, "--epochs");
  EXPECT_EQ(translation.mappings[1].incoming, "SM_HPS:lr");
  EXPECT_EQ(translation.mappings[2].incoming, "SM_HPS:params");
}

TEST(TranslatePlatformValues, GoThroughZeroConfigAndNameTheirOriginInErrors) {
  const PlatformValueSource platform{{{"name", "a b", "hyperparameters.json:name"}}, ""};
  EXPECT_EQ(translate_platform({}, platform, UnknownPolicy::kAuto).argv, (Words{"p", "name='a b'"}));
  const PlatformValueSource undeclared{{{"lrr", "1", "SM_HPS:lrr"}}, ""};
  try {
    translate_platform({}, undeclared);
    ADD_FAILURE();
  } catch (const AdaptError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("SM_HPS:lrr: unknown flag --lrr (did you mean --lr?)", 0), 0u)
        << error.what();
  }
  const PlatformValueSource mistyped{{{"epochs", "ten", "SM_HPS:epochs"}}, ""};
  try {
    translate_platform({}, mistyped);
    ADD_FAILURE();
  } catch (const AdaptError& error) {
    EXPECT_EQ(std::string(error.what()).rfind("SM_HPS:epochs: the value 'ten'", 0), 0u) << error.what();
  }
}

TEST(TranslatePlatformValues, TheNoteOnTheCommandLinesRenderingJoinsAJsonError) {
  const PlatformValueSource platform{{{"epochs", "3", "SM_HPS:epochs"}}, "NOTE"};
  std::string message;
  try {
    translate_platform({"--params", "['a', 'b']"}, platform);
  } catch (const AdaptError& error) {
    message = error.what();
  }
  EXPECT_NE(message.find("--params: the value"), std::string::npos) << message;
  EXPECT_NE(message.find("; NOTE"), std::string::npos) << message;
  try {
    translate_platform({"--epochs", "x", "--lr", "fast"}, platform);
  } catch (const AdaptError& error) {
    message = error.what();
  }
  EXPECT_EQ(message.find("NOTE"), std::string::npos) << message;
}

}  // namespace
}  // namespace hydra_adapt
