#include "wandb/wandb_input.h"

#include <cstdlib>
#include <optional>

#include "values/python_json.h"
#include "wandb/sweep_command.h"
#include "wandb/wandb_parameters.h"
#include "yaml/yaml_source.h"

namespace hydra_adapt {
namespace {

// Empty counts as unset, as for hydra-adapt's own variables.
const char* variable(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  return value != nullptr && *value != '\0' ? value : nullptr;
}

// The text the flag's declared type reads: a str as it is, any other value as its JSON text.
std::string value_text(const std::string& json) {
  if (json.empty() || json.front() != '"') return json;
  return OrderedJson::parse(json).get<std::string>();
}

}  // namespace

PlatformInput read_wandb_input(const std::vector<std::string>& after_dash_dash) {
  WandbParameters parameters;
  std::optional<std::string> json_file;
  if (const char* path = variable("WANDB_SWEEP_PARAM_PATH")) {
    const std::string text =
        read_text_file(path, "W&B sweep parameter file", "WANDB_SWEEP_PARAM_PATH, which the W&B agent sets");
    parameters = wandb_parameters_from_sweep_file(text, path);
    json_file = sweep_args_json_file(path);
  } else if (const auto config = wandb_config_text(variable)) {
    parameters = wandb_parameters_from_config(config->text, config->variables);
  }

  PlatformInput input;
  input.split = split_program_words(without_sweep_renderings(after_dash_dash, parameters.rendered, json_file));
  for (const WandbValue& value : parameters.values) {
    input.values.values.push_back(
        {value.name, value_text(value.json), parameters.source + ":" + value.name, value.json});
  }
  return input;
}

}  // namespace hydra_adapt
