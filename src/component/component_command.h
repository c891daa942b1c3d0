#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "args/program_split.h"
#include "component/component_word.h"

namespace hydra_adapt {

// A container's command line (command, then args) read as hydra-adapt reads its own: the
// one place that knows which word runs the tool, which words are flags, and where the
// incoming args start. `hydra-adapt schema` and `hydra-adapt rewrite` both follow it, so
// what one maps the other rewrites.

// Whether `word` runs hydra-adapt: any path whose file name is hydra-adapt
// (/hydra-adapt, /usr/local/bin/hydra-adapt, hydra-adapt found in PATH).
bool is_tool_path(std::string_view word);

// How the split sees a word of a component. A placeholder is no flag; a word that begins with
// literal text has that text's shape ("--lr=" + placeholder is a flag).
WordShape shape_of(const ComponentWord& word);

// The parts of a container's command line, as indexes into its words.
struct ComponentCommand {
  bool through_tool = false;    // the command runs `hydra-adapt [OPTIONS] --` first
  std::size_t program = 0;      // PROGRAM: the word after the tool's "--", else the first word
  std::size_t program_end = 0;  // the end of the program's own words ("--" may follow them)
  std::size_t incoming = 0;     // the first incoming arg; the count of words when there is none
};

// Splits the words as the tool splits the words after its "--" (find_split); words before
// `incoming` reach the program as they are. Throws AdaptError naming the spot in `source` for
// a command that runs the tool but no "-- PROGRAM".
ComponentCommand split_component_command(const std::vector<ComponentWord>& words, const std::string& source);

}  // namespace hydra_adapt
