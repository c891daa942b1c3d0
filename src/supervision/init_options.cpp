#include "supervision/init_options.h"

#include <string>
#include <vector>

#include "adapt_error.h"
#include "options/option_parser.h"
#include "supervision/signal_name.h"

namespace hydra_adapt {
namespace po = boost::program_options;
namespace {

// What one source, the command line or the environment, asks for.
struct InitRequest {
  std::optional<bool> init;
  std::optional<bool> kill_group;
  std::optional<ExitStatusRemap> successes;
  std::optional<int> parent_death_signal;
  const char* needs_supervisor = nullptr;  // the first option given that needs it, as the source spells it
};

InitRequest read_request(const po::variables_map& values, bool from_command_line) {
  const auto spelling = [from_command_line](const char* option, const char* variable) {
    return from_command_line ? option : variable;
  };
  InitRequest request;
  if (values.count("no-init")) {
    request.init = false;
  } else if (values.count("init")) {
    request.init = switch_value(values, "init", "HYDRA_ADAPT_INIT");
  }
  if (values.count("parent-death-signal")) {
    request.parent_death_signal = forwardable_signal(values["parent-death-signal"].as<std::string>(),
                                                     "--parent-death-signal / HYDRA_ADAPT_PARENT_DEATH_SIGNAL");
    request.needs_supervisor = spelling("--parent-death-signal", "HYDRA_ADAPT_PARENT_DEATH_SIGNAL");
  }
  if (values.count("remap-exit")) {
    request.successes.emplace();
    for (const std::string& list : values["remap-exit"].as<std::vector<std::string>>()) {
      request.successes->add(list, "--remap-exit / HYDRA_ADAPT_REMAP_EXIT");
    }
    request.needs_supervisor = spelling("--remap-exit", "HYDRA_ADAPT_REMAP_EXIT");
  }
  if (values.count("kill-group")) {
    request.kill_group = switch_value(values, "kill-group", "HYDRA_ADAPT_KILL_GROUP");
    if (*request.kill_group) request.needs_supervisor = spelling("--kill-group", "HYDRA_ADAPT_KILL_GROUP=1");
  }
  if (request.init == false && request.needs_supervisor != nullptr) {
    const std::string off =
        from_command_line ? (values.count("no-init") ? "--no-init" : "--init=0") : "HYDRA_ADAPT_INIT=0";
    throw AdaptError(off + " contradicts " + request.needs_supervisor + ", which needs PID 1 duty; " +
                     (from_command_line ? "give one of them" : "unset one of them"));
  }
  return request;
}

// Whether `request` asks for the supervisor through an option that `overriding`, a source that
// wins, does not set: an option the command line sets takes the environment's side effect too
// (--kill-group=0 beside HYDRA_ADAPT_KILL_GROUP=1 asks for nothing).
bool asks_for_supervisor(const InitRequest& request, const InitRequest& overriding) {
  return (request.kill_group == true && !overriding.kill_group) || (request.successes && !overriding.successes) ||
         (request.parent_death_signal && !overriding.parent_death_signal);
}

// The command line's request if it says anything about the duty, else the environment's.
std::optional<bool> chosen_init(const InitRequest& command_line, const InitRequest& environment) {
  if (command_line.init) return command_line.init;
  if (asks_for_supervisor(command_line, InitRequest{})) return true;
  if (environment.init) return environment.init;
  if (asks_for_supervisor(environment, command_line)) return true;
  return std::nullopt;
}

}  // namespace

InitChoice choose_init(const po::variables_map& command_line, const po::variables_map& environment) {
  const InitRequest from_command_line = read_request(command_line, true);
  const InitRequest from_environment = read_request(environment, false);
  InitChoice choice;
  choice.init = chosen_init(from_command_line, from_environment);
  choice.duty.kill_group = from_command_line.kill_group.value_or(from_environment.kill_group.value_or(false));
  choice.duty.successes = from_command_line.successes.value_or(from_environment.successes.value_or(ExitStatusRemap{}));
  choice.duty.parent_death_signal = from_command_line.parent_death_signal ? from_command_line.parent_death_signal
                                                                          : from_environment.parent_death_signal;
  return choice;
}

}  // namespace hydra_adapt
