#include "hydra_config/hydra_config_from_program.h"

#include <iostream>

#include "adapt_error.h"
#include "hydra_config/hydra_config.h"
#include "report/shell_quote.h"

namespace hydra_adapt {

std::shared_ptr<const ConfigMatcher> hydra_config_from_program(const std::vector<std::string>& command,
                                                               const ConfigRunLimits& limits) {
  if (command.empty() || command.front().empty()) {
    throw AdaptError(
        "--from-program needs the program after '--'; write: hydra-adapt schema --from-program -- "
        "python3 main.py");
  }
  std::vector<std::string> words = command;
  words.insert(words.end(), {"--cfg", "all"});
  const std::string shown = shell_join(words);
  const ConfigRunResult result = run_for_config(words, limits);
  std::cerr << result.error_output << std::flush;
  if (!result.succeeded) {
    throw AdaptError("the program (" + shown + ") " + result.failure +
                     " (its own messages are above); fix the program or its words so that it prints its config");
  }
  return std::make_shared<const ConfigMatcher>(parse_hydra_config(result.output, "the output of " + shown));
}

}  // namespace hydra_adapt
