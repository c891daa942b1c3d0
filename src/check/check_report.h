#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "check/finding.h"

namespace hydra_adapt {

// How many flags of how many sources a check went through, for its last line.
struct CheckCount {
  std::size_t flags = 0;
  std::size_t sources = 0;
  std::size_t program_starts = 0;  // each run of the program under --cfg
};

// As a compiler prints them: `FILE:LINE: error: --flag: what is wrong; the fix` per finding
// (a finding about the config: `hydra-adapt check: warning: ...`), then
// `hydra-adapt check: E errors, W warnings (F flags from N sources)`.
std::string findings_text(const std::vector<Finding>& findings, const CheckCount& count);

// One JSON document: {"findings": [{file, line, flag, source, severity, kind, message}, ...],
// "errors": E, "warnings": W, "flags": F, "sources": N, "program_starts": S}; an absent file,
// line or flag is null.
std::string findings_json(const std::vector<Finding>& findings, const CheckCount& count);

// GitHub Actions' workflow commands (`::error file=F,line=L::message`), one per finding, so
// that each lands on the pull request's diff.
std::string workflow_commands(const std::vector<Finding>& findings);

}  // namespace hydra_adapt
