#include "cli/check_command.h"

#include <boost/program_options.hpp>
#include <cstdlib>
#include <cstring>
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
#include "sources/mapping_sources.h"
#include "yaml/yaml_source.h"

namespace hydra_adapt {
namespace po = boost::program_options;
namespace {

constexpr const char* kUsage =
    "usage: hydra-adapt check [--schema FILE] [--hydra-config FILE] SOURCES... [--format text|json]\n"
    "                         [-- PROGRAM [WORDS...]]\n\n"
    "Finds, before a job runs, what its platform will send that the run would refuse: each flag\n"
    "and each value a source can send (a default, a bound, a categorical value) goes through the\n"
    "mapping the run uses (--schema, --hydra-config FILE, or the config PROGRAM WORDS --cfg all\n"
    "prints), and each refusal is printed at the line of the source that causes it. A config\n"
    "value ??? that no source sets is a warning. Exit 0 without errors, 1 with, 2 when the check\n"
    "cannot run. Under GITHUB_ACTIONS=true each finding is also a workflow command. Here\n"
    "--component FILE is a source: its flags are checked against the mapping, not declared by it.\n\n"
    "Options";

std::vector<std::string> listed(const po::variables_map& values, const char* name) {
  return values.count(name) ? values[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

std::vector<SourceFlags> read_sources(const po::variables_map& values, const MappingSources& named) {
  std::vector<SourceFlags> sources;
  if (named.component_path) {
    const std::string& file = *named.component_path;
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

bool in_github_actions() {
  const char* value = std::getenv("GITHUB_ACTIONS");
  return value != nullptr && std::strcmp(value, "true") == 0;
}

}  // namespace

int run_check_command(int argc, const char* const* argv) {
  po::options_description options(kUsage);
  add_source_options(options, false);
  options.add_options()  //
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
  MappingSources mapping = read_source_options(values);
  const bool from_program = words.program.has_value();
  if (from_program && mapping.hydra_config_path) {
    throw AdaptError("hydra-adapt check: give --hydra-config FILE or -- PROGRAM, not both");
  }
  if (!from_program && !mapping.hydra_config_path && !mapping.schema_path) {
    throw AdaptError(
        "hydra-adapt check needs the mapping the run uses: --schema FILE, --hydra-config FILE or -- PROGRAM "
        "[WORDS...]");
  }
  const std::vector<SourceFlags> sources = read_sources(values, mapping);
  mapping.component_path.reset();  // a source here, not a mapping
  if (sources.empty()) {
    throw AdaptError("hydra-adapt check needs a source: --component FILE, --vertex-study FILE or --wandb-sweep FILE");
  }
  std::shared_ptr<const ConfigMatcher> config;
  if (from_program) config = hydra_config_from_program(*words.program);
  if (mapping.hydra_config_path) config = load_hydra_config_file(*mapping.hydra_config_path);

  const Schema schema = merged_mappings(mapping, config);
  std::vector<Finding> findings = check_sources(schema, unknown_policy(std::nullopt, mapping, schema), sources);
  if (config) {
    for (Finding& unset : unset_mandatory_keys(config->config(), schema, sources)) findings.push_back(std::move(unset));
  }
  CheckCount count{0, sources.size()};
  for (const SourceFlags& source : sources) count.flags += source.flags.size();
  if (in_github_actions()) std::cout << workflow_commands(findings);
  std::cout << (format == "json" ? findings_json(findings, count) : findings_text(findings, count));
  for (const Finding& finding : findings) {
    if (finding.severity == Finding::Severity::kError) return 1;
  }
  return 0;
}

}  // namespace hydra_adapt
