#pragma once

#include <boost/program_options.hpp>
#include <optional>

#include "supervision/init_duty.h"

namespace hydra_adapt {

struct InitChoice {
  std::optional<bool> init;  // unset: PID 1 duty exactly when the tool runs as PID 1
  InitDuty duty;
};

// PID 1 duty as --init, --no-init, --kill-group, --remap-exit and --parent-death-signal and their
// HYDRA_ADAPT_* variables ask for it, the command line winning option by option. The last three
// need the supervisor, so each turns the duty on. Throws AdaptError for a bad value, and for the
// duty switched off beside one of them from the same source (--no-init --kill-group, or
// HYDRA_ADAPT_INIT=0 with HYDRA_ADAPT_KILL_GROUP=1).
InitChoice choose_init(const boost::program_options::variables_map& command_line,
                       const boost::program_options::variables_map& environment);

}  // namespace hydra_adapt
