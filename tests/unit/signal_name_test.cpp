#include "supervision/signal_name.h"

#include <gtest/gtest.h>

#include <csignal>
#include <string>

#include "adapt_error.h"

namespace hydra_adapt {
namespace {

const std::string kOrigin = "--parent-death-signal / HYDRA_ADAPT_PARENT_DEATH_SIGNAL";

std::string error_of(const std::string& text) {
  try {
    forwardable_signal(text, kOrigin);
  } catch (const AdaptError& error) {
    EXPECT_EQ(error.exit_status(), kUsageExitStatus);
    return error.what();
  }
  ADD_FAILURE() << "'" << text << "' was taken as a signal";
  return "";
}

TEST(SignalName, TakesNamesInAnyCaseWithOrWithoutSig) {
  EXPECT_EQ(forwardable_signal("TERM", kOrigin), SIGTERM);
  EXPECT_EQ(forwardable_signal("SIGTERM", kOrigin), SIGTERM);
  EXPECT_EQ(forwardable_signal("sigusr1", kOrigin), SIGUSR1);
  EXPECT_EQ(forwardable_signal("Usr2", kOrigin), SIGUSR2);
  EXPECT_EQ(forwardable_signal("hup", kOrigin), SIGHUP);
  EXPECT_EQ(forwardable_signal("SIGWINCH", kOrigin), SIGWINCH);
  EXPECT_EQ(forwardable_signal("PWR", kOrigin), SIGPWR);
}

TEST(SignalName, TakesNumbersOfRealSignals) {
  EXPECT_EQ(forwardable_signal("15", kOrigin), SIGTERM);
  EXPECT_EQ(forwardable_signal("1", kOrigin), SIGHUP);
  EXPECT_EQ(forwardable_signal("31", kOrigin), 31);
  EXPECT_EQ(forwardable_signal(std::to_string(SIGRTMIN), kOrigin), SIGRTMIN);
  EXPECT_EQ(forwardable_signal(std::to_string(SIGRTMAX), kOrigin), SIGRTMAX);
}

TEST(SignalName, RefusesWhatIsNoSignal) {
  for (const char* text : {"", "SIG", "TERMINATE", "SIGSIGTERM", " TERM", "TERM ", "0", "32", "33", "65", "-15", "+15",
                           "1.5", "99999999999999999999", "RTMIN"}) {
    const std::string message = error_of(text);
    EXPECT_EQ(message, kOrigin + ": '" + text +
                           "' is not a signal; give a name such as TERM or SIGUSR1, or a number such as 15");
  }
}

TEST(SignalName, RefusesSignalsNoProcessCanCatch) {
  EXPECT_EQ(error_of("KILL"), kOrigin +
                                  ": 'KILL' is SIGKILL, which no process can catch, so hydra-adapt could not pass it "
                                  "on; give another signal such as TERM");
  EXPECT_NE(error_of("9").find("'9' is SIGKILL, which no process can catch"), std::string::npos);
  EXPECT_NE(error_of("sigstop").find("'sigstop' is SIGSTOP, which no process can catch"), std::string::npos);
  EXPECT_NE(error_of("19").find("is SIGSTOP"), std::string::npos);
}

TEST(SignalName, RefusesTheSupervisorsOwnChildSignal) {
  EXPECT_EQ(
      error_of("CHLD"),
      kOrigin + ": 'CHLD' is SIGCHLD, which tells hydra-adapt that a child ended; give another signal such as TERM");
}

TEST(SignalName, QuotesControlCharactersOnOneLine) {
  EXPECT_NE(error_of("TE\nRM").find("'TE\\nRM' is not a signal"), std::string::npos);
}

}  // namespace
}  // namespace hydra_adapt
