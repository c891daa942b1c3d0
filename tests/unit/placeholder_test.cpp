#include "translate/placeholder.h"

#include <gtest/gtest.h>

namespace hydra_adapt {
namespace {

TEST(IsUnsubstitutedPlaceholder, SpotsWhatThePlatformLeft) {
  for (const char* text : {"{{$.inputs.parameters['lr']}}", "x{{$.outputs.artifacts['m'].path}}", "{{$}}",
                           R"({"Concat": ["a", "b"]})", R"( {"IfPresent": {"InputName": "x", "Then": ["y"]}})"}) {
    EXPECT_TRUE(is_unsubstituted_placeholder(text)) << text;
  }
}

TEST(IsUnsubstitutedPlaceholder, LeavesRealValues) {
  for (const char* text : {"", "{{x}}", R"({"Concat": 1, "b": 2})", R"({"concat": 1})", "{not json", "[1]"}) {
    EXPECT_FALSE(is_unsubstituted_placeholder(text)) << text;
  }
}

}  // namespace
}  // namespace hydra_adapt
