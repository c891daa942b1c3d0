#include "yaml/yaml_source.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "adapt_error.h"
#include "yaml/yaml_error.h"

namespace hydra_adapt {

YAML::Node yaml_field(const YAML::Node& node, const std::string& key) {
  if (!node.IsMap()) return YAML::Node();
  const YAML::Node value = node[key];
  return value ? value : YAML::Node();
}

YAML::Node parse_yaml_document(const std::string& text, const std::string& source) {
  return translate_yaml_errors(source, [&] { return YAML::Load(text); });
}

std::string read_text_file(const std::string& path, const std::string& what, const std::string& hint) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) throw AdaptError(what + " " + path + " is a folder, not a file");
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw AdaptError("cannot read " + what + " " + path + ": " + std::strerror(errno) + "; check " + hint);
  // stdio, not iostreams: an ifstream hides a read error (EIO) behind an empty text.
  constexpr std::size_t kMaxBytes = 16 * 1024 * 1024;
  std::string text;
  char buffer[65536];
  while (const std::size_t read = std::fread(buffer, 1, sizeof buffer, file.get())) {
    text.append(buffer, read);
    if (text.size() > kMaxBytes) throw AdaptError(what + " " + path + " is larger than 16 MiB; check " + hint);
  }
  if (std::ferror(file.get())) throw AdaptError("cannot read " + what + " " + path + ": " + std::strerror(errno));
  return text;
}

}  // namespace hydra_adapt
