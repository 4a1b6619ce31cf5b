// Two-line VFD: line addressing in both command sets, padding, Chinese in GB2312, cutting.
#include <doctest/doctest.h>

#include "drivers/display/vfd.hpp"
#include "tests/support/bytes.hpp"

using namespace pos::drivers::display;
using pos::testing::bytes;

TEST_CASE("vfd: CD5220 lines are ESC Q A / ESC Q B, padded to 20 columns, ended by CR") {
    VfdEncoder vfd({VfdCommands::cd5220, VfdCharset::ascii, 20});
    CHECK(vfd.show("Milk", "12.50") == bytes("\x1BQAMilk                \r\x1BQB12.50               \r"));
    CHECK(vfd.initialise() == bytes("\x1B@"));
    CHECK(vfd.clear() == bytes("\x0C"));
}

TEST_CASE("vfd: Epson line displays move the cursor with US $ column row") {
    VfdEncoder vfd({VfdCommands::epson, VfdCharset::ascii, 20});
    std::vector<uint8_t> expected = {0x1F, '$', 1, 1};
    for (char c : std::string_view("TOTAL               ")) expected.push_back(static_cast<uint8_t>(c));
    expected.insert(expected.end(), {0x1F, '$', 1, 2});
    for (char c : std::string_view("                    ")) expected.push_back(static_cast<uint8_t>(c));
    CHECK(vfd.show("TOTAL", "") == expected);
}

TEST_CASE("vfd: Chinese in GB2312 takes two columns and is never cut in half") {
    // 合计 is B A F C 2 C C in GB2312: BA CF, BC C6.
    CHECK(vfd_text("合计", 6, VfdCharset::gb2312) == std::vector<uint8_t>{0xBA, 0xCF, 0xBC, 0xC6, ' ', ' '});
    CHECK(vfd_text("合计", 3, VfdCharset::gb2312) == std::vector<uint8_t>{0xBA, 0xCF, ' '});
    CHECK(vfd_text("合", 4, VfdCharset::ascii) == bytes("?   "));
}

TEST_CASE("vfd: control characters in a name never reach the display as commands") {
    CHECK(vfd_text("A\x1B@B\x0C", 4, VfdCharset::ascii) == bytes("A@B "));
    CHECK(vfd_text("abcdefghijklmnopqrstuvwxyz", 20, VfdCharset::ascii) == bytes("abcdefghijklmnopqrst"));
}
