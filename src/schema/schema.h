#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "values/value_type.h"

namespace hydra_adapt {

// What an incoming flag that no mapping declares gets.
enum class UnknownPolicy {
  kError,  // refused, naming the nearest declared flag
  kPass,   // left as it came
  kAuto,   // translated as in zero-config
};
std::optional<UnknownPolicy> unknown_policy_from_name(std::string_view name);
std::string_view unknown_policy_name(UnknownPolicy policy);

// Where a value goes, and how it is typed and shown: what a flag entry and an env entry of a
// schema share.
struct Target {
  std::string key;  // may start with "+" or "++" (see split_override_key)
  ValueType type = ValueType::kStr;
  bool secret = false;  // its value shows as *** everywhere but the program's argv
};

// One declared flag: `--name VALUE` reaches its target.
struct FlagSpec : Target {
  std::string name;  // without the leading dashes
  bool required = false;
  // An empty value arrives as None: pipelines render an absent optional input as empty text.
  bool nullable = false;
  // Non-empty: the flag takes this many values (argparse nargs), each of its own type, and
  // the key gets a list of them. Empty: one value of `type`.
  std::vector<ValueType> list_types;
  // How a mapping source that matches names by rules found the key (the app's Hydra config:
  // group, path, leaf or suffix), for the dry run; empty for a flag declared by name.
  std::string rule;

  std::size_t value_count() const { return list_types.empty() ? 1 : list_types.size(); }
};
// "float", or "[output_path, output_path]" for a flag that takes a list.
std::string flag_type_name(const FlagSpec& flag);

// An environment variable the platform sets (Vertex AI's AIP_MODEL_DIR) that reaches its
// target, since a job can set variables where it cannot change the args.
struct EnvSpec : Target {
  std::string variable;
  bool gcs_fuse = false;  // gs://b/x arrives as /gcs/b/x, where the platform mounts the bucket
};

class FlagResolver;

struct Schema {
  std::optional<UnknownPolicy> unknown;  // unset: the options or the default decide
  bool hyphens_to_underscores = true;    // how keys are derived from flag names
  std::vector<FlagSpec> flags;           // in declaration order
  std::vector<EnvSpec> env;              // in declaration order
  // Asked for a flag no declaration names, before the unknown policy; may be null.
  std::shared_ptr<const FlagResolver> resolver;

  const FlagSpec* find(std::string_view name) const;
  // Whether a flag of this name reaches a key: declared, or known to the resolver.
  bool maps_flag(std::string_view name) const;
  const EnvSpec* find_env(std::string_view variable) const;
};

}  // namespace hydra_adapt
