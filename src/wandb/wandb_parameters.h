#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "options/variable_reader.h"

namespace hydra_adapt {

// One value a W&B run is given, typed: its name (a nested parameter's dotted path,
// "optimizer.lr") and its value as JSON text ("0.01", "\"adam\"", "null", "[1, 2]"; NaN and
// Infinity as Python's json writes them).
struct WandbValue {
  std::string name;
  std::string json;
};

// A run's parameters as W&B hands them over, and where they came from.
struct WandbParameters {
  std::string source;  // "WANDB_SWEEP_PARAM_PATH" or "WANDB_CONFIG", naming each value's origin
  // The parameters as the sweep agent renders them on the command line: the top-level names,
  // a nested parameter whole (one name, a dict value).
  std::vector<WandbValue> rendered;
  // What the run receives: a dict flattened into dotted names, each leaf (a scalar, a list
  // or an empty dict) one value; W&B's own `_wandb` withheld.
  std::vector<WandbValue> values;
};

// The sweep agent's parameter file (the text of the file WANDB_SWEEP_PARAM_PATH names, `path`
// in errors): `wandb_version: 1`, then `name: {value: v}` per parameter, written by PyYAML's
// SafeDumper, and read here as PyYAML's SafeLoader (YAML 1.1) types it. Throws AdaptError when
// it is not that.
WandbParameters wandb_parameters_from_sweep_file(const std::string& text, const std::string& path);

// W&B Launch's run config: one JSON object (json.dumps, so NaN and Infinity may appear),
// named `variable` in errors. Throws AdaptError when it is not a JSON object.
WandbParameters wandb_parameters_from_config(std::string_view text, const std::string& variable);

// W&B Launch's run config text and the variables it came from ("WANDB_CONFIG", or
// "WANDB_CONFIG_0..WANDB_CONFIG_2"): WANDB_CONFIG when set, else its shards WANDB_CONFIG_0,
// WANDB_CONFIG_1, ... joined in order, as wandb's load_wandb_config joins them; nullopt when
// neither is set. `variable` looks a variable up. Throws AdaptError when
// the shards skip a number, which W&B never does: a shard went missing.
struct WandbConfigText {
  std::string text;
  std::string variables;
};
std::optional<WandbConfigText> wandb_config_text(const VariableReader& variable);

}  // namespace hydra_adapt
