#include "schema/schema_yaml.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "adapt_error.h"
#include "text/ascii.h"
#include "values/hydra_key.h"
#include "yaml/yaml_source.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {
namespace {

class SchemaReader {
 public:
  explicit SchemaReader(const std::string& source) : source_(source) {}

  Schema read(const YamlNode& root) const {
    if (!root.IsMap()) fail(root, "a schema is a YAML mapping with a 'flags:' section");
    Schema schema;
    std::set<std::string> fields;
    // The flags are read last: their derived keys depend on hyphens_to_underscores wherever
    // it stands.
    std::optional<YamlNode> flags;
    for (const auto& field : root) {
      const std::string name = unique_field_name(field.first, fields);
      if (name == "unknown") {
        const std::string policy = scalar(field.second, "'unknown'");
        schema.unknown = unknown_policy_from_name(policy);
        if (!schema.unknown) fail(field.second, "unknown: '" + policy + "' is not one of error, pass, auto");
      } else if (name == "hyphens_to_underscores") {
        schema.hyphens_to_underscores = boolean(field.second, name);
      } else if (name == "flags") {
        flags.emplace(field.second);
      } else if (name == "env") {
        read_env(field.second, schema);
      } else {
        fail(field.first, "unknown field '" + name + "' (known: unknown, hyphens_to_underscores, flags, env)");
      }
    }
    if (flags) read_flags(*flags, schema);
    return schema;
  }

 private:
  void read_flags(const YamlNode& flags, Schema& schema) const {
    if (flags.IsNull()) return;
    if (!flags.IsMap()) fail(flags, "'flags' is a mapping from flag names to {key, type, ...}");
    std::map<std::string, int> declared_on_line;
    for (const auto& entry : flags) {
      const std::string name = scalar(entry.first, "a flag name");
      check_flag_name(entry.first, name);
      const auto [earlier, inserted] = declared_on_line.emplace(name, entry.first.Mark().line + 1);
      if (!inserted) {
        fail(entry.first,
             "flag '" + name + "' is declared twice (first on line " + std::to_string(earlier->second) + "); keep one");
      }
      schema.flags.push_back(read_flag(entry.first, entry.second, schema.hyphens_to_underscores));
    }
  }

  FlagSpec read_flag(const YamlNode& name_node, const YamlNode& fields, bool hyphens_to_underscores) const {
    FlagSpec flag;
    flag.name = name_node.Scalar();
    const std::string owner = "flag '" + flag.name + "'";
    if (!fields.IsNull() && !fields.IsMap()) fail(fields, owner + " takes a mapping such as {key: a.b, type: float}");
    const std::optional<YamlNode> key_node =
        read_entry(fields, owner, "key, type, required, secret, nullable", flag, &flag.list_types,
                   [&](const std::string& field_name, const YamlNode& value) {
                     if (field_name == "required") {
                       flag.required = boolean(value, field_name);
                     } else if (field_name == "nullable") {
                       flag.nullable = boolean(value, field_name);
                     } else {
                       return false;
                     }
                     return true;
                   });
    if (!key_node) flag.key = key_for_flag(flag.name, hyphens_to_underscores);
    check_key(key_node.value_or(name_node), owner, flag.key, key_node.has_value());
    return flag;
  }

  void read_env(const YamlNode& variables, Schema& schema) const {
    if (variables.IsNull()) return;
    if (!variables.IsMap()) fail(variables, "'env' is a mapping from variable names to {key, type, ...}");
    for (const auto& entry : variables) {
      const std::string variable = scalar(entry.first, "a variable name");
      check_variable_name(entry.first, variable);
      if (schema.find_env(variable)) fail(entry.first, "variable '" + variable + "' is declared twice; keep one");
      schema.env.push_back(read_env_entry(entry.first, entry.second));
    }
  }

  EnvSpec read_env_entry(const YamlNode& variable_node, const YamlNode& fields) const {
    EnvSpec env;
    env.variable = variable_node.Scalar();
    const std::string owner = "variable '" + env.variable + "'";
    if (!fields.IsMap()) fail(fields, owner + " takes a mapping such as {key: output.model_dir, type: path}");
    const std::optional<YamlNode> key_node = read_entry(fields, owner, "key, type, gcs_fuse, secret", env, nullptr,
                                                        [&](const std::string& field_name, const YamlNode& value) {
                                                          if (field_name != "gcs_fuse") return false;
                                                          env.gcs_fuse = boolean(value, field_name);
                                                          return true;
                                                        });
    if (!key_node) fail(fields, owner + " needs a key, such as {key: output.model_dir}");
    check_key(*key_node, owner, env.key, true);
    return env;
  }

  // The one reader of a flag's or a variable's fields, each given at most once: the target's
  // own (key, type, secret) here, the entry's others by `own_field`, which returns false for a
  // name it does not take. `list_types` takes `type: [int, float]` where the entry allows it.
  // `owner` ("flag 'lr'", "variable 'AIP_MODEL_DIR'") and `known` (its field names) go into
  // messages. Returns the key's node when the entry names a key.
  std::optional<YamlNode> read_entry(const YamlNode& fields, const std::string& owner, const std::string& known,
                                     Target& target, std::vector<ValueType>* list_types,
                                     const std::function<bool(const std::string&, const YamlNode&)>& own_field) const {
    std::optional<YamlNode> key_node;
    std::set<std::string> given;
    for (const auto& field : fields) {
      const std::string field_name = unique_field_name(field.first, given);
      if (field_name == "key") {
        target.key = scalar(field.second, "'key'");
        key_node.emplace(field.second);
      } else if (field_name == "type") {
        target.type = read_type(field.second, owner, list_types);
      } else if (field_name == "secret") {
        target.secret = boolean(field.second, field_name);
      } else if (!own_field(field_name, field.second)) {
        fail(field.first, owner + ": unknown field '" + field_name + "' (known: " + known + ")");
      }
    }
    return key_node;
  }

  // `type: float`, or `type: [output_path, output_path]` for a flag that takes that many values
  // (`list_types` receives them; the first is the type).
  ValueType read_type(const YamlNode& node, const std::string& owner, std::vector<ValueType>* list_types) const {
    if (!node.IsSequence() || !list_types) return value_type(node, owner);
    if (node.size() == 0) fail(node, owner + ": a list of types needs one type per value");
    for (const auto& element : node) list_types->push_back(value_type(element, owner));
    return list_types->front();
  }

  // `owner` is "flag 'lr'" or "variable 'AIP_MODEL_DIR'".
  ValueType value_type(const YamlNode& node, const std::string& owner) const {
    const std::string type_name = scalar(node, "'type'");
    const auto type = value_type_from_name(type_name);
    if (!type) fail(node, owner + ": unknown type '" + type_name + "' (known: " + value_type_names() + ")");
    return *type;
  }

  void check_flag_name(const YamlNode& node, const std::string& name) const {
    if (name.empty() || name.front() == '-' || name.find_first_of("= \t\n") != std::string::npos) {
      fail(node, "flag name '" + name + "' must be the name without leading dashes, with no '=' or blanks");
    }
  }

  // `owner` is "flag 'lr'" or "variable 'AIP_MODEL_DIR'".
  void check_key(const YamlNode& node, const std::string& owner, const std::string& override_key,
                 bool key_given) const {
    const OverrideKey key = split_override_key(override_key);
    if (key.path.empty()) fail(node, owner + ": the key is empty; name the config key, such as optimizer.lr");
    if (is_addressable_key(key.path)) return;
    if (key_given) {
      fail(node, owner + ": '" + override_key +
                     "' is not a key Hydra can address (dot-separated names of letters, digits, _ and -, "
                     "not starting with a digit)");
    }
    fail(node, owner + " is not a Hydra key by itself; give it a key, such as {key: " + "my_key}");
  }

  // As POSIX shells name variables: what a job can set and a process can read back.
  void check_variable_name(const YamlNode& node, const std::string& name) const {
    const auto is_name_char = [](char c) { return is_ascii_letter(c) || is_digit(c) || c == '_'; };
    const bool valid = !name.empty() && !is_digit(name.front()) && std::all_of(name.begin(), name.end(), is_name_char);
    if (!valid) fail(node, "variable name '" + name + "' must be letters, digits and _, not starting with a digit");
  }

  // YAML lets a mapping repeat a key, and the reader would see both; the second would
  // silently add to or override the first.
  std::string unique_field_name(const YamlNode& node, std::set<std::string>& seen) const {
    const std::string name = scalar(node, "a field name");
    if (!seen.insert(name).second) fail(node, "the field '" + name + "' is given twice; keep one");
    return name;
  }

  // As yaml-cpp's nodes read a bool: true, True, TRUE, yes, on, y and their opposites.
  bool boolean(const YamlNode& node, const std::string& field) const {
    const std::optional<bool> value = yaml_bool(node);
    if (!value) fail(node, "'" + field + "' must be true or false");
    return *value;
  }

  std::string scalar(const YamlNode& node, const std::string& what) const {
    if (!node.IsScalar()) fail(node, what + " must be a plain value");
    return node.Scalar();
  }

  [[noreturn]] void fail(const YamlNode& node, const std::string& problem) const {
    throw AdaptError(yaml_spot(source_, node.Mark()) + problem);
  }

  std::string source_;
};

}  // namespace

Schema parse_schema_yaml(const std::string& text, const std::string& source) {
  const YamlTree tree = YamlTree::parse(text, source);
  return SchemaReader(source).read(tree.root());
}

Schema load_schema_file(const std::string& path) {
  return parse_schema_yaml(read_text_file(path, "schema", "--schema / HYDRA_ADAPT_SCHEMA"), path);
}

}  // namespace hydra_adapt
