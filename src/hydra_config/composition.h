#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapt_error.h"
#include "args/program_split.h"
#include "hydra_config/config_matcher.h"
#include "schema/schema.h"
#include "translate/value_sources.h"

namespace hydra_adapt {

// What one run of `PROGRAM WORDS --cfg all` gave.
struct ConfigRunResult {
  bool succeeded = false;    // it exited with status 0
  std::string output;        // what it printed on stdout: the composed config
  std::string failure;       // when it did not succeed: "failed with exit status 1", "did not end within 300 seconds"
  std::string error_output;  // the end of what it printed on stderr, for Hydra's last error line
};

// A composition the program refused: the message names the flags and the run; Hydra's own
// last error line (empty when it printed none) and how the run ended, for a caller that words it
// its own way (hydra-adapt check).
class CompositionError : public AdaptError {
 public:
  CompositionError(const std::string& message, std::string hydra_error, std::string failure)
      : AdaptError(message), hydra_error_(std::move(hydra_error)), failure_(std::move(failure)) {}
  const std::string& hydra_error() const { return hydra_error_; }
  const std::string& failure() const { return failure_; }

 private:
  std::string hydra_error_;
  std::string failure_;
};

// Runs a whole command (the program, its words, the composition's words, "--cfg", "all"). The
// process layer's run at start, a table of outputs in the unit tests.
using ConfigRun = std::function<ConfigRunResult(const std::vector<std::string>& command)>;

// The config the job composes, and each command that composed it (none when the file stood for it).
struct ComposedConfig {
  std::shared_ptr<const ConfigMatcher> config;
  std::vector<std::vector<std::string>> commands;
};

// The app's config under the job's own choices (--compose). The job's Hydra words are the
// incoming overrides and composition flags (--config-name, --config-path, --config-dir, in
// their order); the group choices are the incoming flags, then the platform's values
// (`platform`, which win over a flag of their name as in the translation), whose names are
// config groups, or whose keys are when `declared` (--schema, --component) declares them, each
// sent as `group='option'` as the translation sends it. A platform value typed as a list, a
// dict or null names no option.
// Which flags are choices is read from `file` (what the program printed with nothing added),
// unless the job passes a composition flag or there is no file: then from a run with the
// job's Hydra words alone. While a run reveals a group an incoming flag names that was not
// known before (a nested group, an experiment's), it runs again with the choices found so
// far: at most one run per incoming flag. Without a choice, a Hydra word of the job or an
// override or composition flag among the program's own words, `file` is the config and
// nothing runs. Throws CompositionError naming the flags (a platform value by its origin,
// "SM_HPS:model") or the words of a run that fails, with the run's status and Hydra's last
// error line; AdaptError for one that prints no config.
ComposedConfig compose_job_config(const ProgramSplit& split, const Schema& declared,
                                  std::shared_ptr<const ConfigMatcher> file, const ConfigRun& run,
                                  const std::vector<PlatformValue>& platform = {});

// The config group a flag named `name` chooses in `config`: the group its declared key names
// when `declared` declares it, else the one its name names; nullopt for no one group.
std::optional<std::string> chosen_group(const ConfigMatcher& config, const Schema& declared, std::string_view name);

// Hydra's error in one line from what the program printed on stderr: the last message, less
// Hydra's hint about HYDRA_FULL_ERROR and its config search path; a list of options (indented
// lines under "Available options in 'model':") joined onto its heading and the line before.
std::string hydra_error_line(std::string_view error_output);

}  // namespace hydra_adapt
