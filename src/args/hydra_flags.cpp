#include "args/hydra_flags.h"

#include <array>

namespace hydra_adapt {
namespace {

// hydra/_internal/utils.py, get_args_parser() in hydra-core 1.3.
constexpr std::array<HydraFlag, 14> kHydraFlags{{
    {"--help", "-h", HydraFlagArity::kNone},
    {"--hydra-help", "", HydraFlagArity::kNone},
    {"--version", "", HydraFlagArity::kNone},
    {"--cfg", "-c", HydraFlagArity::kOne},
    {"--resolve", "", HydraFlagArity::kNone},
    {"--package", "-p", HydraFlagArity::kOne},
    {"--run", "-r", HydraFlagArity::kNone},
    {"--multirun", "-m", HydraFlagArity::kNone},
    {"--shell-completion", "-sc", HydraFlagArity::kNone},
    {"--config-path", "-cp", HydraFlagArity::kOne},
    {"--config-name", "-cn", HydraFlagArity::kOne},
    {"--config-dir", "-cd", HydraFlagArity::kOne},
    {"--experimental-rerun", "", HydraFlagArity::kOne},
    {"--info", "-i", HydraFlagArity::kOptional},
}};

constexpr std::array<std::string_view, 6> kInfoTopics{"all",           "config",  "defaults",
                                                      "defaults-tree", "plugins", "searchpath"};

}  // namespace

const HydraFlag* find_hydra_flag(std::string_view name) {
  for (const HydraFlag& flag : kHydraFlags) {
    if (name == flag.long_name || (!flag.short_name.empty() && name == flag.short_name)) return &flag;
  }
  return nullptr;
}

bool is_hydra_info_topic(std::string_view word) {
  for (const std::string_view topic : kInfoTopics) {
    if (word == topic) return true;
  }
  return false;
}

}  // namespace hydra_adapt
