#include "cli/check_command.h"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "adapt_error.h"
#include "check/check_report.h"
#include "check/check_sources.h"
#include "check/component_sent_flags.h"
#include "check/vertex_study.h"
#include "check/wandb_sweep.h"
#include "hydra_config/hydra_config_file.h"
#include "hydra_config/hydra_config_from_program.h"
#include "options/option_parser.h"
#include "options/source_options.h"
#include "options/tool_options.h"
#include "platform/process_variable.h"
#include "sources/mapping_sources.h"
#include "supervision/config_run.h"
#include "yaml/yaml_source.h"

namespace hydra_adapt {
namespace po = boost::program_options;
namespace {

constexpr const char* kUsage =
    "usage: hydra-adapt check [--schema FILE] [--hydra-config FILE] [--compose] SOURCES...\n"
    "                         [--format text|json] [-- PROGRAM [WORDS...]]\n\n"
    "Finds, before a job runs, what its platform will send that the run would refuse: each flag\n"
    "and each value a source can send (a default, a bound, a categorical value) goes through the\n"
    "mapping the run uses (--schema, --hydra-config FILE, or the config PROGRAM WORDS --cfg all\n"
    "prints), and each refusal is printed at the line of the source that causes it. With\n"
    "PROGRAM, real Hydra also runs it with --cfg job and each flag's override, one value of each\n"
    "flag per run (never the task itself); with --compose, each combination of the options the\n"
    "sources choose for config groups is composed as the run composes it, and every flag sent\n"
    "with it must map there. A config value ??? that no source sets is a warning. Exit 0 without\n"
    "errors, 1 with, 2 when the check cannot run (127 or 126 when PROGRAM cannot be started).\n"
    "Under GITHUB_ACTIONS=true each finding is also\n"
    "a workflow command. Here --component FILE is a source: its flags are checked against the\n"
    "mapping, not declared by it. Each run of the program may take HYDRA_ADAPT_COMPOSE_TIMEOUT\n"
    "seconds (--compose-timeout; default 300).\n\n"
    "Options";

std::vector<std::string> listed(const po::variables_map& values, const char* name) {
  return values.count(name) ? values[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

std::vector<SourceFlags> read_sources(const po::variables_map& values, const MappingSources& named) {
  std::vector<SourceFlags> sources;
  for (const std::string& file : listed(values, "component")) {
    sources.push_back(
        component_sent_flags(read_text_file(file, "component", "--component"), file, named.component_executor));
  }
  for (const std::string& file : listed(values, "vertex-study")) {
    sources.push_back(vertex_study_flags(read_text_file(file, "study", "--vertex-study"), file));
  }
  for (const std::string& file : listed(values, "wandb-sweep")) {
    sources.push_back(wandb_sweep_flags(read_text_file(file, "sweep", "--wandb-sweep"), file));
  }
  return sources;
}

bool in_github_actions() { return process_variable("GITHUB_ACTIONS") == "true"; }

}  // namespace

int run_check_command(int argc, const char* const* argv) {
  po::options_description options(kUsage);
  add_source_options(options, false, ComponentRole::kSource);
  options.add_options()  //
      ("compose", po::bool_switch(),
       "compose each combination of the options the sources choose for config groups (as the run's --compose "
       "does), and check every flag sent with it against that config; needs -- PROGRAM")  //
      ("compose-timeout", po::value<std::string>()->value_name("SECONDS"),
       "how long each run of the program may take. Default: HYDRA_ADAPT_COMPOSE_TIMEOUT, else 300")  //
      ("unknown", po::value<std::string>()->value_name("error|pass|auto"),
       "what the run does with a flag no mapping declares, as its --unknown")  //
      ("vertex-study", po::value<std::vector<std::string>>()->value_name("FILE"),
       "a source: a Vertex AI hyperparameter tuning job (YAML or JSON): studySpec.parameters and the trials' "
       "fixed args")  //
      ("wandb-sweep", po::value<std::vector<std::string>>()->value_name("FILE"),
       "a source: a W&B sweep configuration: its parameters and the fixed args of its command")  //
      ("format", po::value<std::string>()->value_name("text|json")->default_value("text"),
       "text, one line per finding as a compiler prints them, or one JSON document")  //
      ("help,h", "print this help");
  const SubcommandWords words = split_subcommand_words(argc, argv);
  const po::variables_map values = parse_option_words(options, words.own, "hydra-adapt check --help");
  if (values.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  const std::string format = values["format"].as<std::string>();
  if (format != "text" && format != "json") {
    throw AdaptError("hydra-adapt check --format: '" + format + "' is not one of text, json");
  }
  const std::optional<std::string> timeout =
      values.count("compose-timeout") ? std::optional(values["compose-timeout"].as<std::string>()) : std::nullopt;
  const ConfigRunLimits limits{compose_timeout_seconds(timeout, process_variable), ::getpid() == 1};
  CheckedApp app;
  app.mapping = read_source_options(values, ComponentRole::kSource);
  if (values.count("unknown")) app.unknown = unknown_option(values["unknown"].as<std::string>());
  app.compose = values["compose"].as<bool>();
  if (words.program && words.program->empty()) {
    throw AdaptError("hydra-adapt check: '--' needs the program after it: -- PROGRAM [WORDS...]");
  }
  if (words.program) app.program = *words.program;
  if (words.program && app.mapping.hydra_config_path) {
    throw AdaptError("hydra-adapt check: give --hydra-config FILE or -- PROGRAM, not both");
  }
  if (!words.program && !app.mapping.hydra_config_path && !app.mapping.schema_path) {
    throw AdaptError(
        "hydra-adapt check needs the mapping the run uses: --schema FILE, --hydra-config FILE or -- PROGRAM "
        "[WORDS...]");
  }
  if (app.compose && !words.program) {
    throw AdaptError("hydra-adapt check --compose composes with the program: add -- PROGRAM [WORDS...]");
  }
  const std::vector<SourceFlags> sources = read_sources(values, app.mapping);
  if (sources.empty()) {
    throw AdaptError("hydra-adapt check needs a source: --component FILE, --vertex-study FILE or --wandb-sweep FILE");
  }
  app.run = [limits](const std::vector<std::string>& command) { return run_for_config(command, limits); };
  if (words.program) app.config = hydra_config_from_program(*words.program, limits);
  if (app.mapping.hydra_config_path) app.config = load_hydra_config_file(*app.mapping.hydra_config_path);

  const CheckResult result = check_sources(app, sources);
  const std::vector<Finding>& findings = result.findings;
  CheckCount count{0, sources.size(), result.program_starts + (words.program ? 1 : 0)};
  for (const SourceFlags& source : sources) count.flags += source.flags.size();
  if (in_github_actions()) std::cout << workflow_commands(findings);
  std::cout << (format == "json" ? findings_json(findings, count) : findings_text(findings, count));
  for (const Finding& finding : findings) {
    if (finding.severity == Finding::Severity::kError) return 1;
  }
  return 0;
}

}  // namespace hydra_adapt
