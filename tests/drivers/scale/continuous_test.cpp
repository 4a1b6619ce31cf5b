// Continuous-output counter scales: states, units, sign, bad lines and the stream cut into lines.
#include <doctest/doctest.h>

#include "drivers/scale/continuous.hpp"
#include "tests/support/bytes.hpp"

using namespace pos::drivers::scale;
using pos::testing::bytes;

TEST_CASE("continuous: stable, unstable, net and overload lines") {
    auto stable = parse_continuous_line("ST,GS,+  1.234kg");
    REQUIRE(stable);
    CHECK(stable->state == ScaleState::stable);
    CHECK(stable->grams == 1234);
    CHECK(parse_continuous_line("US,GS,+  0.410kg")->state == ScaleState::motion);
    CHECK(parse_continuous_line("ST,NT,+  0.250kg\r")->net);
    CHECK(parse_continuous_line("OL,GS,+  0.000kg")->state == ScaleState::over_capacity);
}

TEST_CASE("continuous: grams, whole kilograms and a negative weight") {
    CHECK(parse_continuous_line("ST,GS,+ 123.4 g")->grams == 123);
    CHECK(parse_continuous_line("ST,GS,+    2kg")->grams == 2000);
    auto below = parse_continuous_line("ST,GS,-  0.015kg");
    CHECK(below->state == ScaleState::under_zero);
    CHECK(below->grams == -15);
}

TEST_CASE("continuous: lines that are not the format are refused, naming the line") {
    auto pounds = parse_continuous_line("ST,GS,+  1.234lb");
    REQUIRE_FALSE(pounds);
    CHECK(pounds.error().message ==
          "scale line \"ST,GS,+  1.234lb\" is not in kg or g (set the scale to metric units)");
    CHECK_FALSE(parse_continuous_line("XX,GS,+  1.234kg"));
    CHECK_FALSE(parse_continuous_line("ST,ZZ,+  1.234kg"));
    CHECK_FALSE(parse_continuous_line("ST,GS,+  kg"));
    CHECK_FALSE(parse_continuous_line("garbage"));
    CHECK_FALSE(parse_continuous_line("ST,GS,+ 1234567890123kg"));
}

TEST_CASE("continuous: lines split across reads, a runaway line is dropped up to the next LF") {
    ContinuousLines lines;
    lines.feed(bytes("ST,GS,+  1.2"));
    CHECK_FALSE(lines.next());
    lines.feed(bytes("34kg\r\nUS,GS,+  0.100kg\r\n"));
    CHECK(lines.next() == "ST,GS,+  1.234kg\r");
    CHECK(lines.next() == "US,GS,+  0.100kg\r");
    lines.feed(bytes(std::string(100, 'x') + "\r\nST,GS,+  0.500kg\r\n"));
    CHECK(lines.next() == "ST,GS,+  0.500kg\r");
    CHECK_FALSE(lines.next());
}
