#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hydra_adapt {

// A POSIX shell word that reads back as `word`, so a printed command can be pasted.
std::string shell_quote(std::string_view word);
std::string shell_join(const std::vector<std::string>& words);

}  // namespace hydra_adapt
