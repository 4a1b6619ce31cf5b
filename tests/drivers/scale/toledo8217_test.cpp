// Mettler Toledo 8217: weight and status frames, the stream cut into frames, bad frames named.
#include <doctest/doctest.h>

#include "drivers/scale/toledo8217.hpp"
#include "tests/support/bytes.hpp"

using namespace pos::drivers::scale;
using pos::testing::bytes;

TEST_CASE("toledo8217: the commands are single letters") {
    CHECK(toledo_request_weight() == bytes("W"));
    CHECK(toledo_zero() == bytes("Z"));
    CHECK(toledo_tare() == bytes("T"));
    CHECK(toledo_clear_tare() == bytes("C"));
}

TEST_CASE("toledo8217: a kg weight with three decimals is grams, stable, N marks net") {
    auto gross =
        parse_toledo_frame(bytes("\x02"
                                 "01.234\r"));
    REQUIRE(gross);
    CHECK(gross->state == ScaleState::stable);
    CHECK(gross->grams == 1234);
    CHECK_FALSE(gross->net);
    auto net =
        parse_toledo_frame(bytes("\x02"
                                 "00.350N\r"));
    REQUIRE(net);
    CHECK(net->grams == 350);
    CHECK(net->net);
}

TEST_CASE("toledo8217: status frames: motion, over capacity, under zero, all clear") {
    CHECK(parse_toledo_frame(bytes("\x02?A\r"))->state == ScaleState::motion);
    CHECK(parse_toledo_frame(bytes("\x02?B\r"))->state == ScaleState::over_capacity);
    CHECK(parse_toledo_frame(bytes("\x02?D\r"))->state == ScaleState::under_zero);
    CHECK(parse_toledo_frame(bytes("\x02?@\r"))->state == ScaleState::no_weight);
    auto center = parse_toledo_frame(bytes("\x02?Q\r"));  // motion at centre of zero
    CHECK(center->state == ScaleState::motion);
    CHECK(center->center_of_zero);
}

TEST_CASE("toledo8217: pounds, letters and broken framing are refused with the bytes named") {
    auto pounds =
        parse_toledo_frame(bytes("\x02"
                                 "01.23\r"));
    REQUIRE_FALSE(pounds);
    CHECK(pounds.error().message ==
          "scale frame [02 30 31 2E 32 33 0D] is not a weight in kg with three decimals "
          "(set the scale to kg; pounds are not sold)");
    CHECK_FALSE(
        parse_toledo_frame(bytes("\x02"
                                 "0x.234\r")));
    CHECK_FALSE(parse_toledo_frame(bytes("01.234\r")));
    CHECK_FALSE(
        parse_toledo_frame(bytes("\x02"
                                 "1.2.34\r")));
    CHECK_FALSE(parse_toledo_frame(bytes("\x02?AB\r")));
}

TEST_CASE("toledo8217: frames split across reads, noise before STX and runaway frames") {
    ToledoFrames frames;
    frames.feed(
        bytes("xx\x02"
              "01."));
    CHECK_FALSE(frames.next());
    frames.feed(bytes("500\r\x02?A\r"));
    CHECK(frames.next() == bytes("\x02"
                                 "01.500\r"));
    CHECK(frames.next() == bytes("\x02?A\r"));
    CHECK_FALSE(frames.next());
    frames.feed(
        bytes("\x02"
              "0123456789012345\r"));  // longer than any frame: dropped
    CHECK_FALSE(frames.next());
    frames.feed(
        bytes("\x02"
              "00.100\r"));
    CHECK(frames.next() == bytes("\x02"
                                 "00.100\r"));
}

TEST_CASE("toledo8217: a weight longer than any scale's is refused, not overflowed (fuzz finding)") {
    auto huge =
        parse_toledo_frame(bytes("\x02"
                                 "55555555555555555555.555\r"));
    REQUIRE_FALSE(huge);
    CHECK(huge.error().message.find("longer than WWW.WWW") != std::string::npos);
}
