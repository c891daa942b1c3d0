#include "supervision/signal_name.h"

#include <csignal>
#include <optional>
#include <string>
#include <utility>

#include "adapt_error.h"
#include "text/ascii.h"
#include "values/number_text.h"

namespace hydra_adapt {
namespace {

// Linux's signals by the names kill -l prints, in lower case. SIGRTMIN+n has no fixed name (glibc moves
// SIGRTMIN), so real-time signals are given by number.
constexpr std::pair<const char*, int> kSignals[] = {
    {"hup", SIGHUP},   {"int", SIGINT},       {"quit", SIGQUIT}, {"ill", SIGILL},     {"trap", SIGTRAP},
    {"abrt", SIGABRT}, {"iot", SIGIOT},       {"bus", SIGBUS},   {"fpe", SIGFPE},     {"kill", SIGKILL},
    {"usr1", SIGUSR1}, {"segv", SIGSEGV},     {"usr2", SIGUSR2}, {"pipe", SIGPIPE},   {"alrm", SIGALRM},
    {"term", SIGTERM}, {"stkflt", SIGSTKFLT}, {"chld", SIGCHLD}, {"cont", SIGCONT},   {"stop", SIGSTOP},
    {"tstp", SIGTSTP}, {"ttin", SIGTTIN},     {"ttou", SIGTTOU}, {"urg", SIGURG},     {"xcpu", SIGXCPU},
    {"xfsz", SIGXFSZ}, {"vtalrm", SIGVTALRM}, {"prof", SIGPROF}, {"winch", SIGWINCH}, {"io", SIGIO},
    {"poll", SIGPOLL}, {"pwr", SIGPWR},       {"sys", SIGSYS},
};

// Numbers 32 and 33 (between the classic signals and SIGRTMIN) are glibc's own: it will not
// let a program block or catch them, so they cannot be forwarded either.
bool is_signal_number(unsigned number) {
  return (number >= 1 && number < 32) ||
         (number >= static_cast<unsigned>(SIGRTMIN) && number <= static_cast<unsigned>(SIGRTMAX));
}

int signal_number(std::string_view text, const std::string& origin) {
  const std::optional<unsigned> number = parse_whole_number(text);
  if (number && is_signal_number(*number)) return static_cast<int>(*number);
  std::string name = lowercase(text);
  if (starts_with(name, "sig")) name.erase(0, 3);
  for (const auto& [known, known_number] : kSignals) {
    if (name == known) return known_number;
  }
  throw AdaptError(origin + ": " + quote_for_message(text) +
                   " is not a signal; give a name such as TERM or SIGUSR1, or a number such as 15");
}

}  // namespace

int forwardable_signal(std::string_view text, const std::string& origin) {
  const int number = signal_number(text, origin);
  if (number == SIGKILL || number == SIGSTOP) {
    throw AdaptError(origin + ": " + quote_for_message(text) + " is " + (number == SIGKILL ? "SIGKILL" : "SIGSTOP") +
                     ", which no process can catch, so hydra-adapt could not pass it on; give another signal "
                     "such as TERM");
  }
  if (number == SIGCHLD) {
    throw AdaptError(origin + ": " + quote_for_message(text) +
                     " is SIGCHLD, which tells hydra-adapt that a child ended; give another signal such as TERM");
  }
  return number;
}

}  // namespace hydra_adapt
