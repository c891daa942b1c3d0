#include "check/fixed_args.h"

#include "args/incoming_args.h"
#include "args/program_split.h"

namespace hydra_adapt {
namespace {

bool is_macro(const std::string& word) { return word.find("${") != std::string::npos; }

// A word after a flag's value that is one more value of it: neither a flag, a macro nor an override.
bool is_further_value(const std::string& word) {
  return word_shape(word) == WordShape::kOther && !is_macro(word) && !is_override_word(word);
}

}  // namespace

FixedArgs fixed_args(const YamlNode& args, std::string_view after) {
  std::vector<YamlNode> words;
  for (const auto& word : args) {
    if (!word.IsScalar()) continue;
    if (!after.empty() && word.Scalar() == after) words.clear();
    words.push_back(word);
  }
  FixedArgs fixed;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& text = words[i].Scalar();
    if (word_shape(text) != WordShape::kFlag) {
      if (!is_macro(text) && is_override_word(text)) fixed.overrides.push_back(text);
      continue;
    }
    const std::size_t line = line_of(words[i].Mark());
    const std::size_t equals = text.find('=');
    SentFlag flag{text.substr(2, equals == std::string::npos ? std::string::npos : equals - 2), line, false, {}};
    if (equals != std::string::npos) {
      flag.values.push_back({text.substr(equals + 1), line, "a fixed arg"});
    } else if (i + 1 < words.size() && word_shape(words[i + 1].Scalar()) == WordShape::kOther &&
               !is_macro(words[i + 1].Scalar())) {
      ++i;
      flag.values.push_back({words[i].Scalar(), line_of(words[i].Mark()), "a fixed arg"});
      // More values (--size 3 4, a flag of several) are sent whole: as a component's, left unchecked.
      bool several = false;
      for (; i + 1 < words.size() && is_further_value(words[i + 1].Scalar()); ++i) several = true;
      if (several) flag.values.clear();
    } else {
      flag.bare = true;
    }
    fixed.flags.push_back(std::move(flag));
  }
  return fixed;
}

void add_fixed_args(SourceFlags& source, FixedArgs fixed) {
  for (SentFlag& flag : fixed.flags) source.flags.push_back(std::move(flag));
  for (std::string& word : fixed.overrides) source.fixed_overrides.push_back(std::move(word));
}

}  // namespace hydra_adapt
