#include "translate/executor_input.h"

#include <nlohmann/json.hpp>

#include "adapt_error.h"
#include "translate/bucket_mount.h"

namespace hydra_adapt {
namespace {

using nlohmann::json;

constexpr const char* kFlag = "--executor_input";

[[noreturn]] void fail(const std::string& problem) {
  throw AdaptError(std::string(kFlag) + ": " + problem +
                   "; pass the executor input KFP substitutes for {{$}}, unchanged");
}

// The object at `path` below `root`, or an empty object when a section is absent.
const json& section(const json& root, const std::vector<const char*>& path) {
  static const json kEmpty = json::object();
  const json* node = &root;
  std::string where;
  for (const char* name : path) {
    where += (where.empty() ? "" : ".") + std::string(name);
    const auto found = node->find(name);
    if (found == node->end()) return kEmpty;
    if (!found->is_object()) fail("'" + where + "' is not an object");
    node = &*found;
  }
  return *node;
}

std::string parameter_text(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

// The first artifact's local path: `{"artifacts": [{"uri": ...}, ...]}`.
std::string artifact_path(const std::string& where, const json& list) {
  const auto artifacts = list.find("artifacts");
  if (artifacts == list.end() || !artifacts->is_array() || artifacts->empty() || !(*artifacts)[0].is_object())
    fail("'" + where + "' has no artifacts list");
  const auto uri = (*artifacts)[0].find("uri");
  if (uri == (*artifacts)[0].end() || !uri->is_string()) fail("'" + where + "' has no uri");
  return mounted_path(uri->get<std::string>(), BucketMounts::kKfpArtifacts);
}

void add_artifacts(const json& root, const char* side, std::vector<ExecutorValue>& values) {
  for (const auto& [name, list] : section(root, {side, "artifacts"}).items()) {
    const std::string where = std::string(side) + ".artifacts." + name;
    if (!list.is_object()) fail("'" + where + "' is not an object");
    values.push_back({name, artifact_path(where, list)});
  }
}

}  // namespace

std::vector<ExecutorValue> executor_input_values(std::string_view json_text) {
  const json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) fail("the value is not JSON");
  if (!root.is_object()) fail("the value is not a JSON object");

  std::vector<ExecutorValue> values;
  for (const auto& [name, value] : section(root, {"inputs", "parameterValues"}).items()) {
    if (!value.is_null()) values.push_back({name, parameter_text(value)});
  }
  add_artifacts(root, "inputs", values);
  for (const auto& [name, parameter] : section(root, {"outputs", "parameters"}).items()) {
    const auto file = parameter.is_object() ? parameter.find("outputFile") : parameter.end();
    if (file == parameter.end() || !file->is_string()) fail("'outputs.parameters." + name + "' has no outputFile");
    values.push_back({name, file->get<std::string>()});
  }
  add_artifacts(root, "outputs", values);
  return values;
}

}  // namespace hydra_adapt
