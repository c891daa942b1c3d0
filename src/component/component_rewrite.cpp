#include "component/component_rewrite.h"

#include <yaml-cpp/yaml.h>

#include <vector>

#include "adapt_error.h"
#include "component/component_command.h"
#include "component/component_format.h"
#include "yaml/yaml_source.h"
#include "text/ascii.h"
#include "values/hydra_key.h"

namespace hydra_adapt {
namespace {

// The path `rewrite --style adapter` puts in front: where the project's images copy the tool.
constexpr const char* kTool = "/hydra-adapt";

// A value that can follow a flag: a v1 placeholder ({inputValue: n}, ...) or a plain word;
// not v2's IfPresent/Concat JSON text, which stands for words of its own.
bool is_flag_value(const YAML::Node& node) {
  if (shape_of(node) != WordShape::kOther) return false;
  if (node.IsMap()) return !node["if"];
  return node.IsScalar() && !starts_with(node.Scalar(), "{\"");
}

// The elements of a sequence, and none of anything else.
std::vector<YAML::Node> elements(const YAML::Node& sequence) {
  std::vector<YAML::Node> nodes;
  if (sequence.IsSequence()) {
    for (const YAML::Node& element : sequence) nodes.push_back(element);
  }
  return nodes;
}

// A sequence in the flow or block style of `like`.
YAML::Node sequence_like(const YAML::Node& like) {
  YAML::Node sequence(YAML::NodeType::Sequence);
  sequence.SetStyle(like.Style());
  return sequence;
}

class Rewriter {
 public:
  Rewriter(const std::string& source, RewriteStyle style) : source_(source), style_(style) {}

  void rewrite_document(YAML::Node& root) const {
    if (component_format(root, source_) == ComponentFormat::kV2) {
      const YAML::Node executors = yaml_field(yaml_field(root, "deploymentSpec"), "executors");
      if (!executors.IsMap()) fail(root, "deploymentSpec has no executors");
      for (const auto& executor : executors) {
        // Importers and resolvers run no container of the component's.
        if (YAML::Node container = yaml_field(executor.second, "container"); container.IsMap())
          rewrite_container(container);
      }
      return;
    }
    YAML::Node container = yaml_field(yaml_field(root, "implementation"), "container");
    if (!container.IsMap())
      fail(root, "implementation has no container (a graph component runs no program of its own)");
    rewrite_container(container);
  }

 private:
  void rewrite_container(YAML::Node& container) const {
    const YAML::Node command = yaml_field(container, "command");
    if (!command.IsSequence() || command.size() == 0) {
      fail(container,
           "the container has no command, so the image's ENTRYPOINT runs; write the command the image runs "
           "(such as [python3, main.py]) into the spec first");
    }
    const YAML::Node args = yaml_field(container, "args");
    std::vector<YAML::Node> words = elements(command);
    for (const YAML::Node& arg : elements(args)) words.push_back(arg);
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
    // The program receives what the tool would hand it: its own words (without the tool and
    // the "--" that ended them), then the incoming args as overrides.
    YAML::Node new_command = sequence_like(command);
    YAML::Node new_args = sequence_like(args);
    const auto output_for = [&](std::size_t word) -> YAML::Node& {
      return word < command.size() ? new_command : new_args;
    };
    for (std::size_t i = split.program; i < split.program_end; ++i) output_for(i).push_back(words[i]);
    for (const auto& [word, rewritten] : hydra_words(words, split.incoming)) output_for(word).push_back(rewritten);
    if (new_command.size() == 0) fail(command, "the command holds no program's word to run without the tool");
    container["command"] = new_command;
    if (args.IsSequence()) container["args"] = new_args;
  }

  // words[from...] rewritten, each with the index of the word it comes from.
  std::vector<std::pair<std::size_t, YAML::Node>> hydra_words(const std::vector<YAML::Node>& args,
                                                              std::size_t from) const {
    std::vector<std::pair<std::size_t, YAML::Node>> words;
    for (std::size_t i = from; i < args.size(); ++i) {
      const YAML::Node word = args[i];
      if (shape_of(word) != WordShape::kFlag || !word.IsScalar()) {
        words.emplace_back(i, word.IsMap() && word["if"] ? hydra_branches(word) : word);
        continue;
      }
      const std::string flag = word.Scalar().substr(2);
      const std::size_t equals = flag.find('=');
      if (equals != std::string::npos) {
        words.emplace_back(i, YAML::Node(key_of(flag.substr(0, equals)) + "=" + flag.substr(equals + 1)));
        continue;
      }
      // As argparse's nargs: the words up to the next flag are the flag's values.
      const std::size_t flag_index = i;
      std::vector<YAML::Node> values;
      while (i + 1 < args.size() && is_flag_value(args[i + 1])) values.push_back(args[++i]);
      words.emplace_back(flag_index, hydra_word(key_of(flag), values));
    }
    return words;
  }

  // `key=VALUE`, `key=[V1,V2]` for several values, `key=true` for none: one text when every
  // piece is text, else v1's concat of the texts and the placeholders.
  static YAML::Node hydra_word(const std::string& key, const std::vector<YAML::Node>& values) {
    std::vector<YAML::Node> pieces{YAML::Node(key + "=" + (values.size() > 1 ? "[" : ""))};
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) pieces.emplace_back(",");
      pieces.push_back(values[i]);
    }
    if (values.empty()) pieces.emplace_back("true");
    if (values.size() > 1) pieces.emplace_back("]");

    YAML::Node merged(YAML::NodeType::Sequence);
    merged.SetStyle(YAML::EmitterStyle::Flow);
    for (const YAML::Node& piece : pieces) {
      const bool joins = piece.IsScalar() && merged.size() > 0 && merged[merged.size() - 1].IsScalar();
      if (joins) {
        merged[merged.size() - 1] = merged[merged.size() - 1].Scalar() + piece.Scalar();
      } else {
        merged.push_back(piece.IsScalar() ? YAML::Node(piece.Scalar()) : piece);
      }
    }
    if (merged.size() == 1) return merged[0];
    YAML::Node concat(YAML::NodeType::Map);
    concat.SetStyle(YAML::EmitterStyle::Flow);
    concat["concat"] = merged;
    return concat;
  }

  // v1's {if: {cond: ..., then: [...], else: [...]}} with its branches rewritten.
  YAML::Node hydra_branches(const YAML::Node& word) const {
    YAML::Node result = YAML::Clone(word);
    for (const char* branch : {"then", "else"}) {
      const YAML::Node words = yaml_field(result["if"], branch);
      if (!words.IsSequence()) continue;
      YAML::Node rewritten = sequence_like(words);
      for (const auto& entry : hydra_words(elements(words), 0)) rewritten.push_back(entry.second);
      result["if"][branch] = rewritten;
    }
    return result;
  }

  static std::string key_of(const std::string& flag) { return key_for_flag(flag, true); }

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
    if (i == 0) rewriter.rewrite_document(documents[i]);
    out << YAML::BeginDoc;
    emit_node(out, documents[i]);
  }
  return std::string(out.c_str()) + "\n";
}

}  // namespace hydra_adapt
