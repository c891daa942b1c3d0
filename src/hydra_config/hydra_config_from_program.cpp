#include "hydra_config/hydra_config_from_program.h"

#include <sys/wait.h>

#include <boost/process/args.hpp>
#include <boost/process/child.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/io.hpp>
#include <boost/process/pipe.hpp>
#include <iterator>

#include "adapt_error.h"
#include "hydra_config/hydra_config.h"
#include "report/shell_quote.h"
#include "supervision/launch.h"

namespace hydra_adapt {
namespace {

std::string exit_description(int status) {
  if (WIFSIGNALED(status)) return "was killed by signal " + std::to_string(WTERMSIG(status));
  return "failed with exit status " + std::to_string(WEXITSTATUS(status));
}

}  // namespace

std::shared_ptr<const ConfigMatcher> hydra_config_from_program(const std::vector<std::string>& command) {
  if (command.empty() || command.front().empty()) {
    throw AdaptError(
        "--from-program needs the program after '--'; write: hydra-adapt schema --from-program -- "
        "python3 main.py");
  }
  std::vector<std::string> words(command.begin() + 1, command.end());
  words.insert(words.end(), {"--cfg", "all"});
  const std::string shown = shell_join(command) + " --cfg all";
  namespace bp = boost::process;
  bp::ipstream output;
  bp::child program(bp::exe = resolve_program(command.front()), bp::args = words, bp::std_out > output);
  const std::string text{std::istreambuf_iterator<char>(output), std::istreambuf_iterator<char>()};
  program.wait();
  const int status = program.native_exit_code();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw AdaptError("the program (" + shown + ") " + exit_description(status) +
                     " (its own messages are above); fix the program or its words so that it prints its config");
  }
  return std::make_shared<const ConfigMatcher>(parse_hydra_config(text, "the output of " + shown));
}

}  // namespace hydra_adapt
