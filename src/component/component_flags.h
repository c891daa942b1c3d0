#pragma once

#include <string>
#include <vector>

#include "component/component_command.h"
#include "component/component_word.h"
#include "schema/schema.h"

namespace hydra_adapt {

// One `--name` of a command line's incoming args with the words that give its values, as
// `schema` types them, `rewrite --style hydra` writes them and `check` sends them.
struct FlagWords {
  std::string name;                   // without the dashes
  std::size_t begin = 0;              // the word that names it
  std::size_t end = 0;                // past its last word (an else branch of values it skips included)
  std::vector<ComponentWord> values;  // a value attached with '=' first, then the words after the flag
};

// The flags from `command.incoming` on: each `--name` with the words up to the next flag, as
// argparse's nargs reads them; an else branch of values after a then branch that gave some is
// skipped (the alternative). None when the words hold no flag. Throws AdaptError naming the
// spot for a placeholder among the program's words, a value with no flag before it, a flag
// without a name or with blanks in it, or a flag that runs into a placeholder.
std::vector<FlagWords> component_flag_words(const std::vector<ComponentWord>& words, const ComponentCommand& command,
                                            const std::string& source);

// The flags a component's command line declares (component_flag_words of its words as
// split_component_command splits them): a command line with no flag declares none (its args may
// already be Hydra overrides). A flag's type comes from its placeholder's declared type; a
// constant value's from its text; a bare flag is a bool; several values make a list. The key
// follows key_for_flag. `source` names the file in messages. Throws AdaptError naming the spot
// as component_flag_words does, and for a name that is no Hydra key or a flag declared twice
// with different types.
std::vector<FlagSpec> component_flags(const std::vector<ComponentWord>& words, const std::string& source);

}  // namespace hydra_adapt
