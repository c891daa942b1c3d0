#include "supervision/exit_status_remap.h"

#include <gtest/gtest.h>

#include <string>

#include "adapt_error.h"

namespace hydra_adapt {
namespace {

const std::string kOrigin = "--remap-exit / HYDRA_ADAPT_REMAP_EXIT";

TEST(ExitStatusRemap, NothingAddedChangesNothing) {
  const ExitStatusRemap remap;
  EXPECT_TRUE(remap.empty());
  for (int status = 0; status <= 255; ++status) EXPECT_EQ(remap.apply(status), status);
}

TEST(ExitStatusRemap, TurnsOnlyTheAddedStatusesIntoSuccess) {
  ExitStatusRemap remap;
  remap.add("143", kOrigin);
  EXPECT_FALSE(remap.empty());
  EXPECT_EQ(remap.apply(143), 0);
  EXPECT_EQ(remap.apply(1), 1);
  EXPECT_EQ(remap.apply(137), 137);
  EXPECT_EQ(remap.apply(0), 0);
}

TEST(ExitStatusRemap, TakesCommaListsAndAddsUp) {
  ExitStatusRemap remap;
  remap.add("143,130", kOrigin);
  remap.add("0255", kOrigin);  // leading zeros are still the number
  remap.add("1", kOrigin);
  for (int status : {143, 130, 255, 1}) EXPECT_EQ(remap.apply(status), 0) << status;
  EXPECT_EQ(remap.apply(2), 2);
}

TEST(ExitStatusRemap, TheWholeRangeCanBeRemapped) {
  for (int status = 0; status <= 255; ++status) {
    ExitStatusRemap remap;
    remap.add(std::to_string(status), kOrigin);
    EXPECT_EQ(remap.apply(status), 0);
    EXPECT_EQ(remap.apply((status + 1) % 256), (status + 1) % 256);
  }
}

TEST(ExitStatusRemap, RefusesWhatIsNoExitStatus) {
  for (const char* bad : {"256", "-1", "+1", "abc", "", "1.0", " 143", "143 ", "99999999999999999999"}) {
    ExitStatusRemap remap;
    try {
      remap.add(bad, kOrigin);
      ADD_FAILURE() << "'" << bad << "' was taken";
    } catch (const AdaptError& error) {
      EXPECT_EQ(error.exit_status(), kUsageExitStatus);
      EXPECT_EQ(std::string(error.what()),
                kOrigin + ": '" + bad +
                    "' is not an exit status; give whole numbers from 0 to 255, such as 143 (128 + SIGTERM's 15)");
    }
  }
}

TEST(ExitStatusRemap, NamesTheBadItemOfAList) {
  ExitStatusRemap remap;
  for (const char* list : {"143,", ",143", "143,,1", "143,x"}) {
    try {
      remap.add(list, kOrigin);
      ADD_FAILURE() << "'" << list << "' was taken";
    } catch (const AdaptError& error) {
      const std::string message = error.what();
      EXPECT_TRUE(message.find("'' is not an exit status") != std::string::npos ||
                  message.find("'x' is not an exit status") != std::string::npos)
          << message;
    }
  }
}

}  // namespace
}  // namespace hydra_adapt
