#include "schema/schema_merge.h"

namespace hydra_adapt {

Schema merge_schemas(const Schema& preferred, const Schema& fallback) {
  Schema merged = preferred;
  if (!merged.unknown) merged.unknown = fallback.unknown;
  if (!merged.resolver) merged.resolver = fallback.resolver;
  for (const FlagSpec& flag : fallback.flags) {
    if (!preferred.find(flag.name)) merged.flags.push_back(flag);
  }
  for (const EnvSpec& env : fallback.env) {
    if (!preferred.find_env(env.variable)) merged.env.push_back(env);
  }
  return merged;
}

}  // namespace hydra_adapt
