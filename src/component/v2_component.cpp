#include "component/v2_component.h"

#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "adapt_error.h"
#include "text/ascii.h"
#include "yaml/yaml_source.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {
namespace {

ValueType parameter_type(const std::string& parameter_type) {
  static const std::map<std::string, ValueType> kTypes{
      {"STRING", ValueType::kStr},   {"NUMBER_INTEGER", ValueType::kInt}, {"NUMBER_DOUBLE", ValueType::kFloat},
      {"BOOLEAN", ValueType::kBool}, {"STRUCT", ValueType::kJson},        {"LIST", ValueType::kJson},
  };
  const auto found = kTypes.find(parameter_type);
  return found == kTypes.end() ? ValueType::kStr : found->second;
}

bool is_placeholder_object(const nlohmann::json& json, const char* name) {
  return json.is_object() && json.size() == 1 && json.contains(name);
}

// Takes `prefix` off the front of `text` when it is there.
bool consume(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  text.remove_prefix(prefix.size());
  return true;
}

// "{{$.inputs.artifacts['data'].path}}" as side "inputs", kind "artifacts", name "data" and
// access ".path" (empty when none): {{$.(inputs|outputs).(parameters|artifacts)['NAME']
// (.path|.uri|.output_file)?}}, the whole text. Read by steps, not by regular expressions, whose
// compiler and matcher would add about 0.1 MB to the static binary (BENCHMARKS.md).
struct PlaceholderParts {
  std::string_view side, kind, name, access;
};
std::optional<PlaceholderParts> split_placeholder(std::string_view text) {
  const auto one_of = [&text](std::initializer_list<std::string_view> choices) {
    for (const std::string_view choice : choices) {
      if (consume(text, choice)) return choice;
    }
    return std::string_view();
  };
  PlaceholderParts parts;
  if (!consume(text, "{{$.")) return std::nullopt;
  parts.side = one_of({"inputs", "outputs"});
  if (parts.side.empty() || !consume(text, ".")) return std::nullopt;
  parts.kind = one_of({"parameters", "artifacts"});
  if (parts.kind.empty() || !consume(text, "['")) return std::nullopt;
  const std::size_t quote = text.find('\'');
  if (quote == std::string_view::npos) return std::nullopt;
  parts.name = text.substr(0, quote);
  text.remove_prefix(quote);
  if (!consume(text, "']")) return std::nullopt;
  parts.access = one_of({".path", ".uri", ".output_file"});
  if (text != "}}") return std::nullopt;
  return parts;
}

struct Declared {
  ValueType type;
  bool optional;
  std::optional<std::string> default_text{};
};
using Declarations = std::map<std::string, Declared>;

// A field that must be a mapping when present: a null node, which has no entries, when absent.
YamlNode v2_mapping(const YamlNode& parent, const std::string& key, const std::string& source) {
  const YamlNode node = yaml_field(parent, key);
  if (!node.IsNull() && !node.IsMap()) throw AdaptError(yaml_spot(source, node.Mark()) + key + " must be a mapping");
  return node;
}

class V2Reader {
 public:
  explicit V2Reader(const std::string& source) : source_(source) {}

  std::vector<ComponentWord> read(const YamlNode& root, const std::string& executor) {
    const YamlNode executors = v2_executors(root, source_);
    const std::string label = chosen_executor(root, executors, executor);
    declare(component_of(root, label, executors));
    const YamlNode container = yaml_field(yaml_field(executors, label), "container");
    if (!container.IsMap()) fail(yaml_field(executors, label), "executor " + label + " runs no container");
    for (const char* part : {"command", "args"}) {
      const YamlNode words = yaml_field(container, part);
      if (words.IsNull()) continue;
      if (!words.IsSequence()) fail(words, std::string(part) + " must be a list");
      for (const auto& word : words) {
        if (!word.IsScalar()) fail(word, "an arg of a compiled component is a string");
        add_text_word(word.Scalar(), word.Mark(), Branch::kNone, false);
        ++element_;
      }
    }
    return std::move(words_);
  }

 private:
  std::string chosen_executor(const YamlNode& root, const YamlNode& executors, const std::string& wanted) const {
    std::string names;
    for (const auto& entry : executors) names += (names.empty() ? "" : ", ") + entry.first.Scalar();
    if (wanted.empty()) {
      if (executors.size() == 1) return (*executors.begin()).first.Scalar();
      fail(executors, "the file holds " + std::to_string(executors.size()) + " executors (" + names +
                          "); pick one with --component-executor NAME");
    }
    if (!yaml_field(executors, wanted).IsNull()) return wanted;
    const YamlNode label = yaml_field(yaml_field(mapping(root, "components"), wanted), "executorLabel");
    if (label.IsScalar() && !yaml_field(executors, label.Scalar()).IsNull()) return label.Scalar();
    fail(executors, "no executor or component named '" + wanted + "' (executors: " + names + ")");
  }

  YamlNode component_of(const YamlNode& root, const std::string& label, const YamlNode& executors) const {
    for (const auto& entry : mapping(root, "components")) {
      if (yaml_field(entry.second, "executorLabel").Scalar() == label) return entry.second;
    }
    fail(yaml_field(executors, label), "no component under components: has executorLabel " + label);
  }

  void declare(const YamlNode& component) {
    const YamlNode inputs = yaml_field(component, "inputDefinitions");
    const YamlNode outputs = yaml_field(component, "outputDefinitions");
    for (const auto& entry : mapping(inputs, "parameters")) {
      const YamlNode& definition = entry.second;
      const YamlNode default_value = yaml_field(definition, "defaultValue");
      input_parameters_[entry.first.Scalar()] = {
          parameter_type(yaml_field(definition, "parameterType").Scalar()),
          yaml_bool(yaml_field(definition, "isOptional")).value_or(false) || !default_value.IsNull(),
          default_value.IsScalar() ? std::optional(default_value.Scalar()) : std::nullopt};
    }
    for (const auto& entry : mapping(inputs, "artifacts")) {
      input_artifacts_[entry.first.Scalar()] = {ValueType::kPath,
                                                yaml_bool(yaml_field(entry.second, "isOptional")).value_or(false)};
    }
    for (const char* kind : {"parameters", "artifacts"}) {
      for (const auto& entry : mapping(outputs, kind)) outputs_[entry.first.Scalar()] = {ValueType::kOutputPath, false};
    }
  }

  // Compiled IfPresent and Concat placeholders are JSON texts; other words are literal text
  // around {{$...}} placeholders.
  void add_text_word(const std::string& text, const YAML::Mark& mark, Branch branch, bool opens_else) {
    // Only a text that opens with '{' can be JSON: parsing every arg cost a tenth of reading a
    // spec with 2,000 inputs (bench/component_reader.py).
    const auto json =
        starts_with(text, "{") ? nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false) : nlohmann::json();
    if (is_placeholder_object(json, "IfPresent")) {
      if (branch != Branch::kNone) fail_at(mark, "an IfPresent inside an IfPresent is not supported");
      add_if_present(json["IfPresent"], mark);
      return;
    }
    ComponentWord word{{}, mark, element_, branch, opens_else};
    if (is_placeholder_object(json, "Concat")) {
      add_json_pieces(json, word);
    } else {
      add_text_pieces(text, word);
    }
    words_.push_back(std::move(word));
  }

  void add_if_present(const nlohmann::json& branches, const YAML::Mark& mark) {
    if (!branches.is_object() || !branches.contains("InputName") || !branches["InputName"].is_string()) {
      fail_at(mark, "IfPresent takes {\"InputName\": ..., \"Then\": [...], \"Else\": [...]}");
    }
    const std::string input = branches["InputName"];
    if (!input_parameters_.count(input) && !input_artifacts_.count(input)) {
      fail_at(mark, "IfPresent names '" + input + "', which inputDefinitions does not declare");
    }
    for (const auto& [name, branch] : {std::pair{"Then", Branch::kThen}, std::pair{"Else", Branch::kElse}}) {
      if (!branches.contains(name)) continue;
      const nlohmann::json& words = branches[name];
      if (!words.is_array()) fail_at(mark, std::string("IfPresent's ") + name + " is a list of args");
      bool first = true;
      for (const auto& word : words) {
        add_text_word(word.is_string() ? word.get<std::string>() : word.dump(), mark, branch,
                      first && branch == Branch::kElse);
        first = false;
      }
    }
  }

  void add_json_pieces(const nlohmann::json& piece, ComponentWord& word) const {
    if (is_placeholder_object(piece, "Concat") && piece["Concat"].is_array()) {
      for (const auto& part : piece["Concat"]) add_json_pieces(part, word);
    } else if (piece.is_string()) {
      add_text_pieces(piece.get<std::string>(), word);
    } else {
      fail_at(word.mark,
              "unsupported placeholder " + piece.dump() + " (supported: IfPresent, Concat, {{$.inputs...}})");
    }
  }

  void add_text_pieces(const std::string& text, ComponentWord& word) const {
    std::size_t done = 0;
    for (std::size_t open = text.find("{{$"); open != std::string::npos; open = text.find("{{$", done)) {
      const std::size_t close = text.find("}}", open);
      if (close == std::string::npos) fail_at(word.mark, "unterminated placeholder in '" + text + "'");
      if (open > done) word.pieces.emplace_back(text.substr(done, open - done));
      done = close + 2;
      word.pieces.emplace_back(placeholder(text.substr(open, done - open), word.mark));
    }
    if (done < text.size() || word.pieces.empty()) word.pieces.emplace_back(text.substr(done));
  }

  PlaceholderValue placeholder(const std::string& text, const YAML::Mark& mark) const {
    const auto parts = split_placeholder(text);
    if (!parts) fail_at(mark, unsupported(text));
    const std::string side(parts->side), kind(parts->kind), name(parts->name), access(parts->access);
    const Declarations* declared = nullptr;
    if (side == "inputs" && kind == "parameters" && access.empty()) declared = &input_parameters_;
    if (side == "inputs" && kind == "artifacts" && (access == ".path" || access == ".uri"))
      declared = &input_artifacts_;
    if (side == "outputs" && kind == "artifacts" && (access == ".path" || access == ".uri")) declared = &outputs_;
    if (side == "outputs" && kind == "parameters" && access == ".output_file") declared = &outputs_;
    if (!declared) fail_at(mark, unsupported(text));
    const auto found = declared->find(name);
    if (found == declared->end()) {
      fail_at(mark, text + " names '" + name + "', which the component's " + side.substr(0, side.size() - 1) +
                        "Definitions." + kind + " does not declare");
    }
    return {name, found->second.type, found->second.optional, text, found->second.default_text};
  }

  static std::string unsupported(const std::string& text) {
    return "unsupported placeholder " + text +
           " (supported: {{$.inputs.parameters['n']}}, {{$.inputs.artifacts['n'].path}} or .uri, "
           "{{$.outputs.artifacts['n'].path}} or .uri, {{$.outputs.parameters['n'].output_file}})";
  }

  YamlNode mapping(const YamlNode& parent, const std::string& key) const { return v2_mapping(parent, key, source_); }

  [[noreturn]] void fail(const YamlNode& node, const std::string& problem) const { fail_at(node.Mark(), problem); }
  [[noreturn]] void fail_at(const YAML::Mark& mark, const std::string& problem) const {
    throw AdaptError(yaml_spot(source_, mark) + problem);
  }

  const std::string& source_;
  Declarations input_parameters_;
  Declarations input_artifacts_;
  Declarations outputs_;
  std::vector<ComponentWord> words_;
  std::size_t element_ = 0;  // the container's arg being read
};

}  // namespace

YamlNode v2_executors(const YamlNode& root, const std::string& source) {
  const YamlNode executors = v2_mapping(yaml_field(root, "deploymentSpec"), "executors", source);
  if (executors.size() == 0) throw AdaptError(yaml_spot(source, root.Mark()) + "deploymentSpec has no executors");
  return executors;
}

std::vector<ComponentWord> v2_component_words(const YamlNode& root, const std::string& source,
                                              const std::string& executor) {
  return V2Reader(source).read(root, executor);
}

}  // namespace hydra_adapt
