#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace hydra_adapt {

// Parses option words with Boost.ProgramOptions as every hydra-adapt command does: without
// prefix guessing, so "--sch" never silently means "--schema" nor "--comp" "--component".
// The values are stored, not notified. Throws AdaptError for a bad option, pointing at
// `help_hint` ("hydra-adapt --help").
boost::program_options::variables_map parse_option_words(const boost::program_options::options_description& options,
                                                         const std::vector<std::string>& words,
                                                         const std::string& help_hint);

}  // namespace hydra_adapt
