#include "translate/value_sources.h"

#include <unordered_set>

namespace hydra_adapt {

std::vector<ArgWithOrigin> ordered_incoming_args(const std::vector<IncomingArg>& command_line,
                                                 const std::vector<PlatformValue>& platform) {
  std::unordered_set<std::string> platform_names;
  for (const PlatformValue& value : platform) platform_names.insert(value.name);
  std::vector<ArgWithOrigin> ordered;
  for (const IncomingArg& arg : command_line) {
    const bool flag = arg.kind == IncomingArg::Kind::kFlag;
    if (flag && platform_names.count(arg.name) > 0) continue;
    ordered.push_back({arg, flag ? "--" + arg.name : arg.words.front(), true});
  }
  for (const PlatformValue& value : platform) {
    ordered.push_back({{IncomingArg::Kind::kFlag, value.name, {"--" + value.name, value.text}, {value.text}},
                       value.origin,
                       false,
                       value.json});
  }
  return ordered;
}

}  // namespace hydra_adapt
