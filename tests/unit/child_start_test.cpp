// The supervisor's child before its exec: whatever it throws ends the child with _exit and the
// status on the report pipe, never unwinding into the caller (in the tool: main, a second copy).
#include "supervision/child_start.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

#include "adapt_error.h"

namespace hydra_adapt {
namespace {

constexpr int kUnwound = 99;

struct ChildEnd {
  int exit_status = -1;
  int reported = -1;  // the byte on the report pipe; -1 when none
};

ChildEnd run_child(const std::function<void()>& start) {
  int report_pipe[2];
  if (::pipe(report_pipe) != 0) throw std::runtime_error("pipe");
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(report_pipe[0]);
    try {
      start_in_child(start, report_pipe[1]);
    } catch (...) {
    }
    std::_Exit(kUnwound);  // only reached when the exception left start_in_child
  }
  ::close(report_pipe[1]);
  ChildEnd end;
  unsigned char byte = 0;
  if (::read(report_pipe[0], &byte, 1) == 1) end.reported = byte;
  ::close(report_pipe[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  end.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return end;
}

TEST(ChildStart, AnAdaptErrorEndsTheChildWithItsOwnStatus) {
  const ChildEnd end = run_child([] { throw AdaptError("program 'x' not found", kNotFoundExitStatus); });
  EXPECT_EQ(end.exit_status, kNotFoundExitStatus);
  EXPECT_EQ(end.reported, kNotFoundExitStatus);
}

TEST(ChildStart, AnyOtherExceptionEndsTheChildWith126) {
  const ChildEnd end = run_child([] { throw std::runtime_error("out of memory"); });
  EXPECT_EQ(end.exit_status, kNotExecutableExitStatus);
  EXPECT_EQ(end.reported, kNotExecutableExitStatus);
}

TEST(ChildStart, EvenOneThatIsNoStdException) {
  const ChildEnd end = run_child([] { throw 42; });
  EXPECT_EQ(end.exit_status, kNotExecutableExitStatus);
  EXPECT_EQ(end.reported, kNotExecutableExitStatus);
}

}  // namespace
}  // namespace hydra_adapt
