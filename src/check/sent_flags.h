#pragma once

#include <yaml-cpp/mark.h>

#include <cstddef>
#include <string>
#include <vector>

namespace hydra_adapt {

// The 1-based line of a spot in a source; 0 when the spot is unknown.
inline std::size_t line_of(const YAML::Mark& mark) {
  return mark.line < 0 ? 0 : static_cast<std::size_t>(mark.line) + 1;
}

// One value a source can send for a flag (a default, a bound, a categorical value), with the
// line of the source that declares it, for `hydra-adapt check`.
struct SentValue {
  std::string text;  // exactly as the platform renders it on the command line
  std::size_t line = 0;
  std::string what;  // where it comes from, for messages: "default", "maxValue", "values[1]"
};

// A flag a source can send, and the values it can send with it.
struct SentFlag {
  std::string name;  // without the dashes; a nested sweep parameter's dotted name
  std::size_t line = 0;
  bool bare = false;  // sent alone, with no value (a switch)
  std::vector<SentValue> values;
  // Sent only while the flag `parent` takes one of `parent_values` (a Vertex AI conditional
  // parameter); empty: sent with every other flag of its source.
  std::string parent{};
  std::vector<std::string> parent_values{};
};

// What a platform will send according to one file (a component spec, a tuning study, a
// sweep): a value source read ahead of time.
struct SourceFlags {
  std::string file;
  std::string kind;  // "component", "vertex-study", "wandb-sweep"
  std::vector<SentFlag> flags;
  // The Hydra overrides among its fixed args (trainer.seed=7), sent with every flag: they
  // shape the composition as they do at run time.
  std::vector<std::string> fixed_overrides{};
};

}  // namespace hydra_adapt
