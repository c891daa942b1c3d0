#pragma once

#include <map>
#include <string>
#include <vector>

#include "check/finding.h"
#include "check/flag_rules.h"
#include "check/sent_flags.h"
#include "hydra_config/composition.h"

namespace hydra_adapt {

// A flag as one composition sends it, with the values it can send there.
struct JobFlag {
  const SentFlag* flag;
  std::vector<const SentValue*> values;
};

// What real Hydra makes of what a source sends: the program runs with `--cfg job` (its config
// composed and printed, the task never run) and every flag's override as the run translates it
// (`rules`), so that Hydra decides what the rules cannot: struct mode, a structured config's
// typed fields. One value per flag per run: the first run sends each flag's first value, the
// next its second (a flag with fewer values its last), and so on; a value the rules refuse is
// left out (check_sources names it), and so is one Hydra refused in an earlier run. A command
// run before is not run again: its result is reused.
class HydraJobCheck {
 public:
  // `program`: PROGRAM and its words; `run` runs a whole command.
  HydraJobCheck(std::vector<std::string> program, ConfigRun run);

  // A run Hydra refuses is a finding (kind "hydra") at the line of the value whose key Hydra's
  // error names, with Hydra's last error line; the run goes again without that value, so that
  // one check finds each refused value. A refusal Hydra names no sent key in is one finding at
  // the source. `choice_words` ("--model vit") name the composition in messages.
  std::vector<Finding> findings(const FlagRules& rules, const SourceFlags& source, const std::string& choice_words,
                                const std::vector<JobFlag>& flags);

 private:
  std::vector<std::string> program_;
  ConfigRun run_;
  std::map<std::vector<std::string>, ConfigRunResult> results_;  // of each command run
};

}  // namespace hydra_adapt
