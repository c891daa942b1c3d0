#pragma once

#include <boost/program_options.hpp>

namespace hydra_adapt {

// Parses a subcommand's options (argv[0] is the subcommand's name, which Boost skips as it
// skips a program name) without prefix guessing, so "--comp" never silently means
// "--component". Throws AdaptError for a bad option, pointing at `help_hint`.
boost::program_options::variables_map parse_subcommand_options(
    const boost::program_options::options_description& options, int argc, const char* const* argv,
    const std::string& help_hint);

}  // namespace hydra_adapt
