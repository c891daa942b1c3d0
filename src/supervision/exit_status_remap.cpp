#include "supervision/exit_status_remap.h"

#include <optional>
#include <string>

#include "adapt_error.h"
#include "values/number_text.h"

namespace hydra_adapt {

void ExitStatusRemap::add(std::string_view list, const std::string& origin) {
  for (;;) {
    const std::size_t comma = list.find(',');
    const std::string_view status = list.substr(0, comma);
    const std::optional<unsigned> number = parse_whole_number(status);
    if (!number || *number >= to_success_.size()) {
      throw AdaptError(origin + ": " + quote_for_message(status) +
                       " is not an exit status; give whole numbers from 0 to 255, such as 143 (128 + SIGTERM's 15)");
    }
    to_success_.set(*number);
    if (comma == std::string_view::npos) return;
    list.remove_prefix(comma + 1);
  }
}

int ExitStatusRemap::apply(int status) const {
  const bool remapped = status >= 0 && status < static_cast<int>(to_success_.size()) && to_success_.test(status);
  return remapped ? 0 : status;
}

}  // namespace hydra_adapt
