#include "hydra_config/composition.h"

#include <optional>

#include "adapt_error.h"
#include "args/hydra_flags.h"
#include "args/incoming_args.h"
#include "hydra_config/hydra_config.h"
#include "report/shell_quote.h"
#include "text/ascii.h"
#include "values/typed_value.h"

namespace hydra_adapt {
namespace {

// Hydra's flags that choose what is composed; the others (--multirun, --info, --cfg, ...)
// change what Hydra does with it.
bool is_composition_flag(std::string_view word) {
  const HydraFlag* flag = find_hydra_flag(word.substr(0, word.find('=')));
  return flag != nullptr && (flag->long_name == "--config-name" || flag->long_name == "--config-path" ||
                             flag->long_name == "--config-dir");
}

// Whether a value may name a group's option: a platform's value typed as a list, a dict or
// null never does (`json`: PlatformValue::json).
bool may_name_an_option(const std::optional<std::string>& json) {
  return !json || (*json != "null" && !starts_with(*json, "[") && !starts_with(*json, "{"));
}

// An incoming flag or platform value that may choose a config group.
struct Candidate {
  const ArgWithOrigin* incoming;
  std::string choice;  // "model='resnet'" once a composition shows its name is a group
};

class Composer {
 public:
  Composer(const ProgramSplit& split, const Schema& declared, const std::vector<PlatformValue>& platform,
           const ConfigRun& run)
      : split_(split), declared_(declared), run_(run) {
    const auto value_count = [&declared](std::string_view name) -> std::size_t {
      const FlagSpec* flag = declared.find(name);
      return flag ? flag->value_count() : 0;
    };
    args_ = ordered_incoming_args(split_incoming_args(split.incoming, value_count), platform);
    for (const ArgWithOrigin& incoming : args_) {
      const IncomingArg& arg = incoming.arg;
      if (arg.kind == IncomingArg::Kind::kFlag && !arg.values.empty() && may_name_an_option(incoming.json)) {
        candidates_.push_back({&incoming, ""});
      } else if (arg.kind == IncomingArg::Kind::kHydraFlag && is_composition_flag(arg.words.front())) {
        job_composes_ = true;
        names_composition_flag_ = true;
      } else if (arg.kind == IncomingArg::Kind::kOverride) {
        job_composes_ = true;
      }
    }
    // PROGRAM itself is never one of its words' overrides.
    for (std::size_t i = 1; i < split.program.size(); ++i) {
      const std::string& word = split.program[i];
      if (is_composition_flag(word) || (!starts_with(word, "-") && is_override_word(word))) job_composes_ = true;
    }
  }

  ComposedConfig compose(std::shared_ptr<const ConfigMatcher> file) {
    ComposedConfig composed;
    composed.config = file && !names_composition_flag_ ? std::move(file) : run_composition(composed, {});
    for (;;) {
      std::vector<const Candidate*> chosen_now;
      for (Candidate& candidate : candidates_) {
        if (!candidate.choice.empty()) continue;
        const std::optional<std::string> group =
            chosen_group(*composed.config, declared_, candidate.incoming->arg.name);
        if (!group) continue;
        candidate.choice = *group + "=" + render_typed_value(ValueType::kStr, candidate.incoming->arg.values.front());
        chosen_now.push_back(&candidate);
      }
      if (chosen_now.empty()) break;
      composed.config = run_composition(composed, chosen_now);
    }
    // A file stands only for the program with nothing added: a stale one must type no flag.
    if (composed.commands.empty() && job_composes_) composed.config = run_composition(composed, {});
    return composed;
  }

 private:
  // The program's words, then Hydra's composition flags, then the overrides and the choices
  // in their order: Hydra reads overrides as one run of words after its flags.
  std::vector<std::string> command() const {
    std::vector<std::string> words = split_.program;
    for (const ArgWithOrigin& incoming : args_) {
      const IncomingArg& arg = incoming.arg;
      if (arg.kind == IncomingArg::Kind::kHydraFlag && is_composition_flag(arg.words.front()))
        words.insert(words.end(), arg.words.begin(), arg.words.end());
    }
    std::size_t next_candidate = 0;
    for (const ArgWithOrigin& incoming : args_) {
      if (incoming.arg.kind == IncomingArg::Kind::kOverride) words.push_back(incoming.arg.words.front());
      if (next_candidate < candidates_.size() && candidates_[next_candidate].incoming == &incoming) {
        const std::string& choice = candidates_[next_candidate++].choice;
        if (!choice.empty()) words.push_back(choice);
      }
    }
    words.insert(words.end(), {"--cfg", "all"});
    return words;
  }

  // `chosen_now`: the choices this run adds, which a failure names; none: the job's words.
  std::shared_ptr<const ConfigMatcher> run_composition(ComposedConfig& composed,
                                                       const std::vector<const Candidate*>& chosen_now) {
    const std::vector<std::string> words = command();
    composed.commands.push_back(words);
    const std::string shown = shell_join(words);
    std::string who;
    for (const Candidate* candidate : chosen_now) {
      const ArgWithOrigin& incoming = *candidate->incoming;
      who +=
          (who.empty() ? "" : ", ") + (incoming.from_command_line ? shell_join(incoming.arg.words) : incoming.origin);
    }
    const std::string fix = chosen_now.empty()
                                ? "fix the program's words or the job's Hydra overrides so that it prints its config"
                                : "choose an option the group has";
    if (who.empty()) who = "the job's Hydra words";
    const ConfigRunResult result = run_(words);
    if (!result.succeeded) {
      const std::string hydra_error = hydra_error_line(result.error_output);
      throw CompositionError(who + ": the app's config cannot be composed: " + shown + " " + result.failure +
                                 (hydra_error.empty() ? "" : ": " + hydra_error) + "; " + fix,
                             hydra_error, result.failure);
    }
    try {
      return std::make_shared<const ConfigMatcher>(parse_hydra_config(result.output, "the output of " + shown));
    } catch (const AdaptError& error) {
      throw AdaptError(who + ": " + error.what());
    }
  }

  const ProgramSplit& split_;
  const Schema& declared_;
  const ConfigRun& run_;
  std::vector<ArgWithOrigin> args_;      // the command line's, then the platform's
  std::vector<Candidate> candidates_;    // in the order of args_
  bool job_composes_ = false;            // a Hydra word of the job or the program changes the composition
  bool names_composition_flag_ = false;  // the job picks another tree: a file is not its composition
};

bool is_indented(std::string_view line) { return !line.empty() && (line.front() == ' ' || line.front() == '\t'); }

std::string_view trimmed(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

}  // namespace

std::optional<std::string> chosen_group(const ConfigMatcher& config, const Schema& declared, std::string_view name) {
  const FlagSpec* flag = declared.find(name);
  const NameMatch match = config.match(flag ? std::string_view(flag->key) : name);
  if (match.rule != MatchRule::kGroup || match.targets.size() != 1) return std::nullopt;
  return match.targets.front().key;
}

ComposedConfig compose_job_config(const ProgramSplit& split, const Schema& declared,
                                  std::shared_ptr<const ConfigMatcher> file, const ConfigRun& run,
                                  const std::vector<PlatformValue>& platform) {
  return Composer(split, declared, platform, run).compose(std::move(file));
}

std::string hydra_error_line(std::string_view error_output) {
  // Each message: a line at the left margin with the indented lines under it as its items.
  std::vector<std::string> messages;
  bool in_search_path = false;
  for (std::size_t start = 0; start < error_output.size();) {
    const std::size_t end = std::min(error_output.find('\n', start), error_output.size());
    const std::string_view line = error_output.substr(start, end - start);
    start = end + 1;
    if (trimmed(line).empty()) continue;
    if (is_indented(line)) {
      if (!in_search_path && !messages.empty()) {
        std::string& message = messages.back();
        message += (message.back() == ':' ? " " : ", ") + std::string(trimmed(line));
      }
      continue;
    }
    in_search_path = starts_with(line, "Config search path:");
    if (in_search_path || starts_with(line, "Set the environment variable HYDRA_FULL_ERROR")) continue;
    messages.emplace_back(trimmed(line));
  }
  if (messages.empty()) return "";
  // "Available options in 'model': resnet, vit" says little without what was not found.
  const std::string& last = messages.back();
  if (starts_with(last, "Available options") && messages.size() > 1) return messages[messages.size() - 2] + "; " + last;
  return last;
}

}  // namespace hydra_adapt
