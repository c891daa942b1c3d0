#pragma once

#include <optional>
#include <string_view>

#include "args/environment.h"
#include "args/program_split.h"
#include "translate/value_sources.h"

namespace hydra_adapt {

// Where the job runs, when the platform hands values over beside the command line.
enum class Platform { kNone, kSageMaker, kWandb };

// The platform --platform / HYDRA_ADAPT_PLATFORM names; nullopt for a name of none.
std::optional<Platform> platform_from_name(std::string_view name);

// What --platform adds to the translation.
struct PlatformInput {
  ProgramSplit split;                // the words after "--", less the platform's own words
  PlatformValueSource value_source;  // values beside the command line
  Environment variables;             // variables the platform defines, for those the process lacks
};

}  // namespace hydra_adapt
