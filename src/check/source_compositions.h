#pragma once

#include <functional>
#include <string>
#include <vector>

#include "check/sent_flags.h"

namespace hydra_adapt {

// One way the flags of a source reach the app together: the option each of its choice flags
// (a flag that chooses a config group) takes in one run, and the other flags sent with them.
struct SourceComposition {
  struct Choice {
    const SentFlag* flag;
    const SentValue* value;
  };
  std::vector<Choice> choices;
  std::vector<const SentFlag*> sent;

  // "--model vit --optimizer sgd", for messages; empty without a choice.
  std::string choice_words() const;
};

// Every combination of the values the source's choice flags (`is_choice`) can send, as a W&B
// grid runs them and a study may: a choice flag with one value (a fixed arg, a constant) is in
// every one. A conditional flag (a Vertex AI conditionalParameterSpecs child) is in those where
// its parent is a choice flag that takes one of its parent values, or is no choice flag at all.
// Without a choice flag: one composition of every flag.
std::vector<SourceComposition> source_compositions(const SourceFlags& source,
                                                   const std::function<bool(const SentFlag&)>& is_choice);

}  // namespace hydra_adapt
