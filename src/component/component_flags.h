#pragma once

#include <string>
#include <vector>

#include "component/component_word.h"
#include "schema/schema.h"

namespace hydra_adapt {

// The flags a component's command line declares: `--name` followed by its values
// (placeholders or constant words), or `--name=VALUE`. The words before the incoming args
// (hydra-adapt's own, then the program's) are skipped as split_component_command splits them;
// a command line with no flag declares none (its args may already be Hydra overrides). A flag's type comes from its
// placeholder's declared type; a constant value's from its text; a bare flag is a bool; several values make a list. The
// key follows key_for_flag. `source` names the file in messages. Throws AdaptError naming the spot for a placeholder
// among the program's words or with no flag before it, a flag without a name, a name that is no Hydra key, or a flag
// declared twice with different types.
std::vector<FlagSpec> component_flags(const std::vector<ComponentWord>& words, const std::string& source);

// One flag of a component's command line with where the spec declares it first and the words
// of its values there (what `hydra-adapt check` sends through the run's translation).
struct ComponentFlag {
  FlagSpec spec;
  YAML::Mark mark;
  std::vector<ComponentWord> values;
};

// component_flags, each flag with its spot and value words.
std::vector<ComponentFlag> component_flag_words(const std::vector<ComponentWord>& words, const std::string& source);

}  // namespace hydra_adapt
