#include "supervision/init_supervisor.h"

#include <fcntl.h>
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
#include "supervision/child_start.h"
#include "supervision/launch.h"

// Plain fork/execv/waitpid rather than Boost.Process: the child must be set up between fork
// and exec (process group, terminal, mask, dispositions) and then exec in place, for which
// Boost.Process has no call; and Boost.Process waits for its child by PID, which races the
// waitpid(-1) below that reaps orphans: whichever call comes first takes the child's status and
// the other never sees it.

namespace hydra_adapt {
namespace {

// The tool's status when a system call the supervisor needs fails (no fork, no process group):
// not the program's, so never remapped; 126 and 127 stay the exec's own.
constexpr int kSupervisorFailureExitStatus = 1;

// A failed step of the supervisor's set-up would lose the program's signals or its exit
// status, so the program is not started.
void check_setup(int result, const char* step) {
  if (result != 0) {
    throw AdaptError(std::string("cannot ") + step + ": " + std::strerror(errno), kSupervisorFailureExitStatus);
  }
}

// Everything the loop waits for. Blocked signals are queued even for PID 1, whose default
// dispositions the kernel would otherwise drop; sigwaitinfo then takes them one by one.
sigset_t awaited_signals(const InitDuty& duty) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGCHLD);
  for (int signal : kForwardedSignals) sigaddset(&signals, signal);
  if (duty.parent_death_signal) sigaddset(&signals, *duty.parent_death_signal);
  return signals;
}

int set_disposition(int signal, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  return ::sigaction(signal, &action, nullptr);
}

// As tini does: the program leads its own process group, so that --kill-group reaches it and
// everything it starts, and that group takes the terminal when the tool had it, so ^C and a
// shell's reads go to the program as they would without the tool. Done here in the child, before
// the exec, so the program never runs in the background; SIGTTOU is still ignored here (inherited
// from the supervisor), which lets a process outside the foreground group hand the terminal over.
void lead_own_group(bool take_terminal) {
  if (::setpgid(0, 0) != 0) {
    throw AdaptError(std::string("cannot give the program its own process group: ") + std::strerror(errno),
                     kSupervisorFailureExitStatus);
  }
  if (take_terminal && ::tcsetpgrp(STDIN_FILENO, ::getpgrp()) != 0) {
    throw AdaptError(std::string("cannot give the program the terminal: ") + std::strerror(errno),
                     kSupervisorFailureExitStatus);
  }
}

// Whoever started the tool may have left signals blocked or ignored (nohup, a shell's
// background job, a parent that ignores SIGPIPE); the program gets a fresh start instead,
// so a SIGTERM forwarded to it does what its own code says.
[[noreturn]] void become_program(const std::string& path, const std::vector<std::string>& argv, bool take_terminal) {
  lead_own_group(take_terminal);
  for (int signal = 1; signal < NSIG; ++signal) {
    // Unchecked: the C library refuses the signals it reserves for itself, which is fine.
    if (signal != SIGKILL && signal != SIGSTOP) set_disposition(signal, SIG_DFL);
  }
  sigset_t empty;
  sigemptyset(&empty);
  check_setup(::sigprocmask(SIG_SETMASK, &empty, nullptr), "unblock the program's signals");
  exec_program(path, argv);
}

// Blocks until the child has exec'd (the pipe closes empty) or reported a failure before its exec
// (one byte). Until then the child may not yet lead its group, so nothing is forwarded before.
bool program_started(int report_pipe) {
  unsigned char status = 0;
  ssize_t got = 0;
  while ((got = ::read(report_pipe, &status, 1)) < 0 && errno == EINTR) {
  }
  return got == 0;
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

int wait_for_program(pid_t program) {
  int status = 0;
  while (::waitpid(program, &status, 0) < 0 && errno == EINTR) {
  }
  return exit_status_of(status);
}

// Forwards each awaited signal to the program (or its group) and reaps every child that ends,
// until the program itself has ended; returns its status.
int forward_until_exit(pid_t program, const sigset_t& signals, bool kill_group) {
  for (;;) {
    siginfo_t info{};
    if (::sigwaitinfo(&signals, &info) < 0) continue;  // EINTR: a stop/continue, nothing to do
    if (info.si_signo != SIGCHLD) {
      // Unchecked: a program (or group) that has just ended is reaped next.
      ::kill(kill_group ? -program : program, info.si_signo);
      continue;
    }
    if (const std::optional<int> program_status = reap_zombies(program)) return *program_status;
  }
}

// Asks the kernel for SIGNAL when the tool's parent dies. A parent that died before the request
// already left the tool to another (getppid changed), so the signal is raised at once; it stays
// pending, as it is blocked, until the loop forwards it.
void ask_for_parent_death_signal(int signal, pid_t parent) {
  if (::prctl(PR_SET_PDEATHSIG, signal) != 0) {
    throw AdaptError(std::string("cannot ask for a signal at the parent's death: ") + std::strerror(errno),
                     kSupervisorFailureExitStatus);
  }
  if (::getppid() != parent) ::raise(signal);
}

}  // namespace

int supervise_program(const std::string& path, const std::vector<std::string>& argv, const InitDuty& duty) {
  const pid_t parent = ::getppid();
  // Orphans of the program come here to be reaped even when the tool is not PID 1 (--init).
  // As PID 1 they come here anyway, so the request is skipped (qemu-user refuses it).
  if (::getpid() != 1 && ::prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) {
    spdlog::warn("cannot become the subreaper of the program's orphans ({}); they are reaped here only as PID 1",
                 std::strerror(errno));
  }
  // A SIGCHLD ignored by whoever started the tool would make the kernel reap children
  // itself, and waitpid would never see the program's status.
  check_setup(set_disposition(SIGCHLD, SIG_DFL), "restore SIGCHLD");
  // The terminal moves to the program's group and back; the tool, then outside the foreground
  // group, must neither be stopped for doing so nor for printing a line.
  check_setup(set_disposition(SIGTTOU, SIG_IGN), "ignore SIGTTOU");
  check_setup(set_disposition(SIGTTIN, SIG_IGN), "ignore SIGTTIN");

  const sigset_t signals = awaited_signals(duty);
  check_setup(::sigprocmask(SIG_BLOCK, &signals, nullptr), "block the signals the supervisor forwards");
  if (duty.parent_death_signal) ask_for_parent_death_signal(*duty.parent_death_signal, parent);
  // Only a run in the terminal's foreground hands it to the program: a background run
  // (`hydra-adapt ... &`) must not take it from the shell. A group outside the tool's PID
  // namespace reads as 0 here: it can neither be compared nor given the terminal back.
  const pid_t own_group = ::getpgrp();
  const bool has_terminal = own_group > 0 && ::tcgetpgrp(STDIN_FILENO) == own_group;

  int report_pipe[2];
  check_setup(::pipe2(report_pipe, O_CLOEXEC), "start a child process");
  const pid_t program = ::fork();
  if (program < 0) {
    throw AdaptError(std::string("cannot start a child process: ") + std::strerror(errno),
                     kSupervisorFailureExitStatus);
  }
  if (program == 0) {
    start_in_child([&] { become_program(path, argv, has_terminal); }, report_pipe[1]);
  }
  ::close(report_pipe[1]);
  const bool started = program_started(report_pipe[0]);
  ::close(report_pipe[0]);

  const int status =
      started ? duty.successes.apply(forward_until_exit(program, signals, duty.kill_group)) : wait_for_program(program);
  // Back to whoever started the tool; unchecked: the program has ended, nothing is left to refuse.
  if (has_terminal) ::tcsetpgrp(STDIN_FILENO, own_group);
  return status;
}

}  // namespace hydra_adapt
