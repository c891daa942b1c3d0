#include "check/vertex_study.h"

#include "adapt_error.h"
#include "check/fixed_args.h"
#include "yaml/yaml_source.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {
namespace {

constexpr const char* kValueSpecs[] = {"doubleValueSpec", "integerValueSpec", "discreteValueSpec",
                                       "categoricalValueSpec"};

class StudyReader {
 public:
  explicit StudyReader(const std::string& file) : source_{file, "vertex-study", {}} {}

  SourceFlags read(const YamlNode& root) {
    if (!root.IsMap()) fail(root, "not a Vertex AI hyperparameter tuning job: expected a mapping with studySpec");
    const auto study = find_field(root, "studySpec");
    const auto parameters = study ? find_field(*study, "parameters") : std::nullopt;
    if (!parameters || !parameters->IsSequence()) {
      fail(study.value_or(root), "a Vertex AI hyperparameter tuning job lists its parameters in studySpec.parameters");
    }
    for (const auto& parameter : *parameters) read_parameter(parameter);
    if (const auto trial = find_field(root, "trialJobSpec")) read_pools(*trial);
    return std::move(source_);
  }

 private:
  void read_parameter(const YamlNode& parameter) {
    const auto id = find_field(parameter, "parameterId");
    if (!id || !id->IsScalar() || id->Scalar().empty()) fail(parameter, "a study parameter needs its parameterId");
    SentFlag flag{id->Scalar(), line_of(id->Mark()), false, {}};
    bool has_spec = false;
    for (const char* spec_name : kValueSpecs) {
      const auto spec = find_field(parameter, spec_name);
      if (!spec) continue;
      has_spec = true;
      for (const char* bound : {"minValue", "maxValue", "defaultValue"})
        add_value(flag, find_field(*spec, bound), bound);
      if (const auto values = find_field(*spec, "values")) {
        if (!values->IsSequence()) fail(*values, std::string(spec_name) + ".values is a list");
        std::size_t index = 0;
        for (const auto& value : *values) add_value(flag, value, "values[" + std::to_string(index++) + "]");
      }
    }
    if (!has_spec) {
      fail(parameter, "parameter '" + flag.name +
                          "' has no doubleValueSpec, integerValueSpec, discreteValueSpec or categoricalValueSpec");
    }
    source_.flags.push_back(std::move(flag));
    if (const auto children = find_field(parameter, "conditionalParameterSpecs")) {
      for (const auto& child : *children) {
        const auto spec = find_field(child, "parameterSpec");
        if (!spec) fail(child, "a conditional parameter holds its parameterSpec");
        read_parameter(*spec);
      }
    }
  }

  void add_value(SentFlag& flag, const std::optional<YamlNode>& value, const std::string& what) const {
    if (!value) return;
    if (!value->IsScalar()) fail(*value, "parameter '" + flag.name + "': " + what + " is a number or a text");
    flag.values.push_back({value->Scalar(), line_of(value->Mark()), what});
  }

  // workerPoolSpecs: a list of pools, or one pool as a mapping (gcloud takes both).
  void read_pools(const YamlNode& trial) {
    const auto pools = find_field(trial, "workerPoolSpecs");
    if (!pools) return;
    if (pools->IsMap()) return read_pool(*pools);
    for (const auto& pool : *pools) read_pool(pool);
  }

  void read_pool(const YamlNode& pool) {
    for (const char* spec_name : {"containerSpec", "pythonPackageSpec"}) {
      const auto spec = find_field(pool, spec_name);
      const auto args = spec ? find_field(*spec, "args") : std::nullopt;
      if (!args) continue;
      if (!args->IsSequence()) fail(*args, std::string(spec_name) + ".args is a list of words");
      for (SentFlag& flag : fixed_arg_flags(*args)) source_.flags.push_back(std::move(flag));
    }
  }

  [[noreturn]] void fail(const YamlNode& node, const std::string& problem) const {
    throw AdaptError(yaml_spot(source_.file, node.Mark()) + problem);
  }

  SourceFlags source_;
};

}  // namespace

SourceFlags vertex_study_flags(const std::string& text, const std::string& file) {
  const YamlTree tree = YamlTree::parse(text, file);
  return StudyReader(file).read(tree.root());
}

}  // namespace hydra_adapt
