// Plain slips (reports, 日结 totals, repayment): the exact bytes, Chinese mode and cut per profile.
#include <doctest/doctest.h>

#include "drivers/printer/slip.hpp"
#include "tests/support/bytes.hpp"

using namespace pos::drivers::printer;
using pos::testing::bytes;

TEST_CASE("slip: initialise, Chinese mode, each line in GB18030, feed and the profile's cut") {
    PrinterProfile profile = generic_profile(58);
    profile.chinese_mode = true;
    profile.cut = Cut::partial;
    profile.cut_feed_dots = 16;
    CHECK(slip_bytes({"A", "水"}, profile) ==
          bytes({0x1B, 0x40, 0x1C, 0x26, 'A', 0x0A, 0xCB, 0xAE, 0x0A, 0x1B, 0x64, 0x04, 0x1D, 0x56, 0x42, 0x10}));
}

TEST_CASE("slip: a printer without Chinese mode or cutter gets neither command") {
    PrinterProfile profile = generic_profile(80);
    profile.chinese_mode = false;
    profile.cut = Cut::none;
    CHECK(slip_bytes({"X"}, profile) == bytes({0x1B, 0x40, 'X', 0x0A, 0x1B, 0x64, 0x04}));
}
