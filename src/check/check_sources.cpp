#include "check/check_sources.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>

#include "adapt_error.h"
#include "check/flag_rules.h"
#include "check/hydra_job_check.h"
#include "check/source_compositions.h"
#include "values/hydra_key.h"

namespace hydra_adapt {
namespace {

// The file Hydra reads a group's option from: model/vit.yaml.
std::string option_file(const std::string& group, const std::string& option) { return group + "/" + option + ".yaml"; }

// A warning for each key of the app's config whose value is ??? and that no flag of the
// sources reaches through `schema`: a run would start and fail there.
std::vector<Finding> unset_mandatory_keys(const HydraConfig& config, const Schema& schema,
                                          const std::vector<SourceFlags>& sources) {
  std::set<std::string> reached;
  for (const SourceFlags& source : sources) {
    for (const SentFlag& flag : source.flags) {
      try {
        if (const auto mapping = flag_mapping(schema, flag.name))
          reached.emplace(split_override_key(mapping->key).path);
      } catch (const AdaptError&) {
        // An ambiguous name reaches no key; FlagRules reports it.
      }
    }
    for (const std::string& word : source.fixed_overrides)
      reached.emplace(split_override_key(std::string_view(word).substr(0, word.find('='))).path);
  }
  std::vector<Finding> findings;
  for (const ConfigNode& node : config.nodes) {
    if (!node.missing || node.under_hydra || reached.count(node.path)) continue;
    findings.push_back({"", 0, "", "config", Finding::Severity::kWarning, "unset",
                        node.path + " is ??? in the app's config and no source sets it; a job that does not pass it "
                                    "fails when the app reads it: add it to a source, or give it a default"});
  }
  return findings;
}

class SourcesCheck {
 public:
  explicit SourcesCheck(const CheckedApp& app)
      : app_(app),
        files_(read_declared_files(app.mapping)),
        base_schema_(merged_mappings(files_, app.config)),
        unknown_(unknown_policy(app.unknown, app.mapping, base_schema_)),
        declared_(declared_mappings(files_, nullptr).schema),
        counted_run_([this](const std::vector<std::string>& command) {
          ++program_starts_;
          return app_.run(command);
        }),
        job_(app.program, counted_run_) {}

  void check(const SourceFlags& source) {
    const std::size_t first_finding = findings_.size();
    const std::vector<SourceComposition> compositions =
        source_compositions(source, [this](const SentFlag& flag) { return composes() && group_of(flag); });
    // Per flag: in how many compositions it is sent, and where no key takes it.
    struct Outcome {
      std::size_t sent = 0;
      std::vector<std::pair<const SourceComposition*, Finding>> unknown;
    };
    std::map<const SentFlag*, Outcome> outcomes;
    for (const SourceComposition& composition : compositions) {
      std::shared_ptr<const ConfigMatcher> config = app_.config;
      if (composes() && (!composition.choices.empty() || !source.fixed_overrides.empty())) {
        try {
          config = composed_config(source, composition);
        } catch (const CompositionError& error) {
          add(composition_refused(source, composition, error));
          continue;
        }
      }
      const FlagRules rules(config == app_.config ? base_schema_ : merged_mappings(files_, config), unknown_);
      std::vector<JobFlag> job_flags;
      for (const SourceComposition::Choice& choice : composition.choices)
        job_flags.push_back({choice.flag, {choice.value}});
      for (const SentFlag* flag : composition.sent) job_flags.push_back({flag, all_values(*flag)});
      for (const JobFlag& flag : job_flags) {
        Outcome& outcome = outcomes[flag.flag];
        ++outcome.sent;
        for (Finding& finding : rules.findings(source, *flag.flag, flag.values)) {
          if (finding.kind == "unknown") {
            outcome.unknown.emplace_back(&composition, std::move(finding));
          } else {
            add(std::move(finding));
          }
        }
      }
      if (!app_.program.empty()) {
        for (Finding& finding : job_.findings(rules, source, composition.choice_words(), job_flags))
          add(std::move(finding));
      }
    }
    for (const SentFlag& flag : source.flags) {
      const Outcome& outcome = outcomes[&flag];
      if (outcome.unknown.empty()) continue;
      if (outcome.unknown.size() == outcome.sent) {
        add(outcome.unknown.front().second);
        continue;
      }
      for (const auto& [composition, finding] : outcome.unknown) add(missing_under(*composition, finding));
    }
    // In the order of the source's lines, as a compiler lists them; one without a line last.
    std::stable_sort(findings_.begin() + first_finding, findings_.end(), [](const Finding& a, const Finding& b) {
      return (a.line == 0 ? SIZE_MAX : a.line) < (b.line == 0 ? SIZE_MAX : b.line);
    });
  }

  // With a warning for each ??? of the config no flag of `sources` reaches.
  CheckResult result(const std::vector<SourceFlags>& sources) {
    if (app_.config) {
      for (Finding& unset : unset_mandatory_keys(app_.config->config(), base_schema_, sources)) add(std::move(unset));
    }
    return {std::move(findings_), program_starts_};
  }

 private:
  // Compositions are the run's only with a program to compose them (--compose).
  bool composes() const { return app_.compose && !app_.program.empty() && app_.config; }

  // The config group a flag chooses, as compose finds it.
  std::optional<std::string> group_of(const SentFlag& flag) const {
    return chosen_group(*app_.config, declared_, flag.name);
  }

  // The run's own composition: the source's fixed overrides and its choices as incoming args.
  std::shared_ptr<const ConfigMatcher> composed_config(const SourceFlags& source,
                                                       const SourceComposition& composition) {
    std::vector<std::string> incoming = source.fixed_overrides;
    for (const SourceComposition::Choice& choice : composition.choices)
      incoming.push_back("--" + choice.flag->name + "=" + choice.value->text);
    auto& config = composed_[incoming];
    if (!config) {
      config = compose_job_config(ProgramSplit{app_.program, incoming, SplitRule::kFirstFlag}, declared_, app_.config,
                                  counted_run_)
                   .config;
    }
    return config;
  }

  // A composition Hydra refused: the choice whose group its error names (Could not find
  // 'model/vit2'), else the last; without a choice, the source's fixed args.
  Finding composition_refused(const SourceFlags& source, const SourceComposition& composition,
                              const CompositionError& error) const {
    const std::string hydra = error.hydra_error().empty() ? error.failure() : error.hydra_error();
    if (composition.choices.empty()) {
      return {source.file,
              0,
              "",
              source.kind,
              Finding::Severity::kError,
              "choice",
              "its fixed args do not compose: " + hydra + "; fix the fixed args or the config"};
    }
    const SourceComposition::Choice* blamed = &composition.choices.back();
    for (const SourceComposition::Choice& choice : composition.choices) {
      if (hydra.find("'" + *group_of(*choice.flag) + "/" + choice.value->text + "'") != std::string::npos)
        blamed = &choice;
    }
    return {source.file,
            blamed->value->line,
            "--" + blamed->flag->name,
            source.kind,
            Finding::Severity::kError,
            "choice",
            blamed->value->what + ": Hydra cannot compose the option " + quote_for_message(blamed->value->text) +
                " of group " + *group_of(*blamed->flag) + ": " + hydra + "; send only options the group has"};
  }

  // A flag some compositions take and this one does not.
  Finding missing_under(const SourceComposition& composition, const Finding& unknown) const {
    std::string files;
    for (const SourceComposition::Choice& choice : composition.choices)
      files += (files.empty() ? "" : ", ") + option_file(*group_of(*choice.flag), choice.value->text);
    Finding finding = unknown;
    finding.kind = "choice";
    finding.message = "sent with " + composition.choice_words() + " it reaches no key: " + files +
                      (composition.choices.size() == 1 ? " has" : " have") + " none for it; send " + unknown.flag +
                      " only with the options that have it (a Vertex AI study: conditionalParameterSpecs), or add "
                      "it to " +
                      files;
    return finding;
  }

  void add(Finding finding) {
    const auto identity = std::make_tuple(finding.file, finding.line, finding.flag, finding.kind, finding.message);
    if (seen_.insert(identity).second) findings_.push_back(std::move(finding));
  }

  const CheckedApp& app_;
  const DeclaredFiles files_;
  const Schema base_schema_;
  const UnknownPolicy unknown_;
  const Schema declared_;
  std::size_t program_starts_ = 0;
  const ConfigRun counted_run_;
  HydraJobCheck job_;
  std::map<std::vector<std::string>, std::shared_ptr<const ConfigMatcher>> composed_;
  std::vector<Finding> findings_;
  std::set<std::tuple<std::string, std::size_t, std::string, std::string, std::string>> seen_;
};

}  // namespace

CheckResult check_sources(const CheckedApp& app, const std::vector<SourceFlags>& sources) {
  SourcesCheck check(app);
  for (const SourceFlags& source : sources) check.check(source);
  return check.result(sources);
}

}  // namespace hydra_adapt
