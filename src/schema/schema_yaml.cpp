#include "schema/schema_yaml.h"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "adapt_error.h"
#include "values/hydra_key.h"

namespace hydra_adapt {
namespace {

class SchemaReader {
 public:
  explicit SchemaReader(const std::string& source) : source_(source) {}

  Schema read(const YAML::Node& root) const {
    if (!root.IsMap()) fail(root, "a schema is a YAML mapping with a 'flags:' section");
    Schema schema;
    std::set<std::string> fields;
    // The flags are read last: their derived keys depend on hyphens_to_underscores wherever
    // it stands.
    std::optional<YAML::Node> flags;
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
      } else {
        fail(field.first, "unknown field '" + name + "' (known: unknown, hyphens_to_underscores, flags)");
      }
    }
    if (flags) read_flags(*flags, schema);
    return schema;
  }

 private:
  void read_flags(const YAML::Node& flags, Schema& schema) const {
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

  FlagSpec read_flag(const YAML::Node& name_node, const YAML::Node& fields, bool hyphens_to_underscores) const {
    FlagSpec flag;
    flag.name = name_node.Scalar();
    const std::string& name = flag.name;
    // A YAML::Node is a reference: assigning one would rewrite the node it refers to.
    std::optional<YAML::Node> key_node;
    if (!fields.IsNull() && !fields.IsMap())
      fail(fields, "flag '" + name + "' takes a mapping such as {key: a.b, type: float}");
    std::set<std::string> given;
    for (const auto& field : fields) {
      const std::string field_name = unique_field_name(field.first, given);
      if (field_name == "key") {
        flag.key = scalar(field.second, "'key'");
        key_node.emplace(field.second);
      } else if (field_name == "type") {
        const std::string type_name = scalar(field.second, "'type'");
        const auto type = value_type_from_name(type_name);
        if (!type)
          fail(field.second,
               "flag '" + name + "': unknown type '" + type_name + "' (known: " + value_type_names() + ")");
        flag.type = *type;
      } else if (field_name == "required") {
        flag.required = boolean(field.second, field_name);
      } else if (field_name == "secret") {
        flag.secret = boolean(field.second, field_name);
      } else {
        fail(field.first,
             "flag '" + name + "': unknown field '" + field_name + "' (known: key, type, required, secret)");
      }
    }
    if (!key_node) flag.key = key_for_flag(name, hyphens_to_underscores);
    check_key(key_node.value_or(name_node), flag, key_node.has_value());
    return flag;
  }

  void check_flag_name(const YAML::Node& node, const std::string& name) const {
    if (name.empty() || name.front() == '-' || name.find_first_of("= \t\n") != std::string::npos) {
      fail(node, "flag name '" + name + "' must be the name without leading dashes, with no '=' or blanks");
    }
  }

  void check_key(const YAML::Node& node, const FlagSpec& flag, bool key_given) const {
    const OverrideKey key = split_override_key(flag.key);
    if (key.path.empty())
      fail(node, "flag '" + flag.name + "': the key is empty; name the config key, such as optimizer.lr");
    if (is_addressable_key(key.path)) return;
    if (key_given) {
      fail(node, "flag '" + flag.name + "': '" + flag.key +
                     "' is not a key Hydra can address (dot-separated names of letters, digits, _ and -, "
                     "not starting with a digit)");
    }
    fail(node, "flag '" + flag.name + "' is not a Hydra key by itself; give it a key, such as {key: " + "my_key}");
  }

  // YAML lets a mapping repeat a key, and the reader would see both; the second would
  // silently add to or override the first.
  std::string unique_field_name(const YAML::Node& node, std::set<std::string>& seen) const {
    const std::string name = scalar(node, "a field name");
    if (!seen.insert(name).second) fail(node, "the field '" + name + "' is given twice; keep one");
    return name;
  }

  bool boolean(const YAML::Node& node, const std::string& field) const {
    try {
      return node.as<bool>();
    } catch (const YAML::Exception&) {
      fail(node, "'" + field + "' must be true or false");
    }
  }

  std::string scalar(const YAML::Node& node, const std::string& what) const {
    if (!node.IsScalar()) fail(node, what + " must be a plain value");
    return node.Scalar();
  }

  [[noreturn]] void fail(const YAML::Node& node, const std::string& problem) const {
    const YAML::Mark mark = node.Mark();
    throw AdaptError(location(mark) + problem);
  }

  std::string location(const YAML::Mark& mark) const {
    if (mark.is_null()) return source_ + ": ";
    return source_ + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) + ": ";
  }

  std::string source_;
};

}  // namespace

Schema parse_schema_yaml(const std::string& text, const std::string& source) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& error) {
    throw AdaptError(source + ":" + std::to_string(error.mark.line + 1) + ":" + std::to_string(error.mark.column + 1) +
                     ": malformed YAML: " + error.msg);
  }
  return SchemaReader(source).read(root);
}

Schema load_schema_file(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) throw AdaptError("schema " + path + " is a folder, not a file");
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    throw AdaptError("cannot read schema " + path + ": " + std::strerror(errno) +
                     "; check --schema / HYDRA_ADAPT_SCHEMA");
  }
  // stdio, not iostreams: an ifstream hides a read error (EIO) behind an empty text.
  constexpr std::size_t kMaxSchemaBytes = 16 * 1024 * 1024;
  std::string text;
  char buffer[65536];
  while (const std::size_t read = std::fread(buffer, 1, sizeof buffer, file.get())) {
    text.append(buffer, read);
    if (text.size() > kMaxSchemaBytes) throw AdaptError("schema " + path + " is larger than 16 MiB; is it the schema?");
  }
  if (std::ferror(file.get())) throw AdaptError("cannot read schema " + path + ": " + std::strerror(errno));
  return parse_schema_yaml(text, path);
}

}  // namespace hydra_adapt
