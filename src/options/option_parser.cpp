#include "options/option_parser.h"

#include <algorithm>
#include <string_view>

#include "adapt_error.h"

namespace hydra_adapt {
namespace po = boost::program_options;

int option_style() { return po::command_line_style::default_style & ~po::command_line_style::allow_guessing; }

po::variables_map parse_option_words(const po::options_description& options, const std::vector<std::string>& words,
                                     const std::string& help_hint) {
  po::variables_map values;
  try {
    po::store(po::command_line_parser(words).options(options).style(option_style()).run(), values);
  } catch (const po::error& error) {
    throw AdaptError(std::string(error.what()) + "; see " + help_hint);
  }
  return values;
}

bool switch_value(const po::variables_map& values, const char* option, const char* variable) {
  const std::string value = values[option].as<std::string>();
  if (value == "1" || value == "true") return true;
  if (value == "0" || value == "false") return false;
  throw AdaptError(std::string("--") + option + " / " + variable + ": " + quote_for_message(value) +
                   " is not one of 1, 0");
}

SubcommandWords split_subcommand_words(int argc, const char* const* argv) {
  const char* const* end = argv + argc;
  const char* const* dash_dash =
      std::find_if(argv + std::min(argc, 1), end, [](const char* word) { return std::string_view(word) == "--"; });
  SubcommandWords words{{argv + std::min(argc, 1), dash_dash}, std::nullopt};
  if (dash_dash != end) words.program.emplace(dash_dash + 1, end);
  return words;
}

}  // namespace hydra_adapt
