#pragma once

namespace hydra_adapt {

// `hydra-adapt rewrite --component FILE --style adapter|hydra`: prints the component spec
// rewritten (see rewrite_component_yaml). argv[0] is "rewrite". Returns the exit status;
// throws AdaptError for bad options or specs.
int run_rewrite_command(int argc, const char* const* argv);

}  // namespace hydra_adapt
