#include "hydra_config/config_resolver.h"

#include "adapt_error.h"
#include "args/hydra_flags.h"

namespace hydra_adapt {
namespace {

class ConfigResolver : public FlagResolver {
 public:
  explicit ConfigResolver(std::shared_ptr<const ConfigMatcher> matcher) : matcher_(std::move(matcher)) {}

  std::optional<FlagSpec> resolve(std::string_view flag_name) const override {
    // Hydra's own flags stay Hydra's (--version, --run, --info): only a declaration takes one.
    if (find_hydra_flag("--" + std::string(flag_name))) return std::nullopt;
    const NameMatch match = matcher_->match(flag_name);
    if (match.targets.empty()) return std::nullopt;
    if (match.targets.size() > 1) throw AdaptError(ambiguous_flag_message(flag_name, match));
    return matched_flag(flag_name, match);
  }

  std::optional<std::string> nearest(std::string_view flag_name) const override { return matcher_->nearest(flag_name); }

  std::string known_flags() const override { return "the config groups and paths of the app's Hydra config"; }

 private:
  std::shared_ptr<const ConfigMatcher> matcher_;
};

}  // namespace

Schema hydra_config_schema(std::shared_ptr<const ConfigMatcher> matcher) {
  Schema schema;
  schema.unknown = UnknownPolicy::kError;  // as with a schema: the config names every key there is
  schema.resolver = std::make_shared<ConfigResolver>(std::move(matcher));
  return schema;
}

FlagSpec matched_flag(std::string_view flag_name, const NameMatch& match) {
  FlagSpec flag;
  flag.name = flag_name;
  flag.key = match.targets.front().key;
  flag.type = match.targets.front().type;
  flag.rule = match_rule_name(match.rule);
  return flag;
}

std::string ambiguous_flag_message(std::string_view flag_name, const NameMatch& match) {
  const std::string flag = "--" + std::string(flag_name);
  return flag + " is ambiguous in the app's Hydra config: it may be " + listed_keys(match.targets) +
         "; name the one you mean by its whole path (--" + match.targets.front().key + ") or declare " + flag +
         " with its key in a --schema";
}

}  // namespace hydra_adapt
