#pragma once

#include <string_view>
#include <vector>

#include "check/sent_flags.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {

// The --flags among a list of fixed args (a Vertex trial's containerSpec.args, the words of a
// W&B sweep's command): `--name=VALUE`, `--name VALUE`, or `--name` alone. Other words (the
// program, Hydra overrides, a W&B macro) are not flags. With `after` given, only the words
// after the first word equal to it count (W&B's ${program}: the words before start the
// program, the tool in front of it included). Each flag at the line of its word.
std::vector<SentFlag> fixed_arg_flags(const YamlNode& args, std::string_view after = "");

}  // namespace hydra_adapt
