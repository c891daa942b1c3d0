#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/schema.h"
#include "supervision/init_duty.h"

namespace hydra_adapt {

enum class DryRunFormat { kOff, kText, kJson };

// Where the job runs, when the platform hands values over beside the command line.
enum class Platform { kNone, kSageMaker, kWandb };

// hydra-adapt's own options, from the words before the first "--" and from HYDRA_ADAPT_*
// variables (a job can set variables but not the image's ENTRYPOINT). The command line wins.
struct ToolOptions {
  std::optional<std::string> schema_path;
  std::optional<std::string> component_path;     // a Kubeflow Pipelines component spec
  std::string component_executor;                // which executor of a spec that holds several
  std::optional<std::string> hydra_config_path;  // what the app printed with --cfg all
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

// Throws AdaptError for an unknown option, a bad option value, or a missing "--".
ToolOptions parse_tool_options(int argc, const char* const* argv);

std::string usage_text();

}  // namespace hydra_adapt
