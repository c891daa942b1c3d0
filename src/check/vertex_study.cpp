#include "check/vertex_study.h"

#include "adapt_error.h"
#include "check/fixed_args.h"
#include "yaml/yaml_error.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {
namespace {

constexpr const char* kValueSpecs[] = {"doubleValueSpec", "integerValueSpec", "discreteValueSpec",
                                       "categoricalValueSpec"};
constexpr const char* kParentValues[] = {"parentCategoricalValues", "parentDiscreteValues", "parentIntValues"};

class StudyReader {
 public:
  explicit StudyReader(const std::string& file) : source_{file, "vertex-study", {}} {}

  SourceFlags read(const YamlNode& root) {
    const YamlNode study = yaml_field(root, "studySpec");
    const YamlNode parameters = yaml_field(study, "parameters");
    if (!parameters.IsSequence()) {
      fail(study.IsNull() ? root : study,
           "a Vertex AI hyperparameter tuning job lists its parameters in studySpec.parameters");
    }
    for (const auto& parameter : parameters) read_parameter(parameter, {}, {});
    read_pools(yaml_field(root, "trialJobSpec"));
    return std::move(source_);
  }

 private:
  // `parent` and `parent_values`: a conditional parameter's, sent only with those values.
  void read_parameter(const YamlNode& parameter, const std::string& parent, std::vector<std::string> parent_values) {
    const YamlNode id = yaml_field(parameter, "parameterId");
    if (!id.IsScalar() || id.Scalar().empty()) fail(parameter, "a study parameter needs its parameterId");
    SentFlag flag{id.Scalar(), line_of(id.Mark()), false, {}, parent, std::move(parent_values)};
    bool has_spec = false;
    for (const char* spec_name : kValueSpecs) {
      const YamlNode spec = yaml_field(parameter, spec_name);
      if (spec.IsNull()) continue;
      has_spec = true;
      for (const char* bound : {"minValue", "maxValue", "defaultValue"})
        add_value(flag, yaml_field(spec, bound), bound);
      const YamlNode values = yaml_field(spec, "values");
      if (!values.IsNull() && !values.IsSequence()) fail(values, std::string(spec_name) + ".values is a list");
      std::size_t index = 0;
      for (const auto& value : values) add_value(flag, value, "values[" + std::to_string(index++) + "]");
    }
    if (!has_spec) {
      fail(parameter, "parameter '" + flag.name +
                          "' has no doubleValueSpec, integerValueSpec, discreteValueSpec or categoricalValueSpec");
    }
    const std::string name = flag.name;
    source_.flags.push_back(std::move(flag));
    for (const auto& child : yaml_field(parameter, "conditionalParameterSpecs")) {
      const YamlNode spec = yaml_field(child, "parameterSpec");
      if (!spec.IsMap()) fail(child, "a conditional parameter holds its parameterSpec");
      read_parameter(spec, name, parent_values_of(child, name));
    }
  }

  // The values of its parent a conditional parameter is sent with, as the parent sends them.
  std::vector<std::string> parent_values_of(const YamlNode& child, const std::string& parent) const {
    for (const char* field : kParentValues) {
      const YamlNode values = yaml_field(yaml_field(child, field), "values");
      if (values.IsNull()) continue;
      if (!values.IsSequence()) fail(values, std::string(field) + ".values is a list");
      std::vector<std::string> texts;
      for (const auto& value : values) {
        if (!value.IsScalar()) fail(value, std::string(field) + ".values holds numbers or texts");
        texts.push_back(value.Scalar());
      }
      return texts;
    }
    fail(child, "a conditional parameter of '" + parent +
                    "' names the values it is sent with: parentCategoricalValues, parentDiscreteValues or "
                    "parentIntValues");
  }

  void add_value(SentFlag& flag, const YamlNode& value, const std::string& what) const {
    if (value.IsNull()) return;
    if (!value.IsScalar()) fail(value, "parameter '" + flag.name + "': " + what + " is a number or a text");
    flag.values.push_back({value.Scalar(), line_of(value.Mark()), what});
  }

  // workerPoolSpecs: a list of pools, or one pool as a mapping (gcloud takes both).
  void read_pools(const YamlNode& trial) {
    const YamlNode pools = yaml_field(trial, "workerPoolSpecs");
    if (pools.IsMap()) return read_pool(pools);
    for (const auto& pool : pools) read_pool(pool);
  }

  void read_pool(const YamlNode& pool) {
    for (const char* spec_name : {"containerSpec", "pythonPackageSpec"}) {
      const YamlNode args = yaml_field(yaml_field(pool, spec_name), "args");
      if (args.IsNull()) continue;
      if (!args.IsSequence()) fail(args, std::string(spec_name) + ".args is a list of words");
      add_fixed_args(source_, fixed_args(args));
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
