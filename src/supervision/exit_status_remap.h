#pragma once

#include <bitset>
#include <string>
#include <string_view>

namespace hydra_adapt {

// The program's exit statuses that count as success, as tini's -e has it: a trainer that saved
// its checkpoint on SIGTERM and ended with 143 has done what it should. Only the program's own
// statuses go through it, never the tool's (2, and 126/127 when the program cannot be started).
class ExitStatusRemap {
 public:
  // Adds each status of a comma-separated list ("143" or "143,130"), each a whole number from 0
  // to 255 (128+N for a program that signal N ended). Throws AdaptError starting with `origin`.
  void add(std::string_view list, const std::string& origin);

  // 0 for a status added above, else the status itself.
  int apply(int status) const;

  bool empty() const { return to_success_.none(); }

 private:
  std::bitset<256> to_success_;
};

}  // namespace hydra_adapt
