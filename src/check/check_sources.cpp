#include "check/check_sources.h"

#include <optional>
#include <set>

#include "adapt_error.h"
#include "args/program_split.h"
#include "schema/flag_resolver.h"
#include "translate/translator.h"

namespace hydra_adapt {
namespace {

// The error the run gives for these incoming words alone, if any.
std::optional<std::string> refusal(const Schema& schema, UnknownPolicy unknown, std::vector<std::string> words) {
  try {
    translate(schema, ProgramSplit{{"program"}, std::move(words), SplitRule::kFirstFlag}, unknown);
    return std::nullopt;
  } catch (const AdaptError& error) {
    return std::string(error.what());
  }
}

// The flag's mapping as the run finds it: declared, else resolved; nullopt for a name no
// mapping knows. Throws AdaptError for a name that could mean several keys.
std::optional<FlagSpec> mapping_of(const Schema& schema, const std::string& name) {
  if (const FlagSpec* declared = schema.find(name)) return *declared;
  if (schema.resolver) return schema.resolver->resolve(name);
  return std::nullopt;
}

// The message without the "--name: " the translator starts it with, as the finding names the flag.
std::string without_flag(const std::string& message, const std::string& flag) {
  const std::string prefix = flag + ": ";
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

class SourceChecker {
 public:
  SourceChecker(const Schema& schema, UnknownPolicy unknown) : schema_(schema), unknown_(unknown) {
    // Each flag is checked alone, so no flag is missing.
    for (FlagSpec& flag : schema_.flags) flag.required = false;
  }

  void check(const SourceFlags& source, const SentFlag& flag) {
    const std::string dashed = "--" + flag.name;
    const auto add = [&](std::size_t line, const std::string& kind, const std::string& message) {
      findings_.push_back(
          {source.file, line, dashed, source.kind, Finding::Severity::kError, kind, without_flag(message, dashed)});
    };
    try {
      if (!mapping_of(schema_, flag.name)) {
        if (auto message = refusal(schema_, unknown_, {dashed})) add(flag.line, "unknown", *message);
        return;
      }
    } catch (const AdaptError& error) {
      add(flag.line, "ambiguous", error.what());
      return;
    }
    if (flag.bare) {
      if (auto message = refusal(schema_, unknown_, {dashed})) add(flag.line, "type", *message);
    }
    for (const SentValue& value : flag.values) {
      if (auto message = refusal(schema_, unknown_, {dashed + "=" + value.text})) {
        add(value.line, "type", value.what + ": " + without_flag(*message, dashed));
      }
    }
  }

  std::vector<Finding> findings() { return std::move(findings_); }

 private:
  Schema schema_;
  UnknownPolicy unknown_;
  std::vector<Finding> findings_;
};

std::string without_addition(const std::string& key) {
  const std::size_t pluses = key.find_first_not_of('+');
  return key.substr(pluses == std::string::npos ? key.size() : pluses);
}

}  // namespace

std::vector<Finding> check_sources(const Schema& schema, UnknownPolicy unknown,
                                   const std::vector<SourceFlags>& sources) {
  SourceChecker checker(schema, unknown);
  for (const SourceFlags& source : sources) {
    for (const SentFlag& flag : source.flags) checker.check(source, flag);
  }
  return checker.findings();
}

std::vector<Finding> unset_mandatory_keys(const HydraConfig& config, const Schema& schema,
                                          const std::vector<SourceFlags>& sources) {
  std::set<std::string> reached;
  for (const SourceFlags& source : sources) {
    for (const SentFlag& flag : source.flags) {
      try {
        if (const auto mapping = mapping_of(schema, flag.name)) reached.insert(without_addition(mapping->key));
      } catch (const AdaptError&) {
        // An ambiguous name reaches no key; check_sources reports it.
      }
    }
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

}  // namespace hydra_adapt
