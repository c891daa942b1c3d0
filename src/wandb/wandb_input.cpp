#include "wandb/wandb_input.h"

#include <optional>

#include "values/python_json.h"
#include "wandb/sweep_command.h"
#include "wandb/wandb_parameters.h"

namespace hydra_adapt {
namespace {

// The text the flag's declared type reads: a str as it is, any other value as its JSON text.
std::string value_text(const std::string& json) {
  if (json.empty() || json.front() != '"') return json;
  return OrderedJson::parse(json).get<std::string>();
}

}  // namespace

PlatformInput wandb_input(const std::vector<std::string>& after_dash_dash, const VariableReader& variable,
                          const WandbFileReader& read_file) {
  WandbParameters parameters;
  std::optional<std::string> json_file;
  if (const auto path = variable("WANDB_SWEEP_PARAM_PATH")) {
    parameters = wandb_parameters_from_sweep_file(read_file(*path), *path);
    json_file = sweep_args_json_file(*path);
  } else if (const auto config = wandb_config_text(variable)) {
    parameters = wandb_parameters_from_config(config->text, config->variables);
  }

  PlatformInput input;
  input.split = split_program_words(without_sweep_renderings(after_dash_dash, parameters.rendered, json_file));
  for (const WandbValue& value : parameters.values) {
    input.value_source.values.push_back(
        {value.name, value_text(value.json), parameters.source + ":" + value.name, value.json});
  }
  return input;
}

}  // namespace hydra_adapt
