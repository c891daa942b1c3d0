#pragma once

#include <string_view>

namespace hydra_adapt {

// How many words one of Hydra's own command-line flags takes after it.
enum class HydraFlagArity {
  kNone,      // --multirun
  kOne,       // --config-name NAME
  kOptional,  // --info [all|config|...]
};

struct HydraFlag {
  std::string_view long_name;   // "--config-name"
  std::string_view short_name;  // "-cn", or empty
  HydraFlagArity arity;
};

// Hydra's own flag named by `name` ("--cfg", "-c"), or nullptr. These reach the program
// unchanged, with their values.
const HydraFlag* find_hydra_flag(std::string_view name);

// Whether `word` is a value --info accepts, so "--info config" keeps its value.
bool is_hydra_info_topic(std::string_view word);

}  // namespace hydra_adapt
