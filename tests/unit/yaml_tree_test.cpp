#include "yaml/yaml_tree.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "adapt_error.h"

namespace hydra_adapt {
namespace {

// The tree must tell what yaml-cpp's own node graph tells: kinds, scalars, spots, order.
void expect_same(const YamlNode& tree, const YAML::Node& node, const std::string& where) {
  SCOPED_TRACE(where);
  ASSERT_EQ(tree.IsNull(), node.IsNull());
  ASSERT_EQ(tree.IsScalar(), node.IsScalar());
  ASSERT_EQ(tree.IsSequence(), node.IsSequence());
  ASSERT_EQ(tree.IsMap(), node.IsMap());
  EXPECT_EQ(tree.Mark().line, node.Mark().line);
  EXPECT_EQ(tree.Mark().column, node.Mark().column);
  EXPECT_EQ(tree.Mark().is_null(), node.Mark().is_null());
  EXPECT_EQ(tree.Tag(), node.Tag());
  if (node.IsScalar()) {
    EXPECT_EQ(tree.Scalar(), node.Scalar());
  }
  if (!node.IsSequence() && !node.IsMap()) return;
  ASSERT_EQ(tree.size(), node.size());
  if (node.IsSequence()) {
    std::size_t i = 0;
    for (const auto& element : tree) {
      expect_same(element, node[i], where + "[" + std::to_string(i) + "]");
      ++i;
    }
    return;
  }
  auto entry = node.begin();
  for (const auto& field : tree) {
    expect_same(field.first, entry->first, where + " key");
    expect_same(field.second, entry->second, where + "." + field.first.Scalar());
    ++entry;
  }
}

TEST(YamlTree, ReadsWhatYamlCppsNodesRead) {
  for (const std::string text : {
           "flags:\n  lr: {key: optimizer.lr, type: float}\n  epochs:\n    type: int\n    required: true\n",
           "a: [1, 'two', \"three\", [4, {five: 5}]]\nb:\nc: ~\nd: null\n'e': 'null'\n",
           "- x\n-\n- - y\n  - z\n",
           "base: &b {type: int}\nother: *b\nlist: &l [1, 2]\nagain: *l\n",
           "? complex\n: value\n{k: v}: flow key\n",
           "plain scalar\n",
           "quoted: 'q'\ndouble: \"d\"\nblock: |\n  b\nfolded: >\n  f\nplain: p\nlist: !!seq [!custom x]\n",
           "--- !!map\ntagged: !!str 12\n...\n--- second: ignored\n",
           "",
           "# only a comment\n",
       }) {
    expect_same(YamlTree::parse(text, "t.yaml").root(), YAML::Load(text), text);
  }
}

TEST(YamlTree, FieldIsTheFirstValueOfAKeyOrAnAbsentNull) {
  const YamlTree tree = YamlTree::parse("a: {b: 1}\nc: [x]\nd: 2\nd: 3\n", "t.yaml");
  EXPECT_EQ(yaml_field(yaml_field(tree.root(), "a"), "b").Scalar(), "1");
  EXPECT_EQ(yaml_field(tree.root(), "d").Scalar(), "2");
  for (const YamlNode absent : {yaml_field(tree.root(), "missing"), yaml_field(yaml_field(tree.root(), "c"), "x"),
                                yaml_field(yaml_field(tree.root(), "missing"), "deeper")}) {
    EXPECT_TRUE(absent.IsNull());
    EXPECT_TRUE(absent.Mark().is_null());
    EXPECT_EQ(absent.size(), 0u);
  }
}

TEST(YamlTree, NamesTheSpotOfMalformedYaml) {
  try {
    YamlTree::parse("flags:\n  lr: {key: a\n", "t.yaml");
    FAIL() << "no error";
  } catch (const AdaptError& error) {
    EXPECT_STREQ(error.what(), "t.yaml:3:1: malformed YAML: end of map flow not found");
  }
  EXPECT_THROW(YamlTree::parse("a: *missing\n", "t.yaml"), AdaptError);
}

TEST(YamlTree, FieldsAndBooleansReadAsYamlCppReadsThem) {
  const YamlTree tree = YamlTree::parse("a: {b: yes, c: null}\nn: 1\n", "t.yaml");
  const YamlNode a = yaml_field(tree.root(), "a");
  EXPECT_EQ(yaml_bool(yaml_field(a, "b")), true);
  EXPECT_EQ(yaml_bool(yaml_field(tree.root(), "n")), std::nullopt);
  EXPECT_TRUE(yaml_field(a, "c").IsNull());
  EXPECT_FALSE(yaml_field(a, "c").Mark().is_null()) << "a key given with a null value is there";
  EXPECT_TRUE(yaml_field(a, "missing").Mark().is_null());
  EXPECT_TRUE(yaml_field(yaml_field(tree.root(), "n"), "b").IsNull()) << "a scalar has no fields";
}

}  // namespace
}  // namespace hydra_adapt
