#include "supervision/launch.h"

#include <sys/stat.h>
#include <unistd.h>

#include <boost/algorithm/string/classification.hpp>
#include <boost/algorithm/string/split.hpp>
#include <boost/process/search_path.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "adapt_error.h"

namespace hydra_adapt {
namespace {

// The folders of PATH, as execvp reads them (an empty entry is the current folder).
// Boost.Process's own this_process::path() builds std::locale(""), which throws, and so
// aborts the tool, when LANG or LC_ALL name a locale the image does not have: a scratch or
// distroless image, or any image without that locale installed.
std::vector<boost::filesystem::path> path_folders() {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return {};
  std::vector<std::string> folders;
  boost::split(folders, path, boost::is_any_of(":"));
  return {folders.begin(), folders.end()};
}

}  // namespace

std::string resolve_program(const std::string& program) {
  std::string path = program;
  if (program.find('/') == std::string::npos) {
    path = boost::process::search_path(program, path_folders()).string();
    if (path.empty()) {
      throw AdaptError("program '" + program + "' not found in PATH (or not executable there)", kNotFoundExitStatus);
    }
  }
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    throw AdaptError("program '" + program + "': " + std::strerror(errno), kNotFoundExitStatus);
  }
  if (S_ISDIR(status.st_mode)) throw AdaptError("program '" + program + "' is a folder", kNotExecutableExitStatus);
  if (::access(path.c_str(), X_OK) != 0) {
    throw AdaptError("program '" + program + "' is not executable: " + std::strerror(errno), kNotExecutableExitStatus);
  }
  return path;
}

void create_folders(const std::vector<FolderToCreate>& folders) {
  for (const FolderToCreate& folder : folders) {
    std::error_code error;
    std::filesystem::create_directories(folder.folder, error);
    if (error) {
      std::string flags;
      for (const std::string& flag : folder.flags) flags += (flags.empty() ? "" : ", ") + flag;
      throw AdaptError(flags + ": cannot create the folder " + describe_value(folder.folder, folder.secret) + ": " +
                       error.message() + "; check the path and its permissions");
    }
  }
}

// Boost.Process can only spawn a child; the tool must become the program (same PID, the
// program's own exit status, signals straight to it), so this is plain execv.
void exec_program(const std::string& path, const std::vector<std::string>& argv) {
  std::vector<char*> pointers;
  pointers.reserve(argv.size() + 1);
  for (const std::string& word : argv) pointers.push_back(const_cast<char*>(word.c_str()));
  pointers.push_back(nullptr);
  ::execv(path.c_str(), pointers.data());
  const int error = errno;
  throw AdaptError("cannot run '" + argv.front() + "': " + std::strerror(error),
                   error == ENOENT ? kNotFoundExitStatus : kNotExecutableExitStatus);
}

}  // namespace hydra_adapt
