#include "cli/init_supervisor.h"

#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "adapt_error.h"
#include "cli/error_line.h"
#include "cli/launch.h"

// Plain fork/execv/waitpid rather than Boost.Process: the child must be set up between fork
// and exec (mask, dispositions) and then exec in place, for which Boost.Process has no call;
// and Boost.Process waits for its child by PID, which races the waitpid(-1) below that reaps
// orphans: whichever call comes first takes the child's status and the other never sees it.

namespace hydra_adapt {
namespace {

// A failed step of the supervisor's set-up would lose the program's signals or its exit
// status, so the program is not started (exit 1, as for a failed fork).
void check_setup(int result, const char* step) {
  if (result != 0) throw AdaptError(std::string("cannot ") + step + ": " + std::strerror(errno), 1);
}

constexpr int kForwardedSignals[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH};

// Everything the loop waits for. Blocked signals are queued even for PID 1, whose default
// dispositions the kernel would otherwise drop; sigwaitinfo then takes them one by one.
sigset_t awaited_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGCHLD);
  for (int signal : kForwardedSignals) sigaddset(&signals, signal);
  return signals;
}

// Whoever started the tool may have left signals blocked or ignored (nohup, a shell's
// background job, a parent that ignores SIGPIPE); the program gets a fresh start instead,
// so a SIGTERM forwarded to it does what its own code says.
[[noreturn]] void become_program(const std::string& path, const std::vector<std::string>& argv) {
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  for (int signal = 1; signal < NSIG; ++signal) {
    // Unchecked: the C library refuses the signals it reserves for itself, which is fine.
    if (signal != SIGKILL && signal != SIGSTOP) ::sigaction(signal, &default_action, nullptr);
  }
  sigset_t empty;
  sigemptyset(&empty);
  try {
    check_setup(::sigprocmask(SIG_SETMASK, &empty, nullptr), "unblock the program's signals");
    exec_program(path, argv);
  } catch (const AdaptError& error) {
    print_error_line(error);
    std::_Exit(error.exit_status());
  }
}

int exit_status_of(int wait_status) {
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return WEXITSTATUS(wait_status);
}

// Reaps every child that has ended; the program's exit status once it is among them.
std::optional<int> reap_zombies(pid_t program) {
  std::optional<int> program_status;
  for (;;) {
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, WNOHANG);
    if (pid <= 0) return program_status;
    if (pid == program) program_status = exit_status_of(status);
  }
}

}  // namespace

int supervise_program(const std::string& path, const std::vector<std::string>& argv) {
  // Orphans of the program come here to be reaped even when the tool is not PID 1 (--init).
  if (::prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) {
    spdlog::warn("cannot become the subreaper of the program's orphans ({}); they are reaped here only as PID 1",
                 std::strerror(errno));
  }
  // A SIGCHLD ignored by whoever started the tool would make the kernel reap children
  // itself, and waitpid would never see the program's status.
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  check_setup(::sigaction(SIGCHLD, &default_action, nullptr), "restore SIGCHLD");

  const sigset_t signals = awaited_signals();
  check_setup(::sigprocmask(SIG_BLOCK, &signals, nullptr), "block the signals the supervisor forwards");
  const pid_t program = ::fork();
  if (program < 0) throw AdaptError(std::string("cannot start a child process: ") + std::strerror(errno), 1);
  if (program == 0) become_program(path, argv);

  for (;;) {
    siginfo_t info{};
    if (::sigwaitinfo(&signals, &info) < 0) continue;  // EINTR: a stop/continue, nothing to do
    if (info.si_signo != SIGCHLD) {
      ::kill(program, info.si_signo);  // unchecked: a program that has just ended is reaped next
      continue;
    }
    if (const std::optional<int> program_status = reap_zombies(program)) return *program_status;
  }
}

}  // namespace hydra_adapt
