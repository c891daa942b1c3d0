#include "check/flag_rules.h"

#include <optional>
#include <variant>

#include "adapt_error.h"
#include "args/program_split.h"
#include "schema/flag_resolver.h"
#include "translate/translator.h"

namespace hydra_adapt {
namespace {

// The message without the "--name: " the translator starts it with, as the finding names the flag.
std::string without_flag(const std::string& message, const std::string& flag) {
  const std::string prefix = flag + ": ";
  return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

}  // namespace

FlagRules::FlagRules(Schema schema, UnknownPolicy unknown) : schema_(std::move(schema)), unknown_(unknown) {
  for (FlagSpec& flag : schema_.flags) flag.required = false;
}

std::variant<Translation, std::string> FlagRules::attempt(std::vector<std::string> words) const {
  try {
    return translate(schema_, ProgramSplit{{"program"}, std::move(words), SplitRule::kFirstFlag}, unknown_);
  } catch (const AdaptError& error) {
    return std::string(error.what());
  }
}

std::optional<Translation> FlagRules::translation(std::vector<std::string> words) const {
  auto result = attempt(std::move(words));
  if (auto* translation = std::get_if<Translation>(&result)) return std::move(*translation);
  return std::nullopt;
}

std::optional<std::string> FlagRules::refusal(std::vector<std::string> words) const {
  auto result = attempt(std::move(words));
  if (auto* message = std::get_if<std::string>(&result)) return std::move(*message);
  return std::nullopt;
}

std::vector<Finding> FlagRules::findings(const SourceFlags& source, const SentFlag& flag,
                                         const std::vector<const SentValue*>& values) const {
  std::vector<Finding> found;
  const std::string dashed = "--" + flag.name;
  const auto add = [&](std::size_t line, const std::string& kind, const std::string& message) {
    found.push_back(
        {source.file, line, dashed, source.kind, Finding::Severity::kError, kind, without_flag(message, dashed)});
  };
  try {
    if (!schema_.maps_flag(flag.name)) {
      if (auto message = refusal({dashed})) add(flag.line, "unknown", *message);
      return found;
    }
  } catch (const AdaptError& error) {
    add(flag.line, "ambiguous", error.what());
    return found;
  }
  if (flag.bare) {
    if (auto message = refusal({dashed})) add(flag.line, "type", *message);
  }
  for (const SentValue* value : values) {
    if (auto message = refusal({dashed + "=" + value->text})) {
      add(value->line, "type", value->what + ": " + without_flag(*message, dashed));
    }
  }
  return found;
}

std::vector<const SentValue*> all_values(const SentFlag& flag) {
  std::vector<const SentValue*> values;
  for (const SentValue& value : flag.values) values.push_back(&value);
  return values;
}

std::optional<FlagSpec> flag_mapping(const Schema& schema, const std::string& name) {
  if (const FlagSpec* declared = schema.find(name)) return *declared;
  if (schema.resolver) return schema.resolver->resolve(name);
  return std::nullopt;
}

}  // namespace hydra_adapt
