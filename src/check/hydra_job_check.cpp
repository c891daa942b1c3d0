#include "check/hydra_job_check.h"

#include <algorithm>
#include <set>
#include <utility>

#include "adapt_error.h"
#include "report/shell_quote.h"
#include "values/hydra_key.h"

namespace hydra_adapt {
namespace {

// One flag's value in a run, translated.
struct SentOverride {
  const SentFlag* flag;
  const SentValue* value;  // null for a switch
  std::vector<std::string> overrides;
  std::vector<std::string> keys;  // the keys they set, less Hydra's + and ++
};

// Hydra names the key of an override it refuses: "full_key: lr" under OmegaConf's message,
// "Could not override 'lr'", "Error merging override lr=...".
bool names_key(const std::string& error_output, const std::string& key) {
  for (const std::string& mention : {"full_key: " + key + "\n", "override '" + key + "'", "override " + key + "="}) {
    if (error_output.find(mention) != std::string::npos) return true;
  }
  return false;
}

// The value `round` sends for a flag: its first values in turn, then its last.
const SentValue* value_in_round(const JobFlag& flag, std::size_t round) {
  if (flag.values.empty()) return nullptr;
  return flag.values[std::min(round, flag.values.size() - 1)];
}

}  // namespace

HydraJobCheck::HydraJobCheck(std::vector<std::string> program, ConfigRun run)
    : program_(std::move(program)), run_(std::move(run)) {}

std::vector<Finding> HydraJobCheck::findings(const FlagRules& rules, const SourceFlags& source,
                                             const std::string& choice_words, const std::vector<JobFlag>& flags) {
  std::vector<Finding> found;
  const std::string sent_with = choice_words.empty() ? "" : " sent with " + choice_words;
  std::size_t rounds = 1;
  for (const JobFlag& flag : flags) rounds = std::max(rounds, flag.values.size());
  std::set<std::pair<const SentFlag*, const SentValue*>> refused_before;  // left out of later rounds
  for (std::size_t round = 0; round < rounds; ++round) {
    std::vector<SentOverride> sent;
    for (const JobFlag& flag : flags) {
      const SentValue* value = value_in_round(flag, round);
      if ((!value && !flag.flag->bare) || refused_before.count({flag.flag, value})) continue;
      const std::string word = "--" + flag.flag->name + (value ? "=" + value->text : "");
      const std::optional<Translation> translation = rules.translation({word});
      if (!translation) continue;
      SentOverride override{flag.flag, value, {}, {}};
      override.overrides.assign(translation->argv.begin() + translation->program_word_count, translation->argv.end());
      for (const Mapping& mapping : translation->mappings)
        override.keys.emplace_back(split_override_key(mapping.key).path);
      sent.push_back(std::move(override));
    }
    for (;;) {
      std::vector<std::string> command = program_;
      command.insert(command.end(), source.fixed_overrides.begin(), source.fixed_overrides.end());
      for (const SentOverride& override : sent)
        command.insert(command.end(), override.overrides.begin(), override.overrides.end());
      command.insert(command.end(), {"--cfg", "job"});
      auto known = results_.find(command);
      if (known == results_.end()) known = results_.emplace(command, run_(command)).first;
      const ConfigRunResult& result = known->second;
      if (result.succeeded) break;
      const std::string hydra_error = hydra_error_line(result.error_output);
      const auto refused = std::find_if(sent.begin(), sent.end(), [&](const SentOverride& override) {
        return std::any_of(override.keys.begin(), override.keys.end(),
                           [&](const std::string& key) { return names_key(result.error_output, key); });
      });
      if (refused == sent.end()) {
        found.push_back({source.file, 0, "", source.kind, Finding::Severity::kError, "hydra",
                         "the app refuses what this source sends" + sent_with + ": " + shell_join(command) + " " +
                             result.failure + (hydra_error.empty() ? "" : ": " + hydra_error) +
                             "; fix the config or what the source sends"});
        break;
      }
      const std::string what =
          refused->value ? refused->value->what + ": Hydra refuses the value " + quote_for_message(refused->value->text)
                         : "Hydra refuses the switch";
      found.push_back({source.file, refused->value ? refused->value->line : refused->flag->line,
                       "--" + refused->flag->name, source.kind, Finding::Severity::kError, "hydra",
                       what + sent_with + ": " + (hydra_error.empty() ? result.failure : hydra_error) +
                           "; send a value the config's type takes, or change the config"});
      refused_before.insert({refused->flag, refused->value});
      sent.erase(refused);
    }
  }
  return found;
}

}  // namespace hydra_adapt
