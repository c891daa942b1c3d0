#include "values/json_value.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "values/value_error.h"

namespace hydra_adapt {
namespace {

TEST(RenderJson, KeepsStructureAndTypes) {
  EXPECT_EQ(render_json(R"({"a": 1, "b": [true, null, 2.5, "x"]})"), "{a: 1, b: [true, null, 2.5, 'x']}");
  EXPECT_EQ(render_json("[]"), "[]");
  EXPECT_EQ(render_json("{}"), "{}");
  EXPECT_EQ(render_json(R"({"n":{"m":[1,[2]]}})"), "{n: {m: [1, [2]]}}");
}

TEST(RenderJson, ScalarsStayScalars) {
  EXPECT_EQ(render_json("5"), "5");
  EXPECT_EQ(render_json("1.0"), "1.0");
  EXPECT_EQ(render_json(R"("it's ${x}")"), R"('it\'s \${x}')");
  EXPECT_EQ(render_json("true"), "true");
}

TEST(RenderJson, EscapesKeysHydraWouldSplitOn) {
  EXPECT_EQ(render_json(R"({"aws:tag": 1})"), R"({aws\:tag: 1})");
  EXPECT_EQ(render_json(R"({"a b": 1})"), R"({a\ b: 1})");
  EXPECT_EQ(render_json(R"({"sidecar.istio.io/inject": "false"})"), "{sidecar.istio.io/inject: 'false'}");
  EXPECT_EQ(render_json(R"({"x=y,[z]": 1})"), R"({x\=y\,\[z\]: 1})");
  EXPECT_EQ(render_json(R"({"01": 1, "1a": 2})"), "{01: 1, 1a: 2}");
}

TEST(RenderJson, RefusesKeysThatWouldChangeType) {
  for (const char* json : {R"({"1": 0})", R"({"true": 0})", R"({"NULL": 0})", R"({"nan": 0})", R"({"-1.5e3": 0})",
                           R"({"1_000": 0})", R"({"": 0})", R"({"é": 0})", R"({"a'b": 0})"}) {
    EXPECT_THROW(render_json(json), ValueError) << json;
  }
}

TEST(RenderJson, RefusesWhatIsNotJson) {
  for (const char* text : {"", "{a: 1}", "[1,", "'x'", R"({"a": 1} x)"}) {
    EXPECT_THROW(render_json(text), ValueError) << text;
  }
}

// Found by the differential test: nlohmann keeps integers beyond 64 bits as doubles, and
// json.loads gives the exact int.
TEST(RenderJson, KeepsIntegersBeyond64BitsExact) {
  EXPECT_EQ(render_json("[979068031409177973699371703262]"), "[979068031409177973699371703262]");
  EXPECT_EQ(render_json(R"({"a": -9223372036854775809})"), "{a: -9223372036854775809}");
  EXPECT_EQ(render_json("18446744073709551616"), "18446744073709551616");
  EXPECT_EQ(render_json("[18446744073709551615, -9223372036854775808]"),
            "[18446744073709551615, -9223372036854775808]");
  EXPECT_EQ(render_json("[1e23, 1.0E23]"), "[1e+23, 1e+23]");
}

// Found while building the differential test: a number too large for a double escaped as an uncaught
// nlohmann::out_of_range and aborted the tool.
TEST(RenderJson, RefusesNumbersTooLargeForADouble) {
  EXPECT_THROW(render_json("1e400"), ValueError);
  EXPECT_THROW(render_json(R"({"a": [-1e400]})"), ValueError);
}

TEST(RenderJson, RefusesNulAndRunawayNesting) {
  EXPECT_THROW(render_json(R"(["a\u0000b"])"), ValueError);
  EXPECT_THROW(render_json(std::string(1000, '[') + std::string(1000, ']')), ValueError);
}

std::string error_of(std::string_view json) {
  try {
    render_json(json);
  } catch (const ValueError& error) {
    return error.what();
  }
  return "";
}

TEST(RenderJson, NestsUpToTheLimit) {
  EXPECT_EQ(render_json(std::string(100, '[') + "1" + std::string(100, ']')),
            std::string(100, '[') + "1" + std::string(100, ']'));
  EXPECT_EQ(error_of(std::string(101, '[') + "1" + std::string(101, ']')), "nests deeper than 100 levels");
  EXPECT_EQ(error_of(std::string(101, '[') + std::string(101, ']')), "");  // the innermost at depth 100
  EXPECT_EQ(error_of(std::string(102, '[') + std::string(102, ']')), "nests deeper than 100 levels");
}

TEST(RenderJson, ReportsTextThatIsNotJsonBeforeAValueHydraCannotCarry) {
  EXPECT_EQ(error_of(R"({"1": 2, )").rfind("is not valid JSON (", 0), 0u);
  EXPECT_EQ(error_of(R"([{"1": 2}, {"2": 3}])").find("has the object key '1'"), 0u);
}

// Hydra's dict keeps the last value of a key given twice at the first one's place, as
// json.loads does (tests/e2e/test_types.py proves it against Hydra).
TEST(RenderJson, WritesAKeyGivenTwiceAsItCame) {
  EXPECT_EQ(render_json(R"({"a": 1, "b": {"c": [2]}, "a": 3})"), "{a: 1, b: {c: [2]}, a: 3}");
}

}  // namespace
}  // namespace hydra_adapt
