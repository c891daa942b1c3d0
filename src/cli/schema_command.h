#pragma once

namespace hydra_adapt {

// `hydra-adapt schema --component FILE [--component-executor NAME]`: prints the schema the
// component spec implies as YAML that --schema reads, the starting point for a tuned one.
// argv[0] is "schema", which Boost skips as it skips a program name. Returns the exit status; throws AdaptError for bad
// options or specs.
int run_schema_command(int argc, const char* const* argv);

}  // namespace hydra_adapt
