#pragma once

#include <string>

#include "check/sent_flags.h"

namespace hydra_adapt {

// What a Kubeflow Pipelines component spec (`check --component FILE`) can send: every --flag
// its command line can emit, as the run's --component reads it, at the line that declares it,
// with the values it can send: a constant as written, an input's default, or for a number or
// bool input without a default a value of its declared type (a Float input can send 0.5).
// `executor` picks one executor of a compiled spec. Throws AdaptError naming the spot for a spec
// the run could not use either.
SourceFlags component_sent_flags(const std::string& text, const std::string& file, const std::string& executor);

}  // namespace hydra_adapt
