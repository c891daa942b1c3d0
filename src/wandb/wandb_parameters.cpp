#include "wandb/wandb_parameters.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include "adapt_error.h"
#include "text/ascii.h"
#include "values/number_text.h"
#include "values/python_json.h"
#include "yaml/pyyaml_scalar.h"
#include "yaml/yaml_source.h"

namespace hydra_adapt {
namespace {

// W&B's own parameter: the agent and Launch keep their bookkeeping there, never the app's.
constexpr const char* kWandbInternal = "_wandb";

// A sweep parameter file's problem, with what W&B writes there.
AdaptError sweep_file_error(const std::string& path, const std::string& problem) {
  return AdaptError("WANDB_SWEEP_PARAM_PATH: the sweep parameter file " + path + " " + problem +
                    "; the W&B agent writes it as `wandb_version: 1` and one `NAME: {value: VALUE}` per parameter: "
                    "fix it or unset WANDB_SWEEP_PARAM_PATH");
}

std::string without_underscores(std::string_view text) {
  std::string digits;
  for (const char c : text) {
    if (c != '_') digits += c;
  }
  return digits;
}

// YAML 1.1's base 60 ("1:30" is 90), digit groups from the left.
double sexagesimal(const std::string& digits) {
  double value = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t colon = digits.find(':', start);
    value = value * 60 + std::stod(digits.substr(start, colon - start));
    if (colon == std::string::npos) return value;
    start = colon + 1;
  }
}

// An int too large for 64 bits, as its decimal digits. nlohmann's document holds such a number
// only as a double, which would round it and make it a float; Python's int is exact at any
// size. A binary value never comes from YAML or JSON text, so it marks one unambiguously, and
// json_text writes its digits back.
OrderedJson big_int(const std::string& decimal) {
  return OrderedJson::binary(std::vector<std::uint8_t>(decimal.begin(), decimal.end()));
}

bool is_int_literal(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// An int's decimal text ("-12", any size) as the document holds it.
OrderedJson decimal_int(const std::string& decimal) {
  OrderedJson number = OrderedJson::parse(decimal);
  return number.is_number_float() ? big_int(decimal) : number;
}

// The decimal digits of digits in base 2, 8 or 16, of any size.
std::string in_decimal(const std::string& digits, int base) {
  std::vector<int> decimal{0};  // least significant first
  for (const char c : digits) {
    int carry = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    for (int& digit : decimal) {
      const int value = digit * base + carry;
      digit = value % 10;
      carry = value / 10;
    }
    for (; carry > 0; carry /= 10) decimal.push_back(carry % 10);
  }
  std::string text;
  for (auto digit = decimal.rbegin(); digit != decimal.rend(); ++digit) text += static_cast<char>('0' + *digit);
  return text;
}

// An int as SafeLoader's construct_yaml_int reads it: '_' ignored, 0b, 0x, a leading 0 for
// octal, ':' for base 60; exact at any size, as Python's int.
OrderedJson yaml_int(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  const std::string digits = without_underscores(text);
  if (digits.find(':') != std::string::npos) return (negative ? -1 : 1) * static_cast<long long>(sexagesimal(digits));
  std::string decimal = digits;
  if (starts_with(digits, "0b")) {
    decimal = in_decimal(digits.substr(2), 2);
  } else if (starts_with(digits, "0x")) {
    decimal = in_decimal(digits.substr(2), 16);
  } else if (digits.size() > 1 && digits.front() == '0') {
    decimal = in_decimal(digits.substr(1), 8);
  }
  return decimal_int((negative && decimal != "0" ? "-" : "") + decimal);
}

OrderedJson yaml_float(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  const double sign = negative ? -1.0 : 1.0;
  if (equals_ignoring_case(text, ".inf")) return sign * std::numeric_limits<double>::infinity();
  if (equals_ignoring_case(text, ".nan")) return std::numeric_limits<double>::quiet_NaN();
  const std::string digits = without_underscores(text);
  if (digits.find(':') != std::string::npos) return sign * sexagesimal(digits);
  return sign * parse_float(digits).value_or(0.0);  // the pattern matched: it parses
}

// A YAML node as PyYAML's SafeLoader constructs it, as JSON.
OrderedJson yaml_value(const YAML::Node& node, const std::string& path) {
  if (node.IsSequence()) {
    OrderedJson list = OrderedJson::array();
    for (const YAML::Node& element : node) list.push_back(yaml_value(element, path));
    return list;
  }
  if (node.IsMap()) {
    OrderedJson dict = OrderedJson::object();
    for (const auto& entry : node) {
      if (!entry.first.IsScalar()) throw sweep_file_error(path, "has a key that is not a scalar");
      dict[entry.first.Scalar()] = yaml_value(entry.second, path);
    }
    return dict;
  }
  if (!node.IsScalar()) return nullptr;
  const std::string& text = node.Scalar();
  if (node.Tag() != "?") return text;  // quoted ('007', "yes") or tagged: a str
  switch (plain_scalar_kind(text, FloatRule::kPyYaml)) {
    case PlainScalar::kNull:
      return nullptr;
    case PlainScalar::kBool:
      return plain_scalar_is_true(text);
    case PlainScalar::kInt:
      return yaml_int(text);
    case PlainScalar::kFloat:
      return yaml_float(text);
    case PlainScalar::kStr:
      break;
  }
  return text;
}

// JSON text as Python's json.dumps writes it, NaN and Infinity included (nlohmann writes
// null for them), and an int beyond 64 bits with its every digit (big_int).
std::string json_text(const OrderedJson& value) {
  if (value.is_binary()) return std::string(value.get_binary().begin(), value.get_binary().end());
  if (value.is_number_float() && !std::isfinite(value.get<double>())) {
    const double number = value.get<double>();
    return std::isnan(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity";
  }
  if (value.is_array()) {
    std::string text = "[";
    for (const OrderedJson& element : value) text += (text.size() > 1 ? ", " : "") + json_text(element);
    return text + "]";
  }
  if (value.is_object()) {
    std::string text = "{";
    for (const auto& [name, member] : value.items()) {
      text += (text.size() > 1 ? ", " : "") + OrderedJson(name).dump() + ": " + json_text(member);
    }
    return text + "}";
  }
  return value.dump();
}

// Each leaf under `prefix`: a non-empty dict is its members, each under a dotted name.
void flatten(const std::string& prefix, const OrderedJson& value, std::vector<WandbValue>& values) {
  if (!value.is_object() || value.empty()) {
    values.push_back({prefix, json_text(value)});
    return;
  }
  for (const auto& [name, member] : value.items()) flatten(prefix + "." + name, member, values);
}

WandbParameters parameters_from(std::string source, const OrderedJson& named_values) {
  WandbParameters parameters{std::move(source), {}, {}};
  for (const auto& [name, value] : named_values.items()) {
    parameters.rendered.push_back({name, json_text(value)});
    if (name == kWandbInternal) continue;
    flatten(name, value, parameters.values);
  }
  return parameters;
}

// Builds the document (nlohmann's DOM builder) from the events of Python's json grammar.
class JsonDocument : public JsonSax {
 public:
  OrderedJson document;

  bool null() override { return dom_.null(); }
  bool boolean(bool value) override { return dom_.boolean(value); }
  bool number_integer(number_integer_t value) override { return dom_.number_integer(value); }
  bool number_unsigned(number_unsigned_t value) override { return dom_.number_unsigned(value); }
  bool number_float(number_float_t value, const string_t& text) override {
    if (!is_int_literal(text)) return dom_.number_float(value, text);
    OrderedJson digits = big_int(text);  // an int beyond 64 bits, which nlohmann reads as a double
    return dom_.binary(digits.get_binary());
  }
  bool string(string_t& value) override { return dom_.string(value); }
  bool binary(binary_t& value) override { return dom_.binary(value); }
  bool start_object(std::size_t count) override { return dom_.start_object(count); }
  bool key(string_t& name) override { return dom_.key(name); }
  bool end_object() override { return dom_.end_object(); }
  bool start_array(std::size_t count) override { return dom_.start_array(count); }
  bool end_array() override { return dom_.end_array(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) override { throw error; }

 private:
  nlohmann::detail::json_sax_dom_parser<OrderedJson> dom_{document, /*allow_exceptions=*/true};
};

}  // namespace

WandbParameters wandb_parameters_from_sweep_file(const std::string& text, const std::string& path) {
  const YAML::Node root = parse_yaml_document(text, path);
  if (!root.IsMap()) throw sweep_file_error(path, "is not a YAML mapping");
  OrderedJson named_values = OrderedJson::object();
  for (const auto& entry : root) {
    const std::string name = entry.first.Scalar();
    if (name == "wandb_version") continue;
    if (!entry.second.IsMap() || !entry.second["value"]) {
      throw sweep_file_error(path, "holds " + quote_for_message(name) + " without a \"value:\" entry");
    }
    named_values[name] = yaml_value(entry.second["value"], path);
  }
  return parameters_from("WANDB_SWEEP_PARAM_PATH", named_values);
}

WandbParameters wandb_parameters_from_config(std::string_view text, const std::string& variable) {
  const std::string fix =
      "; W&B Launch sets it to the run config as one JSON object ({\"lr\": 0.01}): fix it or unset it";
  JsonDocument document;
  try {
    sax_parse_python_json(text, document);
  } catch (const nlohmann::json::exception& error) {
    const std::string detail = error.what();
    throw AdaptError(variable + " is not JSON (" + detail.substr(detail.find(']') + 2) + ")" + fix);
  }
  if (!document.document.is_object()) throw AdaptError(variable + " is not a JSON object" + fix);
  return parameters_from("WANDB_CONFIG", document.document);
}

std::optional<WandbConfigText> wandb_config_text(const VariableReader& variable) {
  if (const auto whole = variable("WANDB_CONFIG")) return WandbConfigText{*whole, "WANDB_CONFIG"};
  WandbConfigText joined;
  int count = 0;
  for (; const auto shard = variable("WANDB_CONFIG_" + std::to_string(count)); ++count) joined.text += *shard;
  // W&B numbers the shards from 0 without a gap; one more a little further on means a lost one.
  constexpr int kLookAhead = 8;
  for (int later = count + 1; later <= count + kLookAhead; ++later) {
    if (variable("WANDB_CONFIG_" + std::to_string(later))) {
      throw AdaptError("WANDB_CONFIG_" + std::to_string(count) + " is missing, but WANDB_CONFIG_" +
                       std::to_string(later) +
                       " is set; W&B Launch splits the run config into WANDB_CONFIG_0, WANDB_CONFIG_1, ... with "
                       "no gap: set every shard, or unset them all");
    }
  }
  if (count == 0) return std::nullopt;
  joined.variables = count == 1 ? "WANDB_CONFIG_0" : "WANDB_CONFIG_0..WANDB_CONFIG_" + std::to_string(count - 1);
  return joined;
}

}  // namespace hydra_adapt
