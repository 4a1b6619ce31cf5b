// LED8 price display: the exact bytes of each command and the eight-digit fitting rule.
#include <doctest/doctest.h>

#include "drivers/display/led8.hpp"
#include "tests/support/bytes.hpp"

using namespace pos::drivers::display;
using pos::testing::bytes;

TEST_CASE("led8: initialise, clear and the lamps in ASCII and binary numbering") {
    Led8Encoder ascii;
    CHECK(ascii.initialise() == bytes("\x1B@"));
    CHECK(ascii.clear() == bytes("\x0C"));
    CHECK(ascii.lamp(Lamp::off) == bytes("\x1Bs0"));
    CHECK(ascii.lamp(Lamp::price) == bytes("\x1Bs1"));
    CHECK(ascii.lamp(Lamp::total) == bytes("\x1Bs2"));
    CHECK(ascii.lamp(Lamp::paid) == bytes("\x1Bs3"));
    CHECK(ascii.lamp(Lamp::change) == bytes("\x1Bs4"));
    Led8Encoder binary({LampCodes::binary});
    CHECK(binary.lamp(Lamp::total) == std::vector<uint8_t>{0x1B, 's', 0x02});
}

TEST_CASE("led8: an update is the lamp, then ESC Q A, the digits and CR") {
    CHECK(Led8Encoder{}.show(Lamp::total, 1250) == bytes("\x1Bs2\x1BQA12.50\r"));
    CHECK(Led8Encoder{}.number(5) == bytes("\x1BQA0.05\r"));
}

TEST_CASE("led8: the decimal point takes no digit, cents go when eight digits are not enough") {
    CHECK(led8_digits(0) == "0.00");
    CHECK(led8_digits(123456) == "1234.56");
    CHECK(led8_digits(12345678) == "123456.78");    // eight digits exactly
    CHECK(led8_digits(123456789) == "1234567");     // nine with cents: whole yuan
    CHECK(led8_digits(9999999999) == "99999999");   // eight whole digits
    CHECK(led8_digits(99999999999) == "99999999");  // nothing fits: all nines
    CHECK(led8_digits(-3450) == "-34.50");
    CHECK(led8_digits(-99999999999) == "-9999999");
}
