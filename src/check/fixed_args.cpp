#include "check/fixed_args.h"

#include "args/program_split.h"

namespace hydra_adapt {

std::vector<SentFlag> fixed_arg_flags(const YamlNode& args, std::string_view after) {
  std::vector<SentFlag> flags;
  std::vector<YamlNode> words;
  for (const auto& word : args) {
    if (!word.IsScalar()) continue;
    if (!after.empty() && word.Scalar() == after) words.clear();
    words.push_back(word);
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& text = words[i].Scalar();
    if (word_shape(text) != WordShape::kFlag) continue;
    const std::size_t line = line_of(words[i].Mark());
    const std::size_t equals = text.find('=');
    SentFlag flag{text.substr(2, equals == std::string::npos ? std::string::npos : equals - 2), line, false, {}};
    if (equals != std::string::npos) {
      flag.values.push_back({text.substr(equals + 1), line, "a fixed arg"});
    } else if (i + 1 < words.size() && word_shape(words[i + 1].Scalar()) == WordShape::kOther &&
               words[i + 1].Scalar().find("${") == std::string::npos) {
      ++i;
      flag.values.push_back({words[i].Scalar(), line_of(words[i].Mark()), "a fixed arg"});
    } else {
      flag.bare = true;
    }
    flags.push_back(std::move(flag));
  }
  return flags;
}

}  // namespace hydra_adapt
