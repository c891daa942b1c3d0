#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check/finding.h"
#include "check/sent_flags.h"
#include "hydra_config/composition.h"
#include "hydra_config/config_matcher.h"
#include "sources/mapping_sources.h"

namespace hydra_adapt {

// The app as the run would reach it, for `hydra-adapt check`.
struct CheckedApp {
  MappingSources mapping;                       // --schema, --hydra-config (a --component is a source here)
  std::optional<UnknownPolicy> unknown;         // --unknown
  std::shared_ptr<const ConfigMatcher> config;  // the app's config with nothing added; null: none
  std::vector<std::string> program;             // PROGRAM and its words; empty: the program never runs
  bool compose = false;                         // --compose: the sources' choices compose the config
  ConfigRun run;                                // runs a whole command: `--cfg all` or `--cfg job`
};

// What a check found, and how many times it started the program.
struct CheckResult {
  std::vector<Finding> findings;
  std::size_t program_starts = 0;
};

// Every finding a run would hit with what the sources send:
// - each flag and value through the run's own translation (FlagRules), under the config each
//   composition of its source composes (source_compositions; with --compose and a program,
//   each choice flag's values are composed as the run composes them, and a value the group
//   has no option for is a choice finding with Hydra's error): a flag no key takes under
//   some compositions but does under others is a choice finding for each composition that
//   lacks it, naming the choices and their option files; under all of them, an unknown one;
// - with a program, what Hydra itself refuses (HydraJobCheck), one run per distinct command;
// - a ??? of the config that no flag reaches, a warning.
// Findings found under several compositions are given once.
CheckResult check_sources(const CheckedApp& app, const std::vector<SourceFlags>& sources);

}  // namespace hydra_adapt
