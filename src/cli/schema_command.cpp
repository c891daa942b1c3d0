#include "cli/schema_command.h"

#include <boost/program_options.hpp>
#include <iostream>
#include <string>

#include "adapt_error.h"
#include "cli/subcommand_options.h"
#include "component/component_schema.h"
#include "schema/schema_emit.h"

namespace hydra_adapt {
namespace po = boost::program_options;

int run_schema_command(int argc, const char* const* argv) {
  po::options_description options(
      "usage: hydra-adapt schema --component FILE [--component-executor NAME]\n\n"
      "Prints the schema a Kubeflow Pipelines component spec implies, as YAML for --schema.\n\nOptions");
  options.add_options()  //
      ("component", po::value<std::string>()->value_name("FILE"),
       "v1 component YAML, or a spec compiled by kfp 2.x")  //
      ("component-executor", po::value<std::string>()->value_name("NAME")->default_value(""),
       "the executor or component of a spec that holds several")  //
      ("help,h", "print this help");
  const po::variables_map values = parse_subcommand_options(options, argc, argv, "hydra-adapt schema --help");
  if (values.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  if (!values.count("component")) throw AdaptError("hydra-adapt schema needs --component FILE");
  const std::string path = values["component"].as<std::string>();
  const Schema schema = load_component_file(path, values["component-executor"].as<std::string>());
  std::cout << emit_schema_yaml(schema, "Derived by hydra-adapt from " + path + "; tune it and pass it with --schema.");
  return 0;
}

}  // namespace hydra_adapt
