#include "cli/logging.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace hydra_adapt {

void set_up_logging(const std::string& level) {
  // No colour sink: the stream usually lands in a platform's log viewer, not a terminal.
  auto logger = spdlog::stderr_logger_st("hydra-adapt");
  logger->set_pattern("hydra-adapt: %l: %v");
  logger->set_level(spdlog::level::from_str(level));
  spdlog::set_default_logger(logger);
}

}  // namespace hydra_adapt
