#include "cli/schema_command.h"

#include <spdlog/spdlog.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <string>

#include "adapt_error.h"
#include "cli/logging.h"
#include "cli/option_parser.h"
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
  const po::variables_map values = parse_option_words(options, {argv + 1, argv + argc}, "hydra-adapt schema --help");
  if (values.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  if (!values.count("component")) throw AdaptError("hydra-adapt schema needs --component FILE");
  const std::string path = values["component"].as<std::string>();
  const Schema schema = load_component_file(path, values["component-executor"].as<std::string>());
  if (schema.flags.empty()) {
    // Still a schema, and still exit 0: the spec is valid, and an empty schema is the answer.
    set_up_logging("warn");
    spdlog::warn(
        "{}: the component passes no --flag args (its args may already be Hydra overrides, which hydra-adapt "
        "passes on unchanged), so the schema below maps nothing",
        path);
  }
  std::cout << emit_schema_yaml(schema, "Derived by hydra-adapt from " + path + "; tune it and pass it with --schema.");
  return 0;
}

}  // namespace hydra_adapt
