#include "component/component_rewrite.h"

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <utility>
#include <variant>
#include <vector>

#include "adapt_error.h"
#include "component/component_command.h"
#include "component/component_flags.h"
#include "component/component_format.h"
#include "component/v2_component.h"
#include "values/hydra_key.h"
#include "yaml/yaml_source.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {
namespace {

// The path `rewrite --style adapter` puts in front: where the project's images copy the tool.
constexpr const char* kTool = "/hydra-adapt";

using Pieces = std::vector<std::variant<std::string, PlaceholderValue>>;

// A sequence in the flow or block style of `like`.
YAML::Node sequence_like(const YAML::Node& like) {
  YAML::Node sequence(YAML::NodeType::Sequence);
  sequence.SetStyle(like.Style());
  return sequence;
}

// How each format writes a word of pieces and a conditional arg with rewritten branches.
class WordWriter {
 public:
  virtual ~WordWriter() = default;
  virtual YAML::Node word(const Pieces& pieces) const = 0;
  virtual YAML::Node conditional(const YAML::Node& original, const std::vector<YAML::Node>& then_words,
                                 const std::vector<YAML::Node>& else_words) const = 0;
};

// v1: one text, or {concat: [text, {inputValue: n}, ...]}; an `if` keeps its cond.
class V1Writer : public WordWriter {
 public:
  YAML::Node word(const Pieces& pieces) const override {
    if (pieces.size() == 1 && std::holds_alternative<std::string>(pieces.front())) {
      return YAML::Node(std::get<std::string>(pieces.front()));
    }
    YAML::Node merged(YAML::NodeType::Sequence);
    merged.SetStyle(YAML::EmitterStyle::Flow);
    for (const auto& piece : pieces) {
      if (const auto* text = std::get_if<std::string>(&piece)) {
        merged.push_back(*text);
        continue;
      }
      const PlaceholderValue& placeholder = std::get<PlaceholderValue>(piece);
      YAML::Node written(YAML::NodeType::Map);
      written.SetStyle(YAML::EmitterStyle::Flow);
      written[placeholder.written] = placeholder.input;
      merged.push_back(written);
    }
    YAML::Node concat(YAML::NodeType::Map);
    concat.SetStyle(YAML::EmitterStyle::Flow);
    concat["concat"] = merged;
    return concat;
  }

  YAML::Node conditional(const YAML::Node& original, const std::vector<YAML::Node>& then_words,
                         const std::vector<YAML::Node>& else_words) const override {
    YAML::Node rewritten = YAML::Clone(original);
    for (const auto& [branch, words] : {std::pair{"then", &then_words}, std::pair{"else", &else_words}}) {
      const YAML::Node before = yaml_field(rewritten["if"], branch);
      if (before.IsNull() && words->empty()) continue;
      YAML::Node after = before.IsSequence() ? sequence_like(before) : YAML::Node(YAML::NodeType::Sequence);
      for (const YAML::Node& word : *words) after.push_back(word);
      rewritten["if"][branch] = after;
    }
    return rewritten;
  }
};

// JSON as Python's json.dumps writes it (", " and ": " between items), as kfp's compiler writes
// an IfPresent: kfp.local tells one from other args by the prefix '{"IfPresent": '.
std::string python_json_dumps(const nlohmann::ordered_json& value) {
  if (!value.is_object() && !value.is_array()) return value.dump(-1, ' ', /*ensure_ascii=*/true);
  std::string text;
  for (auto item = value.begin(); item != value.end(); ++item) {
    text += text.empty() ? "" : ", ";
    if (value.is_object()) text += nlohmann::ordered_json(item.key()).dump(-1, ' ', true) + ": ";
    text += python_json_dumps(*item);
  }
  return value.is_object() ? "{" + text + "}" : "[" + text + "]";
}

// v2: one text with the placeholders in it (kfp resolves a placeholder inside a text); an
// IfPresent keeps its InputName.
class V2Writer : public WordWriter {
 public:
  YAML::Node word(const Pieces& pieces) const override {
    std::string text;
    for (const auto& piece : pieces) {
      const auto* literal = std::get_if<std::string>(&piece);
      text += literal ? *literal : std::get<PlaceholderValue>(piece).written;
    }
    return YAML::Node(text);
  }

  YAML::Node conditional(const YAML::Node& original, const std::vector<YAML::Node>& then_words,
                         const std::vector<YAML::Node>& else_words) const override {
    nlohmann::ordered_json rewritten = nlohmann::ordered_json::parse(original.Scalar());
    nlohmann::ordered_json& branches = rewritten["IfPresent"];
    for (const auto& [branch, words] : {std::pair{"Then", &then_words}, std::pair{"Else", &else_words}}) {
      if (!branches.contains(branch) && words->empty()) continue;
      nlohmann::ordered_json& after = branches[branch] = nlohmann::ordered_json::array();
      for (const YAML::Node& word : *words) after.push_back(word.Scalar());
    }
    return YAML::Node(python_json_dumps(rewritten));
  }
};

// `key=VALUE`, `key=[V1,V2]` for several values, `key=true` for none, with adjacent texts joined.
Pieces hydra_pieces(const std::string& key, const std::vector<ComponentWord>& values) {
  Pieces pieces;
  const auto add_text = [&pieces](const std::string& text) {
    if (!pieces.empty() && std::holds_alternative<std::string>(pieces.back())) {
      std::get<std::string>(pieces.back()) += text;
    } else {
      pieces.emplace_back(text);
    }
  };
  add_text(key + "=" + (values.size() > 1 ? "[" : ""));
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) add_text(",");
    for (const auto& piece : values[i].pieces) {
      if (const auto* text = std::get_if<std::string>(&piece)) {
        add_text(*text);
      } else {
        pieces.push_back(piece);
      }
    }
  }
  if (values.empty()) add_text("true");
  if (values.size() > 1) add_text("]");
  return pieces;
}

class Rewriter {
 public:
  Rewriter(const std::string& source, RewriteStyle style) : source_(source), style_(style) {}

  // `document` is yaml-cpp's node graph of the spec, to change and emit; `read` the same text
  // as a YamlTree, for the one reader of the command line.
  void rewrite_document(YAML::Node& document, const YamlNode& read) const {
    if (component_format(read, source_) == ComponentFormat::kV1) {
      YAML::Node container = yaml_field(yaml_field(document, "implementation"), "container");
      if (!container.IsMap())
        fail(document, "implementation has no container (a graph component runs no program of its own)");
      rewrite_container(container, read, "", V1Writer());
      return;
    }
    const YAML::Node executors = yaml_field(yaml_field(document, "deploymentSpec"), "executors");
    for (const auto& executor : v2_executors(read, source_)) {
      // Importers and resolvers run no container of the component's.
      YAML::Node container = yaml_field(executors[executor.first.Scalar()], "container");
      if (container.IsMap()) rewrite_container(container, read, executor.first.Scalar(), V2Writer());
    }
  }

 private:
  void rewrite_container(YAML::Node& container, const YamlNode& read, const std::string& executor,
                         const WordWriter& writer) const {
    const YAML::Node command = yaml_field(container, "command");
    if (!command.IsSequence() || command.size() == 0) {
      fail(container,
           "the container has no command, so the image's ENTRYPOINT runs; write the command the image runs "
           "(such as [python3, main.py]) into the spec first");
    }
    const std::vector<ComponentWord> words = component_words(read, source_, executor);
    const ComponentCommand split = split_component_command(words, source_);
    if (style_ == RewriteStyle::kAdapter) {
      if (split.through_tool) return;
      YAML::Node through_tool = sequence_like(command);
      through_tool.push_back(kTool);
      through_tool.push_back("--");
      for (const auto& word : command) through_tool.push_back(word);
      container["command"] = through_tool;
      return;
    }
    const YAML::Node args = yaml_field(container, "args");
    std::vector<YAML::Node> elements;
    for (const YAML::Node& part : {command, args}) {
      for (const auto& element : part) elements.push_back(element);
    }
    // The program receives what the tool would hand it: its own words (without the tool and
    // the "--" that ended them), then the incoming args as overrides.
    Container rewritten;
    for (std::size_t i = split.program; i < split.program_end; ++i) rewritten.keep(words[i].element, elements);
    for (const FlagWords& flag : component_flag_words(words, split, source_)) {
      check_in_one_arg(words, flag);
      const ComponentWord& flag_word = words[flag.begin];
      rewritten.add(flag_word, writer.word(hydra_pieces(key_for_flag(flag.name, true), flag.values)));
    }
    YAML::Node new_command = sequence_like(command);
    YAML::Node new_args = sequence_like(args);
    for (const Arg& arg : rewritten.args) {
      const YAML::Node word =
          arg.conditional ? writer.conditional(elements[arg.element], arg.then_words, arg.else_words) : arg.word;
      (arg.element < command.size() ? new_command : new_args).push_back(word);
    }
    if (new_command.size() == 0) fail(command, "the command holds no program's word to run without the tool");
    container["command"] = new_command;
    if (args.IsSequence()) container["args"] = new_args;
  }

  // The rewritten args, each where its words stood.
  struct Arg {
    std::size_t element;
    bool conditional = false;
    YAML::Node word;  // unless conditional
    std::vector<YAML::Node> then_words, else_words;
  };
  struct Container {
    std::vector<Arg> args;

    void keep(std::size_t element, const std::vector<YAML::Node>& elements) {
      if (args.empty() || args.back().element != element) args.push_back({element, false, elements[element], {}, {}});
    }
    void add(const ComponentWord& at, const YAML::Node& word) {
      if (!at.conditional()) {
        args.push_back({at.element, false, word, {}, {}});
        return;
      }
      if (args.empty() || args.back().element != at.element) args.push_back({at.element, true, {}, {}, {}});
      (at.branch == Branch::kThen ? args.back().then_words : args.back().else_words).push_back(word);
    }
  };

  // A flag and its values become one override, which stands where the flag stands: in one
  // branch of a conditional arg, or outside any.
  void check_in_one_arg(const std::vector<ComponentWord>& words, const FlagWords& flag) const {
    const ComponentWord& flag_word = words[flag.begin];
    for (std::size_t i = flag.begin + 1; i < flag.end; ++i) {
      const bool same_branch = words[i].branch == flag_word.branch;
      if (!same_branch || (flag_word.conditional() && words[i].element != flag_word.element)) {
        throw AdaptError(yaml_spot(source_, words[i].mark) + "--" + flag.name +
                         " takes this value from another branch than its own, which --style hydra cannot write as "
                         "one override; put the flag into each branch with its values");
      }
    }
  }

  [[noreturn]] void fail(const YAML::Node& node, const std::string& problem) const {
    throw AdaptError(yaml_spot(source_, node.Mark()) + problem);
  }

  std::string source_;
  RewriteStyle style_;
};

// yaml-cpp writes a scalar plain whenever it can, so a quoted '0.25' or 'true' would come back
// as a number or a boolean. A scalar quoted in the file (yaml-cpp tags it "!") stays quoted.
void emit_node(YAML::Emitter& out, const YAML::Node& node) {
  const bool flow = node.Style() == YAML::EmitterStyle::Flow;
  switch (node.Type()) {
    case YAML::NodeType::Map:
      if (flow) out << YAML::Flow;
      out << YAML::BeginMap;
      for (const auto& entry : node) {
        out << YAML::Key;
        emit_node(out, entry.first);
        out << YAML::Value;
        emit_node(out, entry.second);
      }
      out << YAML::EndMap;
      return;
    case YAML::NodeType::Sequence:
      if (flow) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& element : node) emit_node(out, element);
      out << YAML::EndSeq;
      return;
    case YAML::NodeType::Scalar:
      if (node.Tag() == "!") out << YAML::DoubleQuoted;
      out << node.Scalar();
      return;
    default:
      out << node;
  }
}

std::string header(const std::string& source, RewriteStyle style) {
  std::string text = "Rewritten by hydra-adapt rewrite --style " +
                     std::string(style == RewriteStyle::kAdapter ? "adapter" : "hydra") + " from " + source +
                     ".\nyaml-cpp wrote it: the original's comments and anchors are not kept, and quoted scalars "
                     "come\nin double quotes; the order of keys and the block or flow style are kept.";
  if (style == RewriteStyle::kHydra) {
    text +=
        "\nValues are NOT escaped in this style: a value with a quote, comma, bracket, brace, colon, '=',"
        "\nedge space or ${...} breaks the override or changes its type. --style adapter has no such problem.";
  }
  return text;
}

}  // namespace

std::optional<RewriteStyle> rewrite_style_from_name(std::string_view name) {
  if (name == "adapter") return RewriteStyle::kAdapter;
  if (name == "hydra") return RewriteStyle::kHydra;
  return std::nullopt;
}

std::string rewrite_component_yaml(const std::string& text, const std::string& source, RewriteStyle style) {
  // The command line is read by the one reader, on a YamlTree; the output is yaml-cpp's node
  // graph emitted, because only that graph keeps what the emitter needs to write the rest of the
  // spec back (flow or block style, quoted scalars, every further document), where a YamlTree
  // keeps only what the readers look at. `rewrite` runs once, on a spec of kilobytes, at build time.
  const YamlTree tree = YamlTree::parse(text, source);
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(text);
  } catch (const YAML::ParserException& error) {
    throw AdaptError(yaml_spot(source, error.mark) + "malformed YAML: " + error.msg);
  }
  if (documents.empty()) throw AdaptError(source + ": empty file; expected a Kubeflow Pipelines component");
  const Rewriter rewriter(source, style);
  YAML::Emitter out;
  out << YAML::Comment(header(source, style));
  for (std::size_t i = 0; i < documents.size(); ++i) {
    // kfp writes a platform spec as a second document; only the first holds the components.
    if (i == 0) rewriter.rewrite_document(documents[i], tree.root());
    out << YAML::BeginDoc;
    emit_node(out, documents[i]);
  }
  return std::string(out.c_str()) + "\n";
}

}  // namespace hydra_adapt
