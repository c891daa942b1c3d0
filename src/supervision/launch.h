#pragma once

#include <string>
#include <vector>

#include "translate/translator.h"

namespace hydra_adapt {

// The file PROGRAM names, found in PATH as execvp would, before anything has a side effect.
// Throws AdaptError with 127 when there is none, 126 when it is a folder or not executable.
std::string resolve_program(const std::string& program);

// Creates the parent folders output_path values need. Throws AdaptError naming the flag.
void create_folders(const std::vector<FolderToCreate>& folders);

// Replaces this process with the program. Returns only by throwing (127 or 126).
[[noreturn]] void exec_program(const std::string& path, const std::vector<std::string>& argv);

}  // namespace hydra_adapt
