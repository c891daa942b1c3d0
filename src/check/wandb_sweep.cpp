#include "check/wandb_sweep.h"

#include <cmath>

#include "adapt_error.h"
#include "check/fixed_args.h"
#include "values/number_text.h"
#include "yaml/yaml_error.h"
#include "yaml/yaml_tree.h"

namespace hydra_adapt {
namespace {

class SweepReader {
 public:
  explicit SweepReader(const std::string& file) : source_{file, "wandb-sweep", {}} {}

  SourceFlags read(const YamlNode& root) {
    const YamlNode parameters = yaml_field(root, "parameters");
    if (!parameters.IsMap()) {
      fail(root, "not a W&B sweep configuration: expected a mapping with parameters: {NAME: {values: [...]}, ...}");
    }
    read_parameters(parameters, "");
    const YamlNode command = yaml_field(root, "command");
    if (!command.IsNull() && !command.IsSequence()) fail(command, "command is a list of words");
    add_fixed_args(source_, fixed_args(command, "${program}"));
    return std::move(source_);
  }

 private:
  void read_parameters(const YamlNode& parameters, const std::string& prefix) {
    for (const auto& entry : parameters) {
      const std::string name = prefix + entry.first.Scalar();
      if (!entry.second.IsMap()) {
        fail(entry.second, "parameter '" + name + "' takes a mapping such as {values: [...]} or {min: 0, max: 1}");
      }
      const YamlNode nested = yaml_field(entry.second, "parameters");
      if (!nested.IsNull()) {
        read_parameters(nested, name + ".");
        continue;
      }
      SentFlag flag{name, line_of(entry.first.Mark()), false, {}};
      add_value(flag, yaml_field(entry.second, "value"), "value");
      const YamlNode values = yaml_field(entry.second, "values");
      if (!values.IsNull() && !values.IsSequence()) fail(values, "parameter '" + name + "': values is a list");
      std::size_t index = 0;
      for (const auto& value : values) add_value(flag, value, "values[" + std::to_string(index++) + "]");
      add_bounds(flag, entry.second);
      source_.flags.push_back(std::move(flag));
    }
  }

  // min and max are the values sent, except for the distributions that take exponents.
  void add_bounds(SentFlag& flag, const YamlNode& parameter) const {
    const std::string& distribution = yaml_field(parameter, "distribution").Scalar();
    const bool exponents = distribution == "log_uniform" || distribution == "inv_log_uniform";
    const double sign = distribution == "inv_log_uniform" ? -1 : 1;
    for (const char* bound : {"min", "max"}) {
      const YamlNode value = yaml_field(parameter, bound);
      if (!exponents || value.IsNull()) {
        add_value(flag, value, bound);
        continue;
      }
      const auto exponent = value.IsScalar() ? parse_float(value.Scalar()) : std::nullopt;
      if (!exponent) fail(value, "parameter '" + flag.name + "': " + bound + " is a number");
      flag.values.push_back({format_float(std::exp(sign * *exponent)), line_of(value.Mark()), bound});
    }
  }

  void add_value(SentFlag& flag, const YamlNode& value, const std::string& what) const {
    // A list or a dict is one JSON value; its elements are not flags of their own.
    if (!value.IsScalar()) return;
    flag.values.push_back({value.Scalar(), line_of(value.Mark()), what});
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
