#include "cli/schema_command.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <string>

#include "adapt_error.h"
#include "cli/logging.h"
#include "hydra_config/hydra_config_file.h"
#include "hydra_config/hydra_config_from_program.h"
#include "options/option_parser.h"
#include "options/source_options.h"
#include "options/tool_options.h"
#include "platform/process_variable.h"
#include "schema/schema_emit.h"
#include "schema/schema_merge.h"
#include "sources/mapping_sources.h"

namespace hydra_adapt {
namespace po = boost::program_options;
namespace {

constexpr const char* kUsage =
    "usage: hydra-adapt schema --component FILE [--component-executor NAME] [--schema FILE]\n"
    "       hydra-adapt schema --hydra-config FILE [--component FILE] [--schema FILE]\n"
    "       hydra-adapt schema --from-program [--component FILE] [--schema FILE] -- PROGRAM [WORDS...]\n\n"
    "Prints the schema a Kubeflow Pipelines component spec or the app's own Hydra config\n"
    "implies, as YAML for --schema: with a config, one entry for each config group and each\n"
    "leaf a flag can reach (or, with --component, the spec's flags keyed and typed by the\n"
    "config), and the names that could mean several keys as comments. --schema's entries win.\n\n"
    "Options";

std::string ambiguous_comments(const std::vector<AmbiguousName>& ambiguous) {
  if (ambiguous.empty()) return "";
  std::string comments =
      "# These names could mean several keys, so a flag of that name is refused; use a longer name\n"
      "# (a dotted suffix of the key) or add an entry with the key you mean:\n";
  for (const AmbiguousName& name : ambiguous) comments += "#   " + name.name + ": " + name.keys + "\n";
  return comments;
}

}  // namespace

int run_schema_command(int argc, const char* const* argv) {
  po::options_description options(kUsage);
  add_source_options(options, false);
  options.add_options()                                                                            //
      ("from-program", "run PROGRAM WORDS --cfg all (the words after '--') for the app's config")  //
      ("help,h", "print this help");
  const SubcommandWords words = split_subcommand_words(argc, argv);
  const po::variables_map values = parse_option_words(options, words.own, "hydra-adapt schema --help");
  if (values.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  const MappingSources sources = read_source_options(values);
  const bool from_program = values.count("from-program") > 0;
  if (from_program && sources.hydra_config_path) {
    throw AdaptError("hydra-adapt schema: give --hydra-config FILE or --from-program, not both");
  }
  if (words.program && !from_program) {
    throw AdaptError("hydra-adapt schema: words after '--' are the program for --from-program; add --from-program");
  }
  if (!sources.component_path && !sources.hydra_config_path && !from_program) {
    throw AdaptError("hydra-adapt schema needs --component FILE, --hydra-config FILE or --from-program -- PROGRAM");
  }

  std::string described = sources.component_path.value_or("");
  std::shared_ptr<const ConfigMatcher> config;
  if (from_program) {
    const ConfigRunLimits limits{compose_timeout_seconds(std::nullopt, process_variable), ::getpid() == 1};
    config = hydra_config_from_program(words.program.value_or(std::vector<std::string>{}), limits);
  } else if (sources.hydra_config_path) {
    config = load_hydra_config_file(*sources.hydra_config_path);
  }
  ConfigFlags printed = declared_mappings(read_declared_files(sources), config.get());
  if (config && !sources.component_path) {
    ConfigFlags implied = implied_flags(*config);
    printed.schema = merge_schemas(printed.schema, implied.schema);
    printed.ambiguous = std::move(implied.ambiguous);
  }
  if (sources.component_path && !config && printed.schema.flags.empty()) {
    // Still a schema, and still exit 0: the spec is valid, and an empty schema is the answer.
    set_up_logging("warn");
    spdlog::warn(
        "{}: the component passes no --flag args (its args may already be Hydra overrides, which hydra-adapt "
        "passes on unchanged), so the schema below maps nothing",
        *sources.component_path);
  }
  if (config) described += (described.empty() ? "" : " and ") + std::string("the app's Hydra config");
  std::cout << emit_schema_yaml(printed.schema,
                                "Derived by hydra-adapt from " + described + "; tune it and pass it with --schema.")
            << ambiguous_comments(printed.ambiguous);
  return 0;
}

}  // namespace hydra_adapt
