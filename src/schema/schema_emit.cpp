#include "schema/schema_emit.h"

#include <yaml-cpp/yaml.h>

namespace hydra_adapt {
namespace {

void emit_flag(YAML::Emitter& out, const FlagSpec& flag) {
  out << YAML::Key << flag.name << YAML::Value << YAML::Flow << YAML::BeginMap;
  out << YAML::Key << "key" << YAML::Value << flag.key;
  out << YAML::Key << "type" << YAML::Value;
  if (flag.list_types.empty()) {
    out << std::string(value_type_name(flag.type));
  } else {
    out << YAML::Flow << YAML::BeginSeq;
    for (const ValueType type : flag.list_types) out << std::string(value_type_name(type));
    out << YAML::EndSeq;
  }
  if (flag.required) out << YAML::Key << "required" << YAML::Value << true;
  if (flag.secret) out << YAML::Key << "secret" << YAML::Value << true;
  if (flag.nullable) out << YAML::Key << "nullable" << YAML::Value << true;
  out << YAML::EndMap;
}

void emit_env(YAML::Emitter& out, const EnvSpec& env) {
  out << YAML::Key << env.variable << YAML::Value << YAML::Flow << YAML::BeginMap;
  out << YAML::Key << "key" << YAML::Value << env.key;
  out << YAML::Key << "type" << YAML::Value << std::string(value_type_name(env.type));
  if (env.gcs_fuse) out << YAML::Key << "gcs_fuse" << YAML::Value << true;
  if (env.secret) out << YAML::Key << "secret" << YAML::Value << true;
  out << YAML::EndMap;
}

}  // namespace

std::string emit_schema_yaml(const Schema& schema, const std::string& header) {
  YAML::Emitter out;
  out << YAML::Comment(header);
  out << YAML::BeginMap;
  if (schema.unknown) out << YAML::Key << "unknown" << YAML::Value << std::string(unknown_policy_name(*schema.unknown));
  if (!schema.hyphens_to_underscores) out << YAML::Key << "hyphens_to_underscores" << YAML::Value << false;
  out << YAML::Key << "flags" << YAML::Value << YAML::BeginMap;
  for (const FlagSpec& flag : schema.flags) emit_flag(out, flag);
  out << YAML::EndMap;
  if (!schema.env.empty()) {
    out << YAML::Key << "env" << YAML::Value << YAML::BeginMap;
    for (const EnvSpec& env : schema.env) emit_env(out, env);
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace hydra_adapt
