#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hydra_config/hydra_config.h"

namespace hydra_adapt {

// How a flag name found its key in the app's config, in the order they are tried.
enum class MatchRule {
  kGroup,   // a config group: --trainer gpu -> trainer=gpu
  kPath,    // the dotted path of a node: --model.optimizer.lr
  kLeaf,    // the last segment of one leaf's path: --max-epochs -> trainer.max_epochs
  kSuffix,  // a dotted suffix of one leaf's path: --optimizer.lr -> model.optimizer.lr
};
std::string_view match_rule_name(MatchRule rule);

// A key a flag name can reach, typed by the config's default (a group's option is a str).
struct ConfigTarget {
  std::string key;
  ValueType type = ValueType::kAuto;
};

struct NameMatch {
  MatchRule rule = MatchRule::kPath;
  std::vector<ConfigTarget> targets;  // one: the key; several: ambiguous; none: no match
};

// "a.x, b.x": the keys of an ambiguous match for a message, the first 20 of them.
std::string listed_keys(const std::vector<ConfigTarget>& targets);

// Matches flag names to the keys of an app's config. Hyphens and underscores count as the
// same character, case matters; a nested group also answers to dots (--db.engine for
// db/engine). One lookup per name, so a config of any size matches in time linear in it.
class ConfigMatcher {
 public:
  explicit ConfigMatcher(HydraConfig config);

  // Tries the rules in order: the app's config groups first (a selected group is also a node,
  // which `trainer=gpu` as a value would replace), then any node's path (Hydra's own hydra.*
  // paths only by this rule), then the leaves whose paths end with the name. Among those, a
  // leaf whose default is exactly ${other} drops out when `other` is among them too: it
  // follows through Hydra.
  NameMatch match(std::string_view flag_name) const;

  // The group or path nearest to a name nothing matches, when it is close enough to be a typo.
  std::optional<std::string> nearest(std::string_view flag_name) const;

  const HydraConfig& config() const { return config_; }

 private:
  using Index = std::unordered_map<std::string, std::vector<std::size_t>>;

  NameMatch leaf_match(const std::string& name) const;

  HydraConfig config_;
  Index groups_;    // a group name, normalized -> indexes in config_.groups
  Index paths_;     // a node's path, normalized -> indexes in config_.nodes
  Index suffixes_;  // each dotted suffix of a leaf's path (not hydra.*), normalized -> those leaves
};

}  // namespace hydra_adapt
