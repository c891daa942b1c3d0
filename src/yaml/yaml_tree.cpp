#include "yaml/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <unordered_map>

#include "yaml/yaml_error.h"

namespace hydra_adapt {

// Appends each node yaml-cpp's parser reports to the tree, linked to its parent's last child.
class YamlTreeBuilder : public YAML::EventHandler {
 public:
  explicit YamlTreeBuilder(YamlTree& tree) : tree_(tree) {
    tree_.nodes_.emplace_back();  // YamlTree::kAbsent
    tree_.tags_.emplace_back();
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add(YamlNode::Kind::kNull, mark, "", anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    // The parser has checked that the anchor was named before.
    add(YamlNode::Kind::kAlias, mark, "", YAML::NullAnchor).first_child = anchored_[anchor];
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    add(YamlNode::Kind::kScalar, mark, tag, anchor).scalar = value;
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::kSequence, mark, tag, anchor);
  }
  void OnSequenceEnd() override { open_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::kMap, mark, tag, anchor);
  }
  void OnMapEnd() override { open_.pop_back(); }

 private:
  struct OpenCollection {
    std::uint32_t node;
    std::uint32_t last_child;
  };

  YamlNode::Stored& add(YamlNode::Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    std::vector<YamlNode::Stored>& nodes = tree_.nodes_;
    const auto at = static_cast<std::uint32_t>(nodes.size());
    if (!open_.empty()) {
      OpenCollection& parent = open_.back();
      if (parent.last_child == YamlNode::kNone) {
        nodes[parent.node].first_child = at;
      } else {
        nodes[parent.last_child].next_sibling = at;
      }
      parent.last_child = at;
      ++nodes[parent.node].child_count;
    }
    if (anchor != YAML::NullAnchor) {  // the parser numbers anchors 1, 2, 3, ...
      if (anchored_.size() <= anchor) anchored_.resize(anchor + 1, YamlNode::kNone);
      anchored_[anchor] = at;
    }
    YamlNode::Stored& stored = nodes.emplace_back();
    stored.kind = kind;
    stored.tag = tag_index(tag, mark);
    stored.mark = mark;
    return stored;
  }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    add(kind, mark, tag, anchor);
    open_.push_back({static_cast<std::uint32_t>(tree_.nodes_.size() - 1), YamlNode::kNone});
  }

  std::uint16_t tag_index(const std::string& tag, const YAML::Mark& mark) {
    const auto [found, added] = tag_indexes_.try_emplace(tag, static_cast<std::uint16_t>(tree_.tags_.size()));
    if (added) {
      if (tree_.tags_.size() > UINT16_MAX) throw YAML::ParserException(mark, "more than 65,535 distinct tags");
      tree_.tags_.push_back(tag);
    }
    return found->second;
  }

  YamlTree& tree_;
  std::vector<OpenCollection> open_;
  std::vector<std::uint32_t> anchored_;  // by anchor number
  std::unordered_map<std::string, std::uint16_t> tag_indexes_{{"", 0}};
};

YamlNode::YamlNode(const YamlTree& tree, std::uint32_t at) : tree_(&tree), at_(at) {
  if (tree.nodes_[at].kind == Kind::kAlias) at_ = tree.nodes_[at].first_child;
}

YamlIteratorValue YamlNode::Iterator::operator*() const {
  const YamlNode element(*tree_, at_);
  if (!in_map_) return {element, element, element};
  return {element, element, YamlNode(*tree_, tree_->nodes_[at_].next_sibling)};
}

YamlNode::Iterator& YamlNode::Iterator::operator++() {
  at_ = tree_->nodes_[at_].next_sibling;
  if (in_map_) at_ = tree_->nodes_[at_].next_sibling;  // past the value, to the next key
  return *this;
}

YamlNode yaml_field(const YamlNode& node, std::string_view key) {
  if (node.IsMap()) {
    for (const auto& entry : node) {
      if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
    }
  }
  return YamlNode(*node.tree_, YamlTree::kAbsent);
}

YamlTree YamlTree::parse(const std::string& text, const std::string& source) {
  YamlTree tree;
  std::istringstream stream(text);  // yaml-cpp reads only from a stream
  translate_yaml_errors(source, [&] {
    YAML::Parser parser(stream);
    YamlTreeBuilder builder(tree);
    parser.HandleNextDocument(builder);
  });
  if (tree.nodes_.size() == kRoot) tree.nodes_.emplace_back();  // no document: a null root
  return tree;
}

std::optional<bool> yaml_bool(const YamlNode& node) {
  bool value = false;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(YAML::Node(node.Scalar()), value)) return std::nullopt;
  return value;
}

}  // namespace hydra_adapt
