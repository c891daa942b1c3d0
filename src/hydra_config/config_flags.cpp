#include "hydra_config/config_flags.h"

#include <unordered_map>
#include <unordered_set>

#include "args/hydra_flags.h"
#include "hydra_config/config_resolver.h"
#include "text/ascii.h"

namespace hydra_adapt {
namespace {

bool keeps_its_type(const FlagSpec& flag) {
  return !flag.list_types.empty() || flag.type == ValueType::kPath || flag.type == ValueType::kOutputPath;
}

// "max_epochs" -> "max-epochs", as platforms spell flags; an underscore at the edge of a word
// stays ("_target_"), since a flag name cannot begin with a hyphen.
std::string hyphen_form(std::string_view name) {
  std::string text(name);
  const auto is_word_char = [](char c) { return is_ascii_letter(c) || is_digit(c); };
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '_' && is_word_char(text[i - 1]) && is_word_char(text[i + 1])) text[i] = '-';
  }
  return text;
}

class ImpliedFlags {
 public:
  explicit ImpliedFlags(const ConfigMatcher& matcher) : matcher_(matcher) {}

  ConfigFlags collect() {
    for (const std::string& group : matcher_.config().groups) add_if_it_reaches(hyphen_form(group), group);
    for (const ConfigNode& node : matcher_.config().nodes) {
      if (!node.is_leaf || node.under_hydra) continue;
      // The suffixes of the path from the shortest: its last segment, ..., the whole path.
      for (std::size_t start = node.path.size();;) {
        start = start == 0 ? std::string::npos : node.path.rfind('.', start - 1);
        const std::string suffix = node.path.substr(start == std::string::npos ? 0 : start + 1);
        if (add_if_it_reaches(hyphen_form(suffix), node.path) || start == std::string::npos) break;
      }
    }
    return std::move(flags_);
  }

 private:
  bool add_if_it_reaches(const std::string& name, const std::string& key) {
    if (find_hydra_flag("--" + name)) return false;
    const NameMatch& match = match_of(name);
    if (match.targets.size() > 1 && noted_.insert(name).second) {
      flags_.ambiguous.push_back({name, listed_keys(match.targets)});
    }
    if (match.targets.size() != 1 || match.targets.front().key != key) return false;
    flags_.schema.flags.push_back(matched_flag(name, match));
    return true;
  }

  // Many leaves share a last segment (_target_, name): each name is matched once.
  const NameMatch& match_of(const std::string& name) {
    auto found = matches_.find(name);
    if (found == matches_.end()) found = matches_.emplace(name, matcher_.match(name)).first;
    return found->second;
  }

  const ConfigMatcher& matcher_;
  ConfigFlags flags_;
  std::unordered_map<std::string, NameMatch> matches_;
  std::unordered_set<std::string> noted_;
};

}  // namespace

ConfigFlags fit_component_flags(const Schema& component, const ConfigMatcher& matcher) {
  ConfigFlags fitted;
  fitted.schema = component;
  fitted.schema.flags.clear();
  for (const FlagSpec& flag : component.flags) {
    const NameMatch match = matcher.match(flag.name);
    if (match.targets.size() > 1) {
      fitted.ambiguous.push_back({flag.name, listed_keys(match.targets)});
      continue;
    }
    FlagSpec fit = flag;
    if (match.targets.size() == 1) {
      fit.key = match.targets.front().key;
      fit.rule = match_rule_name(match.rule);
      if (!keeps_its_type(flag)) fit.type = match.targets.front().type;
    }
    fitted.schema.flags.push_back(std::move(fit));
  }
  return fitted;
}

ConfigFlags implied_flags(const ConfigMatcher& matcher) {
  ConfigFlags implied = ImpliedFlags(matcher).collect();
  implied.schema.unknown = UnknownPolicy::kError;
  return implied;
}

}  // namespace hydra_adapt
