#include "translate/exec_limits.h"

#include <algorithm>

#include "adapt_error.h"

namespace hydra_adapt {

void check_word_fits(std::string_view word, std::string_view origin) {
  if (word.size() + 1 <= kMaxWordBytes) return;
  throw AdaptError(std::string(origin) + ": the command-line word it becomes is " + std::to_string(word.size() + 1) +
                   " bytes with its NUL; Linux refuses words over " + std::to_string(kMaxWordBytes) +
                   " bytes, so pass such data in a file and its path instead");
}

std::size_t exec_size_limit(std::size_t stack_limit_bytes) {
  constexpr std::size_t kStackLimitCap = 8 * 1024 * 1024 / 4 * 3;  // _STK_LIM / 4 * 3
  constexpr std::size_t kArgMax = 32 * 4096;                       // ARG_MAX: 32 pages
  return std::max(std::min(stack_limit_bytes / 4, kStackLimitCap), kArgMax);
}

void check_command_fits(const std::vector<std::string>& argv, const std::vector<std::string_view>& environment,
                        std::size_t limit) {
  // The kernel copies the program's path, then the environment, then argv.
  std::size_t bytes = (argv.empty() ? 0 : argv.front().size() + 1);
  for (const std::string& word : argv) bytes += word.size() + 1 + sizeof(char*);
  for (const std::string_view variable : environment) bytes += variable.size() + 1 + sizeof(char*);
  if (bytes <= limit) return;
  throw AdaptError("the final command and environment take " + std::to_string(bytes) + " bytes, over the " +
                   std::to_string(limit) +
                   " bytes Linux lets a program start with; pass large values in files, or trim the environment");
}

}  // namespace hydra_adapt
