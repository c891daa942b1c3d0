#include "check/wandb_sweep.h"

#include <cmath>

#include "adapt_error.h"
#include "check/fixed_args.h"
#include "values/number_text.h"
#include "yaml/yaml_source.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {
namespace {

class SweepReader {
 public:
  explicit SweepReader(const std::string& file) : source_{file, "wandb-sweep", {}} {}

  SourceFlags read(const YamlNode& root) {
    const auto parameters = find_field(root, "parameters");
    if (!parameters || !parameters->IsMap()) {
      fail(root, "not a W&B sweep configuration: expected a mapping with parameters: {NAME: {values: [...]}, ...}");
    }
    read_parameters(*parameters, "");
    if (const auto command = find_field(root, "command")) {
      if (!command->IsSequence()) fail(*command, "command is a list of words");
      for (SentFlag& flag : fixed_arg_flags(*command, "${program}")) source_.flags.push_back(std::move(flag));
    }
    return std::move(source_);
  }

 private:
  void read_parameters(const YamlNode& parameters, const std::string& prefix) {
    for (const auto& entry : parameters) {
      const std::string name = prefix + entry.first.Scalar();
      if (!entry.second.IsMap()) {
        fail(entry.second, "parameter '" + name + "' takes a mapping such as {values: [...]} or {min: 0, max: 1}");
      }
      if (const auto nested = find_field(entry.second, "parameters")) {
        read_parameters(*nested, name + ".");
        continue;
      }
      SentFlag flag{name, line_of(entry.first.Mark()), false, {}};
      add_value(flag, find_field(entry.second, "value"), "value");
      if (const auto values = find_field(entry.second, "values")) {
        if (!values->IsSequence()) fail(*values, "parameter '" + name + "': values is a list");
        std::size_t index = 0;
        for (const auto& value : *values) add_value(flag, value, "values[" + std::to_string(index++) + "]");
      }
      add_bounds(flag, entry.second);
      source_.flags.push_back(std::move(flag));
    }
  }

  // min and max are the values sent, except for the distributions that take exponents.
  void add_bounds(SentFlag& flag, const YamlNode& parameter) const {
    const auto distribution = find_field(parameter, "distribution");
    const std::string name = distribution && distribution->IsScalar() ? distribution->Scalar() : "";
    const double sign = name == "inv_log_uniform" ? -1 : 1;
    for (const char* bound : {"min", "max"}) {
      const auto value = find_field(parameter, bound);
      if (!value || (name != "log_uniform" && name != "inv_log_uniform")) {
        add_value(flag, value, bound);
        continue;
      }
      const auto exponent = value->IsScalar() ? parse_float(value->Scalar()) : std::nullopt;
      if (!exponent) fail(*value, "parameter '" + flag.name + "': " + bound + " is a number");
      flag.values.push_back({format_float(std::exp(sign * *exponent)), line_of(value->Mark()), bound});
    }
  }

  void add_value(SentFlag& flag, const std::optional<YamlNode>& value, const std::string& what) const {
    if (!value) return;
    // A list or a dict is one JSON value; its elements are not flags of their own.
    if (!value->IsScalar()) return;
    flag.values.push_back({value->Scalar(), line_of(value->Mark()), what});
  }

  [[noreturn]] void fail(const YamlNode& node, const std::string& problem) const {
    throw AdaptError(yaml_spot(source_.file, node.Mark()) + problem);
  }

  SourceFlags source_;
};

}  // namespace

SourceFlags wandb_sweep_flags(const std::string& text, const std::string& file) {
  const YamlTree tree = YamlTree::parse(text, file);
  return SweepReader(file).read(tree.root());
}

}  // namespace hydra_adapt
