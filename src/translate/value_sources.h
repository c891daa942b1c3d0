#pragma once

#include <optional>
#include <string>
#include <vector>

#include "args/incoming_args.h"

namespace hydra_adapt {

// One value a platform hands over beside the command line (SageMaker's SM_HPS), named by its
// origin. It reaches the mapping of the flag of its name, as if it came as --name TEXT.
struct PlatformValue {
  std::string name;    // "lr" reaches --lr's mapping
  std::string text;    // exactly what the program is to receive, before typing
  std::string origin;  // where it came from, for the dry run and errors: "SM_HPS:lr"
  // The value as JSON text when the source holds it typed (W&B's parameter file): a null stays
  // null whatever the flag's type, and where no type is declared (zero-config, `auto`) the
  // value keeps its own (a str stays a str, a list a list). nullopt: only the text is known.
  std::optional<std::string> json{};
};

// A platform as a value source beside the command line: its values, and what it says about the
// values it renders on the command line itself.
struct PlatformValueSource {
  std::vector<PlatformValue> values;
  // Added to the error for a command-line value that is not JSON where a json flag wants it:
  // the platform may render a structure its own lossy way there (SageMaker: Python's str()).
  std::string json_rendering_note;
};

// One incoming arg, from the command line or a platform, named by its origin for the dry run
// and for errors.
struct ArgWithOrigin {
  IncomingArg arg;
  std::string origin;  // "--lr", "SM_HPS:lr", or the word as it came
  bool from_command_line = true;
  std::optional<std::string> json{};  // PlatformValue::json
};

// The one place the value sources are ordered: the command line's args, less each flag a
// platform value names (the platform's exact value wins over its lossy rendering of the same
// name), then the platform's values.
std::vector<ArgWithOrigin> ordered_incoming_args(const std::vector<IncomingArg>& command_line,
                                                 const std::vector<PlatformValue>& platform);

}  // namespace hydra_adapt
