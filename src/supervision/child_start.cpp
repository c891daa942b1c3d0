#include "supervision/child_start.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <exception>

#include "adapt_error.h"
#include "report/error_line.h"

namespace hydra_adapt {
namespace {

// The pipe closes unwritten at a successful exec (O_CLOEXEC), so the supervisor tells the
// program's own exit statuses (remapped by --remap-exit) from the tool's (never remapped).
[[noreturn]] void fail_before_exec(int report_pipe, const AdaptError& error) {
  print_error_line(error);
  const unsigned char status = static_cast<unsigned char>(error.exit_status());
  while (::write(report_pipe, &status, 1) < 0 && errno == EINTR) {
  }
  std::_Exit(error.exit_status());
}

}  // namespace

void start_in_child(const std::function<void()>& start, int report_pipe) {
  try {
    start();
  } catch (const AdaptError& error) {
    fail_before_exec(report_pipe, error);
  } catch (const std::exception& error) {
    fail_before_exec(report_pipe, internal_error(error.what(), kNotExecutableExitStatus));
  } catch (...) {
    fail_before_exec(report_pipe, internal_error("an exception of unknown type", kNotExecutableExitStatus));
  }
  // `start` returned without its exec: not a state any caller may reach.
  fail_before_exec(report_pipe, internal_error("the program was not started", kNotExecutableExitStatus));
}

}  // namespace hydra_adapt
