#include "component/v1_component.h"

#include <map>
#include <optional>

#include "adapt_error.h"
#include "text/ascii.h"
#include "yaml/yaml_source.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {
namespace {

// The type an inputValue arrives as. Types that are neither parameters nor known artifacts
// (GCSPath, {GcsPath: {...}}, custom names) are exact strings.
ValueType parameter_type(const YamlNode& type) {
  if (!type.IsScalar()) return ValueType::kStr;
  static const std::map<std::string, ValueType> kTypes{
      {"string", ValueType::kStr},     {"str", ValueType::kStr},      {"integer", ValueType::kInt},
      {"int", ValueType::kInt},        {"float", ValueType::kFloat},  {"double", ValueType::kFloat},
      {"bool", ValueType::kBool},      {"boolean", ValueType::kBool}, {"jsonobject", ValueType::kJson},
      {"jsonarray", ValueType::kJson}, {"dict", ValueType::kJson},    {"list", ValueType::kJson},
  };
  const auto found = kTypes.find(lowercase(type.Scalar()));
  return found == kTypes.end() ? ValueType::kStr : found->second;
}

struct Declared {
  ValueType value_type;  // what an inputValue of it arrives as
  bool optional;
  std::optional<std::string> default_text;
};

class V1Reader {
 public:
  explicit V1Reader(const std::string& source) : source_(source) {}

  std::vector<ComponentWord> read(const YamlNode& root) {
    declare(yaml_field(root, "inputs"), inputs_, "inputs");
    declare(yaml_field(root, "outputs"), outputs_, "outputs");
    const YamlNode container = yaml_field(yaml_field(root, "implementation"), "container");
    if (!container.IsMap()) {
      fail(root, "implementation has no container (a graph component runs no program of its own)");
    }
    for (const char* part : {"command", "args"}) {
      const YamlNode words = yaml_field(container, part);
      if (words.IsNull()) continue;
      if (!words.IsSequence()) fail(words, std::string(part) + " must be a list");
      for (const auto& word : words) {
        add_word(word, Branch::kNone, false);
        ++element_;
      }
    }
    return std::move(words_);
  }

 private:
  void declare(const YamlNode& list, std::map<std::string, Declared>& declared, const std::string& section) const {
    if (list.IsNull()) return;
    if (!list.IsSequence()) fail(list, section + " must be a list of {name: ..., type: ...}");
    for (const auto& entry : list) {
      const YamlNode name = yaml_field(entry, "name");
      if (!name.IsScalar()) fail(entry, "an entry of " + section + " has no name");
      // `default: null` is a default too: the field is there.
      const YamlNode default_value = yaml_field(entry, "default");
      const bool optional = !default_value.Mark().is_null() || yaml_bool(yaml_field(entry, "optional")).value_or(false);
      declared[name.Scalar()] = {parameter_type(yaml_field(entry, "type")), optional,
                                 default_value.IsScalar() ? std::optional(default_value.Scalar()) : std::nullopt};
    }
  }

  void add_word(const YamlNode& node, Branch branch, bool opens_else) {
    if (node.IsMap() && node.size() == 1 && (*node.begin()).first.Scalar() == "if") {
      if (branch != Branch::kNone) fail(node, "an if inside an if's branch is not supported; write the branches out");
      add_if((*node.begin()).second);
      return;
    }
    ComponentWord word{{}, node.Mark(), element_, branch, opens_else};
    add_pieces(node, word);
    words_.push_back(std::move(word));
  }

  void add_if(const YamlNode& branches) {
    if (!branches.IsMap()) fail(branches, "if takes {cond: ..., then: [...], else: [...]}");
    const YamlNode present = yaml_field(yaml_field(branches, "cond"), "isPresent");
    if (!present.IsNull() && !(present.IsScalar() && inputs_.count(present.Scalar()))) {
      fail(present, "isPresent names no input declared in inputs:");
    }
    add_branch(yaml_field(branches, "then"), Branch::kThen);
    add_branch(yaml_field(branches, "else"), Branch::kElse);
  }

  void add_branch(const YamlNode& words, Branch branch) {
    if (words.IsNull()) return;
    if (!words.IsSequence()) fail(words, "the branches of an if are lists of args");
    bool first = true;
    for (const auto& word : words) {
      add_word(word, branch, branch == Branch::kElse && first);
      first = false;
    }
  }

  void add_pieces(const YamlNode& node, ComponentWord& word) const {
    if (node.IsScalar()) {
      word.pieces.emplace_back(node.Scalar());
      return;
    }
    if (!node.IsMap() || node.size() != 1) fail(node, "an arg is a string or a placeholder such as {inputValue: name}");
    const std::string kind = (*node.begin()).first.Scalar();
    const YamlNode argument = (*node.begin()).second;
    if (kind == "concat") {
      if (!argument.IsSequence()) fail(argument, "concat takes a list");
      for (const auto& piece : argument) add_pieces(piece, word);
    } else if (kind == "inputValue") {
      word.pieces.emplace_back(placeholder(kind, argument, inputs_, "inputs", std::nullopt));
    } else if (kind == "inputPath" || kind == "inputUri") {
      word.pieces.emplace_back(placeholder(kind, argument, inputs_, "inputs", ValueType::kPath));
    } else if (kind == "outputPath" || kind == "outputUri") {
      word.pieces.emplace_back(placeholder(kind, argument, outputs_, "outputs", ValueType::kOutputPath));
    } else if (kind == "if") {
      fail(node, "an if inside a concat is not supported; put the if around whole args");
    } else {
      fail(node, "unknown or unsupported placeholder '" + kind +
                     "' (supported: inputValue, inputPath, inputUri, outputPath, outputUri, concat, if)");
    }
  }

  PlaceholderValue placeholder(const std::string& kind, const YamlNode& name,
                               const std::map<std::string, Declared>& declared, const std::string& section,
                               std::optional<ValueType> type) const {
    if (!name.IsScalar()) fail(name, "a placeholder takes the name of an input or output");
    const auto found = declared.find(name.Scalar());
    if (found == declared.end()) fail(name, "'" + name.Scalar() + "' is not declared in " + section + ":");
    return {name.Scalar(), type.value_or(found->second.value_type), found->second.optional, kind,
            type ? std::nullopt : found->second.default_text};
  }

  [[noreturn]] void fail(const YamlNode& node, const std::string& problem) const {
    throw AdaptError(yaml_spot(source_, node.Mark()) + problem);
  }

  const std::string& source_;
  std::map<std::string, Declared> inputs_;
  std::map<std::string, Declared> outputs_;
  std::vector<ComponentWord> words_;
  std::size_t element_ = 0;  // the container's arg being read
};

}  // namespace

std::vector<ComponentWord> v1_component_words(const YamlNode& root, const std::string& source) {
  return V1Reader(source).read(root);
}

}  // namespace hydra_adapt
