#pragma once

#include <csignal>
#include <optional>

#include "supervision/exit_status_remap.h"

namespace hydra_adapt {

// The signals PID 1 duty passes on to the program (and to a run for the app's config).
inline constexpr int kForwardedSignals[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH};

// What the PID 1 supervisor does beyond forwarding signals and reaping: tini's -g, -e and -p.
struct InitDuty {
  bool kill_group = false;                 // forward each signal to the program's whole process group
  ExitStatusRemap successes;               // program statuses that the tool turns into 0
  std::optional<int> parent_death_signal;  // what the kernel sends the tool when its parent dies
};

}  // namespace hydra_adapt
