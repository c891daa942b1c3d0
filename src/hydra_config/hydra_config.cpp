#include "hydra_config/hydra_config.h"

#include "adapt_error.h"
#include "hydra_config/default_value.h"
#include "text/ascii.h"
#include "values/hydra_key.h"
#include "yaml/yaml_error.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {
namespace {

class ConfigReader {
 public:
  explicit ConfigReader(const std::string& source) : source_(source) {}

  HydraConfig read(const YamlNode& root) {
    if (!root.IsMap()) {
      throw AdaptError(yaml_spot(source_, root.Mark()) +
                       "not the config an app prints with --cfg all: expected a YAML mapping of its keys");
    }
    bool has_job_keys = false;
    for (const auto& entry : root) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
      has_job_keys = has_job_keys || key != "hydra";
      if (key == "hydra") read_groups(entry.second);
    }
    if (!has_job_keys) {
      throw AdaptError(source_ +
                       ": holds no key of the app's own config, only Hydra's; print it with --cfg all or --cfg job, "
                       "not --cfg hydra");
    }
    read_mapping(root, "", false);
    return std::move(config_);
  }

 private:
  void read_mapping(const YamlNode& mapping, const std::string& path, bool under_hydra) {
    for (const auto& entry : mapping) {
      if (!entry.first.IsScalar()) continue;
      const std::string child = path.empty() ? entry.first.Scalar() : path + "." + entry.first.Scalar();
      if (!is_addressable_key(child) || child.find_first_of("/@") != std::string::npos) continue;
      read_node(entry.second, child, path, under_hydra || child == "hydra");
    }
  }

  void read_node(const YamlNode& node, const std::string& path, const std::string& parent, bool under_hydra) {
    ConfigNode config_node{path, ValueType::kJson, true, under_hydra, ""};
    if (node.IsMap()) {
      config_node.is_leaf = node.size() == 0;
      config_.nodes.push_back(std::move(config_node));
      read_mapping(node, path, under_hydra);
      return;
    }
    if (node.IsScalar()) {
      // The parser tags a plain scalar "?" and a quoted or block one "!".
      DefaultValue value = scalar_default(node.Scalar(), node.Tag() == "!", parent);
      config_node.type = value.type;
      config_node.follows = std::move(value.follows);
      config_node.missing = node.Scalar() == "???";
    } else if (node.IsNull()) {
      config_node.type = ValueType::kAuto;
    }
    config_.nodes.push_back(std::move(config_node));
  }

  // hydra.runtime.choices: each config group the defaults list names, with its option.
  void read_groups(const YamlNode& hydra) {
    const YamlNode choices = yaml_field(yaml_field(hydra, "runtime"), "choices");
    if (!choices.IsMap()) return;
    for (const auto& choice : choices) {
      if (!choice.first.IsScalar()) continue;
      const std::string& group = choice.first.Scalar();
      const bool hydras_own = group == "hydra" || starts_with(group, "hydra/") || starts_with(group, "hydra@");
      if (hydras_own || !is_addressable_key(group)) continue;
      config_.groups.push_back(group);
    }
  }

  const std::string& source_;
  HydraConfig config_;
};

}  // namespace

HydraConfig parse_hydra_config(const std::string& text, const std::string& source) {
  const YamlTree tree = YamlTree::parse(text, source);
  return ConfigReader(source).read(tree.root());
}

}  // namespace hydra_adapt
