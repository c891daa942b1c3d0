// hydra-adapt: reads argparse-style args, translates them into Hydra overrides through a
// schema, and execs the program. This file only wires the steps; the translation lives in
// the library and never touches the process.
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <unistd.h>

#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include "adapt_error.h"
#include "args/local_rank.h"
#include "cli/check_command.h"
#include "cli/logging.h"
#include "cli/rewrite_command.h"
#include "cli/schema_command.h"
#include "options/tool_options.h"
#include "platform/platform_input.h"
#include "platform/process_variable.h"
#include "report/dry_run.h"
#include "report/error_line.h"
#include "sources/mapping_sources.h"
#include "supervision/config_run.h"
#include "supervision/init_supervisor.h"
#include "supervision/launch.h"
#include "translate/exec_limits.h"
#include "translate/translator.h"

extern char** environ;

namespace hydra_adapt {
namespace {

std::size_t stack_limit_bytes() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_STACK, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return SIZE_MAX;
  return limit.rlim_cur;
}

std::vector<std::string_view> environment() {
  std::vector<std::string_view> variables;
  for (char** variable = environ; *variable != nullptr; ++variable) variables.emplace_back(*variable);
  return variables;
}

int run(const ToolOptions& options) {
  if (options.help) {
    std::cout << usage_text() << "\n";
    return 0;
  }
  if (options.version) {
    std::cout << "hydra-adapt " << HYDRA_ADAPT_VERSION << "\n";
    return 0;
  }
  set_up_logging(options.log_level);

  PlatformInput platform = read_platform_input(options.platform, options.after_dash_dash);
  // A launcher's --local_rank, which stands before the tool's "--", joins the incoming args.
  platform.split.incoming.insert(platform.split.incoming.begin(), options.launcher_args.begin(),
                                 options.launcher_args.end());
  const bool init_duty = options.init.value_or(::getpid() == 1);
  const ConfigRunLimits limits{options.compose_timeout_seconds, init_duty};
  const Mappings mappings = load_mappings(
      options.sources, options.compose, platform.split,
      [&limits](const std::vector<std::string>& command) {
        ConfigRunResult result = run_for_config(command, limits);
        // The app's warnings; a failure's stderr is read into the one error line instead.
        if (result.succeeded) std::cerr << result.error_output << std::flush;
        return result;
      },
      platform.value_source.values);
  const Schema& schema = mappings.schema;
  // A launcher's --local_rank that no mapping takes reaches the program as LOCAL_RANK instead.
  LocalRank local_rank =
      take_local_rank(platform.split.incoming, 0, [&schema](std::string_view name) { return !schema.maps_flag(name); });
  platform.split.incoming = std::move(local_rank.words);
  const Translation translation =
      translate(schema, platform.split, unknown_policy(options.unknown, options.sources, schema),
                schema_environment(schema, process_variable, platform.variables), platform.value_source);
  check_command_fits(translation.argv, environment(), exec_size_limit(stack_limit_bytes()));
  if (spdlog::should_log(spdlog::level::info)) {  // describing thousands of flags costs, even unlogged
    for (const Mapping& mapping : translation.mappings) spdlog::info("{}", describe_mapping(translation, mapping));
  }

  RunAdditions additions{options.compose ? &mappings.compositions : nullptr, {}};
  if (local_rank.rank && !process_variable("LOCAL_RANK")) additions.variables.emplace("LOCAL_RANK", *local_rank.rank);
  if (options.dry_run != DryRunFormat::kOff) {
    std::cout << (options.dry_run == DryRunFormat::kJson ? dry_run_json(translation, additions)
                                                         : dry_run_text(translation, additions));
    return 0;
  }
  const std::string program = resolve_program(translation.argv.front());
  create_folders(translation.folders);
  for (const auto& [name, value] : additions.variables) ::setenv(name.c_str(), value.c_str(), /*overwrite=*/1);
  spdlog::debug("exec {}", program);
  std::cout.flush();
  if (init_duty) return supervise_program(program, translation.argv, options.duty);
  exec_program(program, translation.argv);
}

}  // namespace
}  // namespace hydra_adapt

int main(int argc, char** argv) {
  std::optional<std::string> failure_file;  // where the platform shows why a job failed
  const auto report = [&failure_file](const hydra_adapt::AdaptError& error) {
    hydra_adapt::print_error_line(error);
    if (failure_file) hydra_adapt::write_failure_file(*failure_file, hydra_adapt::error_line(error));
    return error.exit_status();
  };
  try {
    if (argc > 1 && std::string_view(argv[1]) == "schema") return hydra_adapt::run_schema_command(argc - 1, argv + 1);
    if (argc > 1 && std::string_view(argv[1]) == "rewrite") return hydra_adapt::run_rewrite_command(argc - 1, argv + 1);
    if (argc > 1 && std::string_view(argv[1]) == "check") return hydra_adapt::run_check_command(argc - 1, argv + 1);
    const std::vector<std::string> words(argv + 1, argv + argc);
    // First, so that an error in any other option still reaches the platform's failure file.
    failure_file =
        hydra_adapt::platform_failure_file(hydra_adapt::requested_platform(words, hydra_adapt::process_variable));
    return hydra_adapt::run(hydra_adapt::parse_tool_options(words, hydra_adapt::process_variable));
  } catch (const hydra_adapt::AdaptError& error) {
    return report(error);
  } catch (const std::exception& error) {
    return report(hydra_adapt::internal_error(error.what(), hydra_adapt::kUsageExitStatus));
  }
}
