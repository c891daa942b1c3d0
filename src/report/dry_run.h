#pragma once

#include <string>
#include <vector>

#include "translate/translator.h"

namespace hydra_adapt {

// The final command as it may be shown: each secret flag's word becomes "key=***".
std::vector<std::string> displayed_argv(const Translation& translation);

// One line for logs: "--lr -> optimizer.lr=0.01 (float, schema)", or
// "(float, hydra-config, leaf)" for a flag matched by a rule; secrets masked.
std::string describe_mapping(const Translation& translation, const Mapping& mapping);

// Each run of `PROGRAM WORDS --cfg all` that composed the config the flags map against.
using Compositions = std::vector<std::vector<std::string>>;

// The dry-run reports: a readable table with the pasteable command, or one JSON object
// with at least "argv" and "mappings". With --compose (`compositions` not null) they say
// which compositions ran, each as a whole command ("compositions" in JSON).
std::string dry_run_text(const Translation& translation, const Compositions* compositions = nullptr);
std::string dry_run_json(const Translation& translation, const Compositions* compositions = nullptr);

}  // namespace hydra_adapt
