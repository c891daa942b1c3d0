#include "options/source_options.h"

#include <string>
#include <vector>

#include "adapt_error.h"

namespace hydra_adapt {
namespace po = boost::program_options;

void add_source_options(po::options_description& options, bool with_variables, ComponentRole component_role) {
  const auto help = [with_variables](const std::string& text, const std::string& variable) {
    return with_variables ? text + "  [" + variable + "]" : text;
  };
  options.add_options()  //
      ("schema", po::value<std::string>()->value_name("FILE"),
       help("YAML mapping of flags to Hydra keys and types", "HYDRA_ADAPT_SCHEMA").c_str());
  if (component_role == ComponentRole::kMapping) {
    options.add_options()  //
        ("component", po::value<std::string>()->value_name("FILE"),
         help("Kubeflow Pipelines component spec (v1 component YAML, or a spec compiled by kfp 2.x) whose "
              "--flag placeholders give keys and types; with --schema too, the schema wins where both "
              "declare a flag",
              "HYDRA_ADAPT_COMPONENT")
             .c_str());
  } else {
    options.add_options()  //
        ("component", po::value<std::vector<std::string>>()->value_name("FILE"),
         "a source: a Kubeflow Pipelines component spec (v1 component YAML, or a spec compiled by kfp 2.x): "
         "every --flag its command line can emit, with its input's type and default; repeatable");
  }
  options.add_options()  //
      ("component-executor", po::value<std::string>()->value_name("NAME"),
       help("the executor (exec-train) or component (comp-train) of a compiled spec that holds several",
            "HYDRA_ADAPT_COMPONENT_EXECUTOR")
           .c_str())  //
      ("hydra-config", po::value<std::string>()->value_name("FILE"),
       help(std::string("the app's own config as PROGRAM --cfg all prints it: each flag reaches the config group, "
                        "path or leaf its name matches (--max-epochs -> trainer.max_epochs), typed by its default; "
                        "after --schema") +
                (component_role == ComponentRole::kMapping ? " and --component" : "") +
                ", before zero-config (docs/hydra-config.md)",
            "HYDRA_ADAPT_HYDRA_CONFIG")
           .c_str());
}

MappingSources read_source_options(const po::variables_map& values, ComponentRole component_role) {
  MappingSources sources;
  if (values.count("schema")) sources.schema_path = values["schema"].as<std::string>();
  if (values.count("component") && component_role == ComponentRole::kMapping)
    sources.component_path = values["component"].as<std::string>();
  if (values.count("component-executor")) sources.component_executor = values["component-executor"].as<std::string>();
  if (values.count("hydra-config")) sources.hydra_config_path = values["hydra-config"].as<std::string>();
  if (!sources.component_executor.empty() && !values.count("component")) {
    throw AdaptError("--component-executor / HYDRA_ADAPT_COMPONENT_EXECUTOR needs --component FILE");
  }
  return sources;
}

}  // namespace hydra_adapt
