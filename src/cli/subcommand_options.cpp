#include "cli/subcommand_options.h"

#include <string>

#include "adapt_error.h"

namespace hydra_adapt {
namespace po = boost::program_options;

po::variables_map parse_subcommand_options(const po::options_description& options, int argc, const char* const* argv,
                                           const std::string& help_hint) {
  po::variables_map values;
  try {
    const int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    po::store(po::command_line_parser(argc, argv).options(options).style(style).run(), values);
  } catch (const po::error& error) {
    throw AdaptError(std::string(error.what()) + "; see " + help_hint);
  }
  return values;
}

}  // namespace hydra_adapt
