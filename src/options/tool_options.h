#pragma once

#include <optional>
#include <string>
#include <vector>

#include "options/variable_reader.h"
#include "platform/platform.h"
#include "schema/schema.h"
#include "sources/mapping_sources.h"
#include "supervision/init_duty.h"

namespace hydra_adapt {

enum class DryRunFormat { kOff, kText, kJson };

// hydra-adapt's own options, from the words before the first "--" and from HYDRA_ADAPT_*
// variables (a job can set variables but not the image's ENTRYPOINT). The command line wins.
struct ToolOptions {
  MappingSources sources;
  bool compose = false;               // map against the config the job's own choices compose
  int compose_timeout_seconds = 300;  // how long one composition may take
  DryRunFormat dry_run = DryRunFormat::kOff;
  std::optional<UnknownPolicy> unknown;
  std::string log_level = "warn";
  std::optional<bool> init;  // unset: PID 1 duty exactly when the tool runs as PID 1
  InitDuty duty;             // what the duty does beyond forwarding and reaping
  Platform platform = Platform::kNone;
  bool help = false;
  bool version = false;
  std::vector<std::string> after_dash_dash;  // PROGRAM, its words and the incoming args
  // Args for the program that a launcher put among hydra-adapt's own options (DeepSpeed's and
  // torch.distributed.launch's --local_rank=N, which come right after the program they start).
  std::vector<std::string> launcher_args;
};

// `words` are the tool's arguments (argv without argv[0]); `variable` reads HYDRA_ADAPT_*.
// Throws AdaptError for an unknown option, a bad option value, or a missing "--".
ToolOptions parse_tool_options(const std::vector<std::string>& words, const VariableReader& variable);

// The platform --platform or HYDRA_ADAPT_PLATFORM names, read before every other option, so
// that an error in any of them still reaches the platform's failure file. Never throws: a
// malformed command line or an unknown platform gives kNone, and parse_tool_options refuses it.
Platform requested_platform(const std::vector<std::string>& words, const VariableReader& variable);

std::string usage_text();

// The values of --compose-timeout and --unknown (and their variables), which `check` takes
// too. Throw AdaptError naming the option for a bad one.
int compose_timeout(const std::string& value);
UnknownPolicy unknown_option(const std::string& value);

// How long a run of the program for its config may take, for the subcommands that run it
// (`check`, `schema --from-program`): `option` (their --compose-timeout), else
// HYDRA_ADAPT_COMPOSE_TIMEOUT as `variable` reads it, else the run's default.
int compose_timeout_seconds(const std::optional<std::string>& option, const VariableReader& variable);

}  // namespace hydra_adapt
