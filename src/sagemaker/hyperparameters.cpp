#include "sagemaker/hyperparameters.h"

#include <algorithm>
#include <map>

#include "adapt_error.h"
#include "text/ascii.h"
#include "values/python_json.h"

namespace hydra_adapt {
namespace {

// The toolkit's params.SAGEMAKER_HYPERPARAMETERS that lack the sagemaker_ prefix.
bool is_withheld(std::string_view name) {
  return starts_with(name, "sagemaker_") || name == "_tuning_objective_metric" || name == "default_user_module_name";
}

// Collects the values of a JSON document as text: the document's own value (`members` false),
// or each member of the object it is (`members` true; any other document gives none). A
// string at that level is taken as it is, a null as nothing, and anything else is written
// back as JSON with its numbers' own text.
class ValueTexts : public JsonSax {
 public:
  explicit ValueTexts(bool members) : members_(members) {}

  bool document_is_object() const { return document_is_object_; }
  // By name; a name given twice keeps its last value, as Python's dict does.
  const std::map<std::string, std::optional<std::string>>& values() const { return values_; }

  bool null() override { return scalar(std::nullopt, "null"); }
  bool boolean(bool value) override { return scalar(value ? "true" : "false", value ? "true" : "false"); }
  bool number_integer(number_integer_t value) override { return number(std::to_string(value)); }
  bool number_unsigned(number_unsigned_t value) override { return number(std::to_string(value)); }
  bool number_float(number_float_t, const string_t& text) override { return number(text); }
  bool string(string_t& value) override { return scalar(value, OrderedJson(value).dump()); }
  bool binary(binary_t&) override { return false; }  // JSON text holds none
  bool start_object(std::size_t) override { return open('{'); }
  bool end_object() override { return close('}'); }
  bool start_array(std::size_t) override { return open('['); }
  bool end_array() override { return close(']'); }
  bool key(string_t& name) override {
    if (depth_ == value_depth()) {
      name_ = name;
    } else if (collecting()) {
      separate();
      text_ += OrderedJson(name).dump() + ": ";
      first_ = true;  // the value follows its key with no comma
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) override { throw error; }

 private:
  // The level whose values are collected: the document (0), or the object's members (1).
  int value_depth() const { return members_ ? 1 : 0; }
  bool collecting() const { return !members_ || document_is_object_; }

  bool number(const std::string& text) { return scalar(text, text); }

  bool scalar(std::optional<std::string> value, const std::string& json_text) {
    if (!collecting()) return true;
    if (depth_ == value_depth()) {
      store(std::move(value));
    } else {
      separate();
      text_ += json_text;
    }
    return true;
  }

  bool open(char bracket) {
    if (depth_++ == 0 && members_) {
      document_is_object_ = bracket == '{';
      return true;
    }
    if (!collecting()) return true;
    separate();
    text_ += bracket;
    first_ = true;
    return true;
  }

  bool close(char bracket) {
    if (--depth_ < value_depth() || !collecting()) return true;
    text_ += bracket;
    first_ = false;
    if (depth_ == value_depth()) store(std::move(text_));
    return true;
  }

  void separate() {
    if (!first_) text_ += ", ";
    first_ = false;
  }

  void store(std::optional<std::string> text) {
    values_[name_] = std::move(text);
    text_.clear();
    first_ = true;
  }

  bool members_;
  bool document_is_object_ = false;
  int depth_ = 0;
  bool first_ = true;
  std::string name_;
  std::string text_;
  std::map<std::string, std::optional<std::string>> values_;
};

Hyperparameters kept(std::string source, const std::map<std::string, std::optional<std::string>>& values) {
  Hyperparameters hyperparameters{std::move(source), {}};
  for (const auto& [name, text] : values) {
    if (!is_withheld(name)) hyperparameters.values.push_back({name, text});
  }
  return hyperparameters;
}

// json.loads of one value: its text as above, or nothing when it is not JSON.
std::optional<std::optional<std::string>> decoded_value(const std::string& text) {
  ValueTexts texts(false);
  try {
    sax_parse_python_json(text, texts);
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
  return texts.values().begin()->second;
}

}  // namespace

Hyperparameters hyperparameters_from_sm_hps(std::string_view text) {
  ValueTexts texts(true);
  try {
    sax_parse_python_json(text, texts);
  } catch (const nlohmann::json::exception& error) {
    const std::string detail = error.what();
    throw AdaptError("SM_HPS is not JSON (" + detail.substr(detail.find(']') + 2) +
                     "); it holds the job's hyperparameters as one JSON object, as the sagemaker-training "
                     "toolkit sets it: unset it or fix it");
  }
  if (!texts.document_is_object()) {
    throw AdaptError(
        "SM_HPS is not a JSON object; it holds the job's hyperparameters as one JSON object, as the "
        "sagemaker-training toolkit sets it: unset it or fix it");
  }
  return kept("SM_HPS", texts.values());
}

Hyperparameters hyperparameters_from_file(std::string_view text, const std::string& path) {
  const OrderedJson document = OrderedJson::parse(text, nullptr, /*allow_exceptions=*/false);
  const std::string fix = "; SageMaker writes it as a JSON object of strings ({\"lr\": \"0.01\"}): fix or remove it";
  if (document.is_discarded()) throw AdaptError("hyperparameters file " + path + " is not JSON" + fix);
  if (!document.is_object()) throw AdaptError("hyperparameters file " + path + " is not a JSON object" + fix);
  std::map<std::string, std::optional<std::string>> values;
  for (const auto& [name, value] : document.items()) {
    if (!value.is_string()) {
      throw AdaptError("hyperparameters file " + path + ": the value of " + quote_for_message(name) +
                       " is not a string" + fix);
    }
    const std::string& raw = value.get_ref<const std::string&>();
    values[name] = decoded_value(raw).value_or(raw);
  }
  return kept("hyperparameters.json", values);
}

}  // namespace hydra_adapt
