#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/platform.h"

namespace hydra_adapt {

// What `platform` adds to the translation of the words after "--", read from this process's
// variables and the platform's files. With no platform, only the split of the words. Throws
// AdaptError for a platform file or variable that cannot be read or is malformed.
PlatformInput read_platform_input(Platform platform, const std::vector<std::string>& after_dash_dash);

// Where the platform shows a failed job's reason; nullopt when it has no such place.
std::optional<std::string> platform_failure_file(Platform platform);

// Writes the error line to the failure file, unless that file already exists (an earlier
// reason stays, as the sagemaker-training toolkit keeps it). Never fails: the line is on
// stderr either way.
void write_failure_file(const std::string& path, const std::string& line);

}  // namespace hydra_adapt
