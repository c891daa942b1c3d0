#pragma once

#include <vector>

#include "check/sent_flags.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {

// The --flags among a list of fixed args (a Vertex trial's containerSpec.args, the words of a
// W&B sweep's command): `--name=VALUE`, `--name VALUE`, or `--name` alone. Other words (the
// program, Hydra overrides, a W&B macro) are not flags. Each flag at the line of its word.
std::vector<SentFlag> fixed_arg_flags(const YamlNode& args);

}  // namespace hydra_adapt
