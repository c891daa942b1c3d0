#pragma once

#include <yaml-cpp/mark.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hydra_adapt {

class YamlTree;
struct YamlIteratorValue;

// One node of a YamlTree: a null, a scalar, a sequence or a mapping, with the spot it starts
// at. A cheap handle into its tree, which must outlive it. Its methods are named and behave
// as yaml-cpp's YAML::Node's of the same names, so a reader of nodes reads these the same way.
class YamlNode {
 public:
  bool IsNull() const { return stored().kind == Kind::kNull; }
  bool IsScalar() const { return stored().kind == Kind::kScalar; }
  bool IsSequence() const { return stored().kind == Kind::kSequence; }
  bool IsMap() const { return stored().kind == Kind::kMap; }
  const std::string& Scalar() const { return stored().scalar; }  // empty unless a scalar
  // As the parser gives it: "?" for a plain scalar or an untagged collection, "!" for a quoted
  // or block scalar, the full tag for an explicit one ("tag:yaml.org,2002:str"); "" for a null.
  const std::string& Tag() const;
  const YAML::Mark& Mark() const { return stored().mark; }
  // The elements of a sequence, the entries of a mapping, 0 for anything else.
  std::size_t size() const { return IsMap() ? stored().child_count / 2 : stored().child_count; }

  // Over a sequence's elements, or a mapping's entries (`.first` the key, `.second` the value).
  class Iterator {
   public:
    YamlIteratorValue operator*() const;
    Iterator& operator++();
    bool operator!=(const Iterator& other) const { return at_ != other.at_; }

   private:
    friend class YamlNode;
    Iterator(const YamlTree& tree, std::uint32_t at, bool in_map) : tree_(&tree), at_(at), in_map_(in_map) {}
    const YamlTree* tree_;
    std::uint32_t at_;  // a slot in the parent, which may hold an alias; in a mapping, a key's
    bool in_map_;
  };
  Iterator begin() const { return Iterator(*tree_, stored().first_child, IsMap()); }
  Iterator end() const { return Iterator(*tree_, kNone, IsMap()); }

 private:
  friend class YamlTree;
  friend class YamlTreeBuilder;
  static constexpr std::uint32_t kNone = UINT32_MAX;
  enum class Kind : std::uint8_t { kNull, kScalar, kSequence, kMap, kAlias };
  struct Stored {
    Kind kind = Kind::kNull;
    std::uint16_t tag = 0;  // an index into the tree's tags; 0 is ""
    YAML::Mark mark = YAML::Mark::null_mark();
    std::string scalar;
    std::uint32_t first_child = kNone;  // for an alias: the anchored node
    std::uint32_t next_sibling = kNone;
    std::uint32_t child_count = 0;
  };

  YamlNode(const YamlTree& tree, std::uint32_t at);
  const Stored& stored() const;
  friend YamlNode yaml_field(const YamlNode& node, std::string_view key);

  const YamlTree* tree_;
  std::uint32_t at_;  // never an alias: the node it stands for
};

// What iterating a YamlNode gives, as yaml-cpp's iterators do: the element itself in a
// sequence; in a mapping, the key as `first` and the value as `second`.
struct YamlIteratorValue : YamlNode {
  YamlIteratorValue(YamlNode element, YamlNode key, YamlNode value) : YamlNode(element), first(key), second(value) {}
  YamlNode first;
  YamlNode second;
};

// The first document of a YAML text, read with yaml-cpp's event parser (YAML::Parser and an
// EventHandler) into one flat array of small records: no node graph, which costs yaml-cpp's
// YAML::Load several shared objects and allocations per scalar. An alias is the node its
// anchor names, as in yaml-cpp's own nodes.
class YamlTree {
 public:
  // Malformed YAML is an AdaptError naming the spot in `source` ("file.yaml:3:5: ").
  static YamlTree parse(const std::string& text, const std::string& source);

  // The document's root; a null node with no spot when the text holds no document.
  YamlNode root() const { return YamlNode(*this, kRoot); }

 private:
  friend class YamlNode;
  friend class YamlTreeBuilder;
  friend YamlNode yaml_field(const YamlNode& node, std::string_view key);
  static constexpr std::uint32_t kAbsent = 0;  // a null with no spot: what a missing key gives
  static constexpr std::uint32_t kRoot = 1;
  std::vector<YamlNode::Stored> nodes_;
  std::vector<std::string> tags_;  // each distinct tag once: most nodes share "?"
};

// The value of `key` in a mapping; a null node with no spot when `node` is no mapping or
// lacks the key. As yaml_field does for yaml-cpp's nodes, the first of repeated keys.
YamlNode yaml_field(const YamlNode& node, std::string_view key);

// A scalar read as yaml-cpp's nodes read a bool: true, True, TRUE, yes, on, y and their
// opposites; nothing for anything else.
std::optional<bool> yaml_bool(const YamlNode& node);

inline const YamlNode::Stored& YamlNode::stored() const { return tree_->nodes_[at_]; }
inline const std::string& YamlNode::Tag() const { return tree_->tags_[stored().tag]; }

}  // namespace hydra_adapt
