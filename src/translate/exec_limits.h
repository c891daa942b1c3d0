#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hydra_adapt {

// Linux refuses (E2BIG) one argv or environment string over MAX_ARG_STRLEN bytes, counting
// its NUL (fs/exec.c: valid_arg_len is len <= MAX_ARG_STRLEN; measured: 131071 characters
// pass, 131072 do not).
inline constexpr std::size_t kMaxWordBytes = 131072;

// Throws AdaptError when `word` is too long to pass; `origin` says where it came from.
void check_word_fits(std::string_view word, std::string_view origin);

// What execve may copy for argv and the environment, for a given RLIMIT_STACK (fs/exec.c):
// a quarter of the stack limit, capped at 6 MiB, never below 128 KiB.
std::size_t exec_size_limit(std::size_t stack_limit_bytes);

// Throws AdaptError when the program path, argv and environment (strings with their NULs,
// plus one pointer each) exceed `limit`.
void check_command_fits(const std::vector<std::string>& argv, const std::vector<std::string_view>& environment,
                        std::size_t limit);

}  // namespace hydra_adapt
