#pragma once

#include <string>
#include <vector>

#include "values/value_type.h"

namespace hydra_adapt {

// One mapping or value of the app's composed config.
struct ConfigNode {
  std::string path;                   // dotted, as the config spells it: "model.optimizer.lr"
  ValueType type = ValueType::kAuto;  // from the default: json for mappings and lists
  bool is_leaf = false;               // a value, a list or an empty mapping: nothing below it has a path
  bool under_hydra = false;           // Hydra's own settings (hydra.*)
  std::string follows;                // the default is exactly ${follows}: the key it takes its value from
  bool missing = false;               // the default is ??? (OmegaConf's MISSING): the job must give a value
};

// The config an app prints with `PROGRAM --cfg all` (or `--cfg job`): every path of it, and
// the app's config groups (hydra.runtime.choices without Hydra's own hydra/... groups).
struct HydraConfig {
  std::vector<ConfigNode> nodes;    // in the document's order, each mapping before what it holds
  std::vector<std::string> groups;  // as Hydra names them in an override: "trainer", "db/engine"
};

// Reads the YAML of `--cfg all` or `--cfg job`. Keys Hydra cannot address in an override are
// left out with all they hold, and so is what lists hold (a list is one value). `source`
// names the file or the program in messages. Throws AdaptError for text that is not YAML,
// not a mapping, or holds no key of the app's own.
HydraConfig parse_hydra_config(const std::string& text, const std::string& source);

}  // namespace hydra_adapt
