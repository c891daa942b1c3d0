#include "supervision/config_run.h"

#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/process/args.hpp>
#include <boost/process/child.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/extend.hpp>
#include <boost/process/io.hpp>
#include <boost/process/pipe.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>

#include "adapt_error.h"
#include "report/shell_quote.h"
#include "supervision/init_duty.h"
#include "supervision/launch.h"

// Boost.Process starts the run; the waiting is done here, by signalfd and waitpid, for the same
// reason as in the supervisor: as PID 1 every zombie is reaped with waitpid(-1), which would take
// the run's status from Boost's own wait.

namespace hydra_adapt {
namespace {

constexpr std::size_t kKeptErrorOutput = 1024 * 1024;  // beyond, the end: Hydra's error is there

std::string exit_description(int status) {
  if (WIFSIGNALED(status)) return "was killed by signal " + std::to_string(WTERMSIG(status));
  return "failed with exit status " + std::to_string(WEXITSTATUS(status));
}

// The tool's signal mask and SIGCHLD disposition while a run lasts: the awaited signals are
// blocked and read from a signalfd, and restored as they were afterwards.
class AwaitedSignals {
 public:
  explicit AwaitedSignals(bool init_duty) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGCHLD);
    for (int signal : kForwardedSignals) {
      if (init_duty || signal == SIGTERM || signal == SIGINT) sigaddset(&signals_, signal);
    }
    // A SIGCHLD ignored by whoever started the tool would let the kernel reap the run itself.
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    ::sigaction(SIGCHLD, &default_action, &chld_action_);
    ::sigprocmask(SIG_BLOCK, &signals_, &old_mask_);
    fd_ = ::signalfd(-1, &signals_, SFD_CLOEXEC);
    if (fd_ < 0) {
      restore();
      throw AdaptError(std::string("cannot wait for the app's config: ") + std::strerror(errno), 1);
    }
  }
  ~AwaitedSignals() {
    ::close(fd_);
    restore();
  }
  AwaitedSignals(const AwaitedSignals&) = delete;
  AwaitedSignals& operator=(const AwaitedSignals&) = delete;

  int fd() const { return fd_; }
  const sigset_t& old_mask() const { return old_mask_; }

 private:
  void restore() {
    ::sigprocmask(SIG_SETMASK, &old_mask_, nullptr);
    ::sigaction(SIGCHLD, &chld_action_, nullptr);
  }

  sigset_t signals_{};
  sigset_t old_mask_{};
  struct sigaction chld_action_ {};
  int fd_ = -1;
};

class ConfigRunProcess {
 public:
  ConfigRunProcess(const std::vector<std::string>& command, const ConfigRunLimits& limits)
      : command_(command), limits_(limits), signals_(limits.init_duty) {}

  ConfigRunResult run() {
    start();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits_.timeout_seconds);
    while (!status_ || output_fd_ >= 0 || error_fd_ >= 0) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return timed_out();
      pollfd fds[] = {{output_fd_, POLLIN, 0}, {error_fd_, POLLIN, 0}, {signals_.fd(), POLLIN, 0}};
      if (::poll(fds, 3, static_cast<int>(left.count())) < 0) continue;  // EINTR: a stop/continue
      if (fds[0].revents != 0) read_output(output_fd_, result_.output);
      if (fds[1].revents != 0) read_output(error_fd_, result_.error_output);
      if (fds[2].revents != 0) take_signal();
    }
    result_.succeeded = WIFEXITED(*status_) && WEXITSTATUS(*status_) == 0;
    if (!result_.succeeded) result_.failure = exit_description(*status_);
    return std::move(result_);
  }

 private:
  void start() {
    namespace bp = boost::process;
    const std::string path = resolve_program(command_.front());
    const sigset_t& old_mask = signals_.old_mask();
    try {
      bp::child child(
          bp::exe = path, bp::args = std::vector<std::string>(command_.begin() + 1, command_.end()),
          bp::std_out > output_, bp::std_err > error_,
          // The run starts with the mask the tool was given, not the one that waits for it.
          bp::extend::on_exec_setup = [&old_mask](auto&) { ::sigprocmask(SIG_SETMASK, &old_mask, nullptr); });
      pid_ = child.id();
      child.detach();
    } catch (const bp::process_error& error) {
      throw AdaptError("cannot run '" + command_.front() + "': " + error.what(), kNotExecutableExitStatus);
    }
    output_fd_ = output_.native_source();
    error_fd_ = error_.native_source();
  }

  // Appends what `fd` has; at its end, stops reading it.
  void read_output(int& fd, std::string& kept) {
    char buffer[16384];
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) return;
    if (got <= 0) {
      fd = -1;  // the pipe object closes it
      return;
    }
    kept.append(buffer, static_cast<std::size_t>(got));
    if (&kept == &result_.error_output && kept.size() > 2 * kKeptErrorOutput)
      kept.erase(0, kept.size() - kKeptErrorOutput);
  }

  void take_signal() {
    signalfd_siginfo info{};
    if (::read(signals_.fd(), &info, sizeof info) != static_cast<ssize_t>(sizeof info)) return;
    const int signal = static_cast<int>(info.ssi_signo);
    if (signal == SIGCHLD) {
      reap();
      return;
    }
    if (signal == SIGTERM || signal == SIGINT) {
      end_run();
      throw AdaptError(std::string(signal == SIGTERM ? "SIGTERM" : "SIGINT") +
                           " while the app's config was composed (" + shell_join(command_) +
                           "): the run was ended and the program not started",
                       128 + signal);
    }
    if (!status_) ::kill(pid_, signal);  // unchecked: a run that has just ended is reaped next
  }

  // The run's status once it has ended; under the duty, every other zombie too.
  void reap() {
    for (;;) {
      int status = 0;
      const pid_t pid = ::waitpid(limits_.init_duty ? -1 : pid_, &status, WNOHANG);
      if (pid <= 0) return;
      if (pid == pid_) status_ = status;
    }
  }

  void end_run() {
    if (status_) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    status_ = status;
  }

  ConfigRunResult timed_out() {
    end_run();
    result_.failure = "did not end within " + std::to_string(limits_.timeout_seconds) +
                      " seconds (HYDRA_ADAPT_COMPOSE_TIMEOUT) and was killed";
    return std::move(result_);
  }

  const std::vector<std::string>& command_;
  const ConfigRunLimits& limits_;
  AwaitedSignals signals_;
  boost::process::pipe output_;
  boost::process::pipe error_;
  int output_fd_ = -1;
  int error_fd_ = -1;
  pid_t pid_ = -1;
  std::optional<int> status_;
  ConfigRunResult result_;
};

}  // namespace

ConfigRunResult run_for_config(const std::vector<std::string>& command, const ConfigRunLimits& limits) {
  return ConfigRunProcess(command, limits).run();
}

}  // namespace hydra_adapt
