#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "check/sent_flags.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {

// What a list of fixed args sends (a Vertex trial's containerSpec.args, the words of a W&B
// sweep's command).
struct FixedArgs {
  // `--name=VALUE`, `--name VALUE`, or `--name` alone, each at the line of its word.
  std::vector<SentFlag> flags;
  // The Hydra overrides among the other words (trainer.seed=7, model=vit), as they are. The
  // program's words and a W&B macro are neither.
  std::vector<std::string> overrides;
};

// With `after` given, only the words after the first word equal to it count (W&B's
// ${program}: the words before start the program, the tool in front of it included).
FixedArgs fixed_args(const YamlNode& args, std::string_view after = "");

// Adds them to what a source sends.
void add_fixed_args(SourceFlags& source, FixedArgs fixed);

}  // namespace hydra_adapt
