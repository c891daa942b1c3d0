#include "options/mapping_options.h"

#include "adapt_error.h"

namespace hydra_adapt {
namespace po = boost::program_options;

void add_mapping_options(po::options_description& options) {
  options.add_options()  //
      ("schema", po::value<std::string>()->value_name("FILE"),
       "YAML mapping of flags to Hydra keys and types  [HYDRA_ADAPT_SCHEMA]")  //
      ("hydra-config", po::value<std::string>()->value_name("FILE"),
       "the app's own config as PROGRAM --cfg all prints it: each flag reaches the config group, path or "
       "leaf its name matches (--max-epochs -> trainer.max_epochs), typed by its default; after --schema and "
       "--component, before zero-config (docs/hydra-config.md)  [HYDRA_ADAPT_HYDRA_CONFIG]")  //
      ("unknown", po::value<std::string>()->value_name("error|pass|auto"),
       "what a flag the schema does not declare gets: refused, passed as it came, or translated "
       "as without a schema. Default: the schema's 'unknown:', else error with a schema, a "
       "component or a Hydra config and auto without  [HYDRA_ADAPT_UNKNOWN]");
}

void read_mapping_options(const po::variables_map& values, ToolOptions& options) {
  if (values.count("schema")) options.schema_path = values["schema"].as<std::string>();
  if (values.count("hydra-config")) options.hydra_config_path = values["hydra-config"].as<std::string>();
  if (values.count("unknown")) {
    const std::string policy = values["unknown"].as<std::string>();
    options.unknown = unknown_policy_from_name(policy);
    if (!options.unknown)
      throw AdaptError("--unknown / HYDRA_ADAPT_UNKNOWN: '" + policy + "' is not one of error, pass, auto");
  }
}

}  // namespace hydra_adapt
