#include "cli/rewrite_command.h"

#include <iostream>
#include <string>

#include "adapt_error.h"
#include "component/component_rewrite.h"
#include "options/option_parser.h"
#include "yaml/yaml_source.h"

namespace hydra_adapt {
namespace po = boost::program_options;

int run_rewrite_command(int argc, const char* const* argv) {
  po::options_description options(
      "usage: hydra-adapt rewrite --component FILE --style adapter|hydra\n\n"
      "Prints a Kubeflow Pipelines component spec rewritten:\n"
      "  adapter  the command goes through /hydra-adapt --; the args stay (what KFP's backend needs,\n"
      "           since it runs the component's command, never the image's ENTRYPOINT)\n"
      "  hydra    the args become hand-written Hydra overrides, name={{$.inputs.parameters['name']}};\n"
      "           values are NOT escaped in that style\n"
      "The file's comments and anchors are not kept (yaml-cpp drops them).\n\nOptions");
  options.add_options()  //
      ("component", po::value<std::string>()->value_name("FILE"),
       "v1 component YAML, or a spec compiled by kfp 2.x (every executor is rewritten)")  //
      ("style", po::value<std::string>()->value_name("STYLE"), "adapter or hydra")        //
      ("help,h", "print this help");
  const po::variables_map values = parse_option_words(options, {argv + 1, argv + argc}, "hydra-adapt rewrite --help");
  if (values.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  if (!values.count("component")) throw AdaptError("hydra-adapt rewrite needs --component FILE");
  if (!values.count("style")) throw AdaptError("hydra-adapt rewrite needs --style adapter or --style hydra");
  const std::string style_name = values["style"].as<std::string>();
  const auto style = rewrite_style_from_name(style_name);
  if (!style) throw AdaptError("--style '" + style_name + "' is not one of adapter, hydra");
  const std::string path = values["component"].as<std::string>();
  std::cout << rewrite_component_yaml(read_text_file(path, "component", "--component"), path, *style);
  return 0;
}

}  // namespace hydra_adapt
