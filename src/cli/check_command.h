#pragma once

namespace hydra_adapt {

// `hydra-adapt check [MAPPING OPTIONS] SOURCES... [-- PROGRAM [WORDS...]]`: sends every value
// the sources (component specs, Vertex AI studies, W&B sweeps) can send through the mapping the
// run uses and prints what the run would refuse, each finding at the line of its source.
// argv[0] is "check". Returns 0 without errors, 1 with; throws AdaptError (exit 2) when the
// check cannot run: bad options, an unreadable or invalid source or mapping, a program that
// fails under --cfg all.
int run_check_command(int argc, const char* const* argv);

}  // namespace hydra_adapt
