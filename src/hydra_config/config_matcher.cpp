#include "hydra_config/config_matcher.h"

#include <algorithm>
#include <unordered_set>

#include "text/edit_distance.h"

namespace hydra_adapt {
namespace {

// Hyphens and underscores are one character to a flag name, as argparse's dest makes them.
std::string normalized(std::string_view name) {
  std::string text(name);
  std::replace(text.begin(), text.end(), '-', '_');
  return text;
}

// A nested group answers to dots as well as to slashes.
std::string normalized_group(std::string_view name) {
  std::string text = normalized(name);
  std::replace(text.begin(), text.end(), '/', '.');
  return text;
}

const std::vector<std::size_t>* find(const std::unordered_map<std::string, std::vector<std::size_t>>& index,
                                     const std::string& key) {
  const auto found = index.find(key);
  return found == index.end() ? nullptr : &found->second;
}

}  // namespace

std::string_view match_rule_name(MatchRule rule) {
  switch (rule) {
    case MatchRule::kGroup:
      return "group";
    case MatchRule::kPath:
      return "path";
    case MatchRule::kLeaf:
      return "leaf";
    case MatchRule::kSuffix:
      return "suffix";
  }
  return "?";
}

ConfigMatcher::ConfigMatcher(HydraConfig config) : config_(std::move(config)) {
  for (std::size_t i = 0; i < config_.groups.size(); ++i) groups_[normalized_group(config_.groups[i])].push_back(i);
  for (std::size_t i = 0; i < config_.nodes.size(); ++i) {
    const ConfigNode& node = config_.nodes[i];
    const std::string path = normalized(node.path);
    paths_[path].push_back(i);
    if (!node.is_leaf || node.under_hydra) continue;
    for (std::size_t start = 0;;) {
      suffixes_[path.substr(start)].push_back(i);
      const std::size_t dot = path.find('.', start);
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
  }
}

NameMatch ConfigMatcher::match(std::string_view flag_name) const {
  NameMatch match;
  if (const auto* groups = find(groups_, normalized_group(flag_name))) {
    match.rule = MatchRule::kGroup;
    for (const std::size_t group : *groups) match.targets.push_back({config_.groups[group], ValueType::kStr});
    return match;
  }
  const std::string name = normalized(flag_name);
  if (const auto* nodes = find(paths_, name)) {
    match.rule = MatchRule::kPath;
    for (const std::size_t node : *nodes) match.targets.push_back({config_.nodes[node].path, config_.nodes[node].type});
    return match;
  }
  return leaf_match(name);
}

NameMatch ConfigMatcher::leaf_match(const std::string& name) const {
  NameMatch match;
  match.rule = name.find('.') == std::string::npos ? MatchRule::kLeaf : MatchRule::kSuffix;
  const auto* leaves = find(suffixes_, name);
  if (!leaves) return match;
  std::unordered_set<std::string_view> candidates;
  if (leaves->size() > 1) {
    for (const std::size_t leaf : *leaves) candidates.insert(config_.nodes[leaf].path);
  }
  for (const std::size_t leaf : *leaves) {
    const ConfigNode& node = config_.nodes[leaf];
    if (!node.follows.empty() && candidates.count(node.follows) > 0) continue;
    match.targets.push_back({node.path, node.type});
  }
  return match;
}

std::string listed_keys(const std::vector<ConfigTarget>& targets) {
  constexpr std::size_t kListed = 20;
  std::string keys;
  for (std::size_t i = 0; i < targets.size() && i < kListed; ++i) keys += (i == 0 ? "" : ", ") + targets[i].key;
  if (targets.size() > kListed) keys += " and " + std::to_string(targets.size() - kListed) + " more";
  return keys;
}

std::optional<std::string> ConfigMatcher::nearest(std::string_view flag_name) const {
  // A typo is as often in the last segment alone (--max-epoch) as in a whole path.
  std::vector<std::string> names;
  std::vector<const std::string*> answers;
  for (const std::string& group : config_.groups) {
    names.push_back(normalized_group(group));
    answers.push_back(&group);
  }
  for (const ConfigNode& node : config_.nodes) {
    names.push_back(normalized(node.path));
    answers.push_back(&node.path);
    const std::size_t dot = node.path.rfind('.');
    if (node.under_hydra || dot == std::string::npos) continue;
    names.push_back(normalized(node.path.substr(dot + 1)));
    answers.push_back(&node.path);
  }
  const auto nearest = nearest_name(normalized_group(flag_name), names);
  if (!nearest) return std::nullopt;
  return *answers[static_cast<std::size_t>(std::find(names.begin(), names.end(), *nearest) - names.begin())];
}

}  // namespace hydra_adapt
