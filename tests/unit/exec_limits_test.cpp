#include "translate/exec_limits.h"

#include <gtest/gtest.h>

#include "adapt_error.h"

namespace hydra_adapt {
namespace {

TEST(ExecLimits, FollowsTheKernelRule) {
  EXPECT_EQ(exec_size_limit(8 * 1024 * 1024), 2u * 1024 * 1024);
  EXPECT_EQ(exec_size_limit(SIZE_MAX), 6u * 1024 * 1024);
  EXPECT_EQ(exec_size_limit(64 * 1024), 128u * 1024);
  const std::vector<std::string> argv{"p", std::string(100000, 'x')};
  EXPECT_NO_THROW(check_command_fits(argv, {}, 200000));
  EXPECT_THROW(check_command_fits(argv, {std::string_view("E=")}, 100010), AdaptError);
}

}  // namespace
}  // namespace hydra_adapt
