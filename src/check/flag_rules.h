#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "check/finding.h"
#include "check/sent_flags.h"
#include "schema/schema.h"
#include "translate/translator.h"

namespace hydra_adapt {

// The run's own translation (`schema`, merged as the run merges it, and `unknown`) of what a
// source sends, one flag at a time. Required flags are not asked for: each flag is checked
// alone.
class FlagRules {
 public:
  FlagRules(Schema schema, UnknownPolicy unknown);

  // A flag the run would refuse is an unknown or ambiguous finding at the line that declares
  // it, a value of `values` it would refuse a type finding at the line of that value, with the
  // run's own message.
  std::vector<Finding> findings(const SourceFlags& source, const SentFlag& flag,
                                const std::vector<const SentValue*>& values) const;

  // What the run makes of these incoming words alone; nullopt when it refuses them.
  std::optional<Translation> translation(std::vector<std::string> words) const;

 private:
  // The translation, or the run's error message.
  std::variant<Translation, std::string> attempt(std::vector<std::string> words) const;
  std::optional<std::string> refusal(std::vector<std::string> words) const;

  Schema schema_;
  UnknownPolicy unknown_;
};

// Every value a flag can send.
std::vector<const SentValue*> all_values(const SentFlag& flag);

// The flag's mapping as the run finds it: declared, else resolved; nullopt for a name no
// mapping knows. Throws AdaptError for a name that could mean several keys.
std::optional<FlagSpec> flag_mapping(const Schema& schema, const std::string& name);

}  // namespace hydra_adapt
