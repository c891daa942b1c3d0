#include "wandb/sweep_command.h"

#include <set>

#include "text/ascii.h"
#include "values/python_json.h"

namespace hydra_adapt {
namespace {

// The parameter a word renders with a `prefix` and "=": "--lr=0.1", "lr=0.1", "+lr=0.1".
bool renders_with(const std::string& word, const std::string& prefix, const std::string& name) {
  return starts_with(word, prefix + name + "=");
}

bool is_args_json(const std::string& word, const std::set<std::string>& names) {
  if (word.empty() || word.front() != '{') return false;
  const OrderedJson document = OrderedJson::parse(word, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object() || document.size() != names.size()) return false;
  for (const auto& [name, ignored] : document.items()) {
    if (names.count(name) == 0) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> without_sweep_renderings(const std::vector<std::string>& words,
                                                  const std::vector<WandbValue>& rendered,
                                                  const std::optional<std::string>& json_file) {
  std::set<std::string> names;
  for (const WandbValue& parameter : rendered) names.insert(parameter.name);
  if (words.empty()) return words;
  std::vector<std::string> kept{words.front()};
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string& word = words[i];
    if ((json_file && word == *json_file) || is_args_json(word, names)) continue;
    const WandbValue* bare = nullptr;  // --name alone: ${args_no_equals} or a true ${args_no_boolean_flags}
    bool rendering = false;
    for (const WandbValue& parameter : rendered) {
      const std::string& name = parameter.name;
      if (word == "--" + name) bare = &parameter;
      rendering = rendering || renders_with(word, "--", name) || renders_with(word, "", name) ||
                  renders_with(word, "+", name) || renders_with(word, "++", name);
    }
    if (rendering) continue;
    if (bare == nullptr) {
      kept.push_back(word);
      continue;
    }
    // ${args_no_equals} follows with str(v); ${args_no_boolean_flags} writes a true bool bare.
    const bool bare_true = bare->json == "true" && (i + 1 == words.size() || words[i + 1] != "True");
    if (!bare_true) ++i;
  }
  return kept;
}

std::string sweep_args_json_file(const std::string& sweep_param_path) {
  const std::size_t dot = sweep_param_path.rfind(".yaml");
  const bool yaml_suffix = dot != std::string::npos && dot + 5 == sweep_param_path.size();
  return (yaml_suffix ? sweep_param_path.substr(0, dot) : sweep_param_path) + ".json";
}

}  // namespace hydra_adapt
