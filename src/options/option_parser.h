#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hydra_adapt {

// The style every hydra-adapt command parses its words with: without prefix guessing, so
// "--sch" never silently means "--schema" nor "--comp" "--component".
int option_style();

// Parses option words with Boost.ProgramOptions in option_style(). The values are stored,
// not notified. Throws AdaptError for a bad option, pointing at `help_hint`
// ("hydra-adapt --help").
boost::program_options::variables_map parse_option_words(const boost::program_options::options_description& options,
                                                         const std::vector<std::string>& words,
                                                         const std::string& help_hint);

// A subcommand's words (argv[0] its name): its own options up to the first "--", and the
// program's words after it, which are not options of ours.
struct SubcommandWords {
  std::vector<std::string> own;
  std::optional<std::vector<std::string>> program;  // nullopt without "--"
};
SubcommandWords split_subcommand_words(int argc, const char* const* argv);

// The value of a 1|0 option (true and false too). Throws AdaptError naming the option and
// its variable for any other value.
bool switch_value(const boost::program_options::variables_map& values, const char* option, const char* variable);

}  // namespace hydra_adapt
