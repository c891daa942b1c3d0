#pragma once

#include <string>
#include <vector>

#include "args/environment.h"
#include "translate/translator.h"

namespace hydra_adapt {

// The final command as it may be shown: each secret flag's word becomes "key=***".
std::vector<std::string> displayed_argv(const Translation& translation);

// One line for logs: "--lr -> optimizer.lr=0.01 (float, schema)", or
// "(float, hydra-config, leaf)" for a flag matched by a rule; secrets masked.
std::string describe_mapping(const Translation& translation, const Mapping& mapping);

// Each run of `PROGRAM WORDS --cfg all` that composed the config the flags map against.
using Compositions = std::vector<std::vector<std::string>>;

// What a run does beside the command, for the dry run to show.
struct RunAdditions {
  const Compositions* compositions = nullptr;  // with --compose (not null): each composition that ran
  Environment variables;                       // what the tool sets for the program: a launcher's LOCAL_RANK
};

// The dry-run reports: a readable table with the pasteable command, or one JSON object
// with at least "argv" and "mappings". With --compose they say which compositions ran, each
// as a whole command ("compositions" in JSON), and the variables the program would get
// ("variables").
std::string dry_run_text(const Translation& translation, const RunAdditions& additions = {});
std::string dry_run_json(const Translation& translation, const RunAdditions& additions = {});

}  // namespace hydra_adapt
