#include "schema/yaml_source.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "adapt_error.h"

namespace hydra_adapt {

std::string yaml_spot(const std::string& source, const YAML::Mark& mark) {
  if (mark.is_null()) return source + ": ";
  return source + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) + ": ";
}

YAML::Node yaml_field(const YAML::Node& node, const std::string& key) {
  if (!node.IsMap()) return YAML::Node();
  const YAML::Node value = node[key];
  return value ? value : YAML::Node();
}

YAML::Node parse_yaml_document(const std::string& text, const std::string& source) {
  try {
    return YAML::Load(text);
  } catch (const YAML::ParserException& error) {
    throw AdaptError(yaml_spot(source, error.mark) + "malformed YAML: " + error.msg);
  }
}

std::string read_text_file(const std::string& path, const std::string& what, const std::string& hint) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) throw AdaptError(what + " " + path + " is a folder, not a file");
  std::ifstream file(path, std::ios::binary);
  if (!file) throw AdaptError("cannot read " + what + " " + path + ": " + std::strerror(errno) + "; check " + hint);
  std::ostringstream text;
  text << file.rdbuf();
  if (file.bad()) throw AdaptError("cannot read " + what + " " + path + ": " + std::strerror(errno));
  return text.str();
}

}  // namespace hydra_adapt
