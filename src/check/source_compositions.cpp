#include "check/source_compositions.h"

#include <algorithm>

#include "values/number_text.h"

namespace hydra_adapt {
namespace {

// Vertex AI names a parent's value as the parent sends it, or as a number (32 for 32.0).
bool same_value(const std::string& sent, const std::string& listed) {
  if (sent == listed) return true;
  const auto sent_number = parse_float(sent);
  const auto listed_number = parse_float(listed);
  return sent_number && listed_number && *sent_number == *listed_number;
}

class CompositionEnumerator {
 public:
  CompositionEnumerator(const SourceFlags& source, const std::function<bool(const SentFlag&)>& is_choice) {
    for (const SentFlag& flag : source.flags) {
      (is_choice(flag) && !flag.values.empty() ? choice_flags_ : other_flags_).push_back(&flag);
    }
  }

  std::vector<SourceComposition> compositions() {
    SourceComposition partial;
    extend(partial, 0);
    return std::move(compositions_);
  }

 private:
  // `partial` holds a value for each choice flag before `next` that is sent in it.
  void extend(SourceComposition& partial, std::size_t next) {
    if (next == choice_flags_.size()) {
      SourceComposition whole = partial;
      for (const SentFlag* flag : other_flags_) {
        if (is_sent(*flag, partial)) whole.sent.push_back(flag);
      }
      compositions_.push_back(std::move(whole));
      return;
    }
    const SentFlag* flag = choice_flags_[next];
    if (!is_sent(*flag, partial)) return extend(partial, next + 1);
    for (const SentValue& value : flag->values) {
      partial.choices.push_back({flag, &value});
      extend(partial, next + 1);
      partial.choices.pop_back();
    }
  }

  bool is_sent(const SentFlag& flag, const SourceComposition& partial) const {
    if (flag.parent.empty()) return true;
    const bool parent_is_choice = std::any_of(choice_flags_.begin(), choice_flags_.end(),
                                              [&](const SentFlag* choice) { return choice->name == flag.parent; });
    if (!parent_is_choice) return true;
    for (const SourceComposition::Choice& choice : partial.choices) {
      if (choice.flag->name != flag.parent) continue;
      return std::any_of(flag.parent_values.begin(), flag.parent_values.end(),
                         [&](const std::string& listed) { return same_value(choice.value->text, listed); });
    }
    return false;  // its parent is not sent with these choices
  }

  std::vector<const SentFlag*> choice_flags_;
  std::vector<const SentFlag*> other_flags_;
  std::vector<SourceComposition> compositions_;
};

}  // namespace

std::string SourceComposition::choice_words() const {
  std::string words;
  for (const Choice& choice : choices) {
    words += (words.empty() ? "--" : " --") + choice.flag->name + " " + choice.value->text;
  }
  return words;
}

std::vector<SourceComposition> source_compositions(const SourceFlags& source,
                                                   const std::function<bool(const SentFlag&)>& is_choice) {
  return CompositionEnumerator(source, is_choice).compositions();
}

}  // namespace hydra_adapt
