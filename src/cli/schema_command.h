#pragma once

namespace hydra_adapt {

// `hydra-adapt schema --component FILE | --hydra-config FILE | --from-program -- PROGRAM`:
// prints the schema a component spec or the app's own Hydra config implies (merged as a run
// merges them) as YAML that --schema reads, the starting point for a tuned one. argv[0] is
// "schema". A spec whose command line passes no --flag gets an empty schema and one warning
// line that says why. Returns the exit status; throws AdaptError for bad options, specs or
// configs, or a program that fails under --cfg all.
int run_schema_command(int argc, const char* const* argv);

}  // namespace hydra_adapt
