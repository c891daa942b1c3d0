#pragma once

#include <string>
#include <vector>

#include "args/environment.h"
#include "args/program_split.h"
#include "schema/schema.h"
#include "translate/value_sources.h"

namespace hydra_adapt {

// How one incoming arg reached the final command.
struct Mapping {
  enum class Origin {
    kSchema,       // a declared flag
    kHydraConfig,  // a flag the schema's resolver matched by `rule`: the app's Hydra config
    kAuto,         // an undeclared flag, translated as in zero-config
    kPass,         // an undeclared flag, left as it came
    kHydraFlag,    // one of Hydra's own flags
    kOverride,     // a word that already was a Hydra override
    kEnv,          // an environment variable the schema's env section maps
  };
  Origin origin;
  std::string incoming;  // the flag ("--lr"), the variable ("$AIP_MODEL_DIR"), a platform value ("SM_HPS:lr"), or the
                         // word as it came
  std::string key;       // the Hydra key it reaches; empty when passed on as it came
  std::string type;      // the declared or detected type; empty when passed on
  bool secret = false;
  std::string rule{};          // kHydraConfig: the rule that matched (group, path, leaf, suffix)
  std::size_t first_word = 0;  // its words in Translation::argv
  std::size_t word_count = 0;
};
std::string_view origin_name(Mapping::Origin origin);

// A folder output_path values need before the program starts.
struct FolderToCreate {
  std::string folder;
  std::vector<std::string> flags;  // every flag or variable whose value needs it, as Mapping::incoming
  bool secret = false;             // one of those values is secret: the folder is shown nowhere
};

struct Translation {
  std::vector<std::string> argv;  // the final command: the program's words, then the overrides
  std::size_t program_word_count = 0;
  SplitRule split_rule = SplitRule::kFirstFlag;
  std::vector<Mapping> mappings;
  std::vector<FolderToCreate> folders;
};

// Maps the incoming args through the schema, and the variables of `environment` its env
// section names; an absent or empty variable is skipped. The variables' overrides come first,
// so a flag for the same key wins. A platform's values are mapped as flags of their names, in
// the place of the command line's flags of those names. Pure: touches no file, process or
// environment.
// Throws AdaptError for an unknown flag (under kError), a missing or mistyped value, an
// unsubstituted placeholder, a missing required flag, or a word too long to exec.
Translation translate(const Schema& schema, const ProgramSplit& split, UnknownPolicy unknown,
                      const Environment& environment = {}, const PlatformValueSource& platform = {});

}  // namespace hydra_adapt
