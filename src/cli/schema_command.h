#pragma once

namespace hydra_adapt {

// `hydra-adapt schema --component FILE [--component-executor NAME]`: prints the schema the
// component spec implies as YAML that --schema reads, the starting point for a tuned one.
// argv[0] is "schema". A spec whose command line passes no --flag gets an empty schema and
// one warning line that says why. Returns the exit status; throws AdaptError for bad options
// or specs.
int run_schema_command(int argc, const char* const* argv);

}  // namespace hydra_adapt
