#pragma once

#include <cstddef>
#include <string>

namespace hydra_adapt {

// One thing `hydra-adapt check` found: the error a run would give (or a warning), placed at the
// line of the source that causes it.
struct Finding {
  enum class Severity { kError, kWarning };
  std::string file;      // the source; empty for a finding about the app's config
  std::size_t line = 0;  // 0: no line
  std::string flag;      // "--lr"; empty for a config key
  std::string source;    // the source's kind: "component", "vertex-study", "wandb-sweep"; "config"
  Severity severity = Severity::kError;
  std::string kind;     // "unknown", "ambiguous", "type", "unset"
  std::string message;  // what is wrong and the fix, without the flag
};

}  // namespace hydra_adapt
