#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace hydra_adapt {

// Exit statuses the tool itself gives; otherwise the program's own status comes back.
inline constexpr int kUsageExitStatus = 2;
inline constexpr int kNotExecutableExitStatus = 126;  // as shells report it
inline constexpr int kNotFoundExitStatus = 127;

// Bad input the user must fix. The message is one line: main prints it after
// "hydra-adapt: error: " and exits with exit_status(), before the program starts.
class AdaptError : public std::runtime_error {
 public:
  explicit AdaptError(const std::string& message, int exit_status = kUsageExitStatus)
      : std::runtime_error(message), exit_status_(exit_status) {}
  int exit_status() const { return exit_status_; }

 private:
  int exit_status_;
};

// A text made safe for a one-line message: quoted, control characters escaped, and
// shortened when long, so an error never spills a 100 KiB value onto the terminal.
std::string quote_for_message(std::string_view text);

// quote_for_message, or "(secret, not shown)" for the value of a secret flag.
std::string describe_value(std::string_view text, bool secret);

}  // namespace hydra_adapt
