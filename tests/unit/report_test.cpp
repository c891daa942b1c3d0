#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/dry_run.h"
#include "report/shell_quote.h"
#include "schema/schema_yaml.h"

namespace hydra_adapt {
namespace {

Translation example() {
  const Schema schema = parse_schema_yaml(
      "flags: {lr: {key: optimizer.lr, type: float}, api-key: {key: secrets.key, secret: true}}", "t");
  return translate(schema,
                   {{"python3", "main.py"}, {"--lr", "1", "--api-key", "hunter2", "x=it's"}, SplitRule::kFirstFlag},
                   UnknownPolicy::kError);
}

TEST(ShellQuote, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(shell_quote("optimizer.lr=0.1"), "optimizer.lr=0.1");
  EXPECT_EQ(shell_quote(""), "''");
  EXPECT_EQ(shell_quote("it's"), R"('it'\''s')");
  EXPECT_EQ(shell_quote("a b$"), "'a b$'");
}

TEST(DryRun, MasksSecretsEverywhere) {
  const Translation translation = example();
  EXPECT_EQ(displayed_argv(translation)[3], "secrets.key=***");
  EXPECT_EQ(translation.argv[3], "secrets.key='hunter2'");
  EXPECT_EQ(dry_run_text(translation).find("hunter2"), std::string::npos);
  EXPECT_EQ(dry_run_json(translation).find("hunter2"), std::string::npos);
  EXPECT_EQ(describe_mapping(translation, translation.mappings[1]).find("hunter2"), std::string::npos);
}

// Found by the secrets test: a secret output_path's folder showed in both dry runs.
TEST(DryRun, MasksTheFolderOfASecretOutputPath) {
  const Schema schema = parse_schema_yaml("flags: {out: {type: output_path, secret: true}}", "t");
  const Translation translation =
      translate(schema, {{"p"}, {"--out", "/hunter2/model.pt"}, SplitRule::kFirstFlag}, UnknownPolicy::kError);
  ASSERT_EQ(translation.folders.size(), 1u);
  EXPECT_EQ(translation.folders[0].folder, "/hunter2");
  EXPECT_EQ(dry_run_text(translation).find("hunter2"), std::string::npos);
  EXPECT_EQ(dry_run_json(translation).find("hunter2"), std::string::npos);
  EXPECT_NE(dry_run_text(translation).find("folder to create: *** (for --out)"), std::string::npos);
}

TEST(DryRun, ListsAFolderOnceWithEveryFlagThatNeedsIt) {
  const Schema schema = parse_schema_yaml("flags: {model: {type: output_path}, metrics: {type: output_path}}", "t");
  const Translation translation = translate(
      schema, {{"p"}, {"--model", "/o/m.pt", "--metrics", "/o/x.json"}, SplitRule::kFirstFlag}, UnknownPolicy::kError);
  const std::string text = dry_run_text(translation);
  EXPECT_NE(text.find("\nfolder to create: /o (for --model, --metrics)\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("folder to create:"), text.rfind("folder to create:")) << text;
  const auto folders = nlohmann::json::parse(dry_run_json(translation))["folders"];
  EXPECT_EQ(folders, nlohmann::json::parse(R"([{"folder": "/o", "flags": ["--model", "--metrics"]}])"));
}

TEST(DryRun, JsonHasArgvAndMappings) {
  const auto report = nlohmann::json::parse(dry_run_json(example()));
  EXPECT_EQ(report["argv"],
            (std::vector<std::string>{"python3", "main.py", "optimizer.lr=1.0", "secrets.key=***", "x=it's"}));
  EXPECT_EQ(report["mappings"][0]["key"], "optimizer.lr");
  EXPECT_EQ(report["mappings"][0]["type"], "float");
  EXPECT_EQ(report["mappings"][2]["origin"], "override");
  EXPECT_EQ(report["split_rule"], "first-flag");
}

TEST(DryRun, TextEndsWithThePasteableCommand) {
  const std::string text = dry_run_text(example());
  EXPECT_NE(text.find("\ncommand:\npython3 main.py optimizer.lr=1.0 'secrets.key=***' 'x=it'\\''s'\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("--lr"), std::string::npos);
}

}  // namespace
}  // namespace hydra_adapt
