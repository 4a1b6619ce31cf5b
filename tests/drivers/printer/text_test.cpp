// GB18030 conversion and print-column layout.
#include <doctest/doctest.h>

#include "drivers/printer/text.hpp"
#include "tests/support/bytes.hpp"

using namespace pos::drivers::printer;
using pos::testing::bytes;

TEST_CASE("text: UTF-8 to GB18030 as the printer needs it") {
    CHECK(to_gb18030("矿泉水") == bytes({0xBF, 0xF3, 0xC8, 0xAA, 0xCB, 0xAE}));
    CHECK(to_gb18030("A1") == bytes({'A', '1'}));
    CHECK(to_gb18030("合计：") == bytes({0xBA, 0xCF, 0xBC, 0xC6, 0xA3, 0xBA}));
    CHECK(to_gb18030("×") == bytes({0xA1, 0xC1}));
    CHECK(to_gb18030("￥") == bytes({0xA3, 0xA4}));
    // Outside GBK, GB18030's 4-byte form: € is 0xA2E3 in GB18030-2005, ¥ is four bytes.
    CHECK(to_gb18030("¥") == bytes({0x81, 0x30, 0x84, 0x36}));
    // Invalid UTF-8 prints as '?', and the rest of the text survives.
    CHECK(to_gb18030("a\xFF"
                     "b") == bytes({'a', '?', 'b'}));
    CHECK(to_gb18030("\xE7\x9F") == bytes({'?', '?'}));
}

TEST_CASE("text: GB18030 back to UTF-8") {
    CHECK(from_gb18030("\xBF\xF3\xC8\xAA\xCB\xAE") == "矿泉水");
    CHECK(from_gb18030("\x81\x30\x84\x36") == "¥");
    CHECK(from_gb18030("ok\xFF") == "ok\xEF\xBF\xBD");
}

TEST_CASE("text: print columns count each non-ASCII character as two") {
    CHECK(print_columns("") == 0);
    CHECK(print_columns("Cola 330ml") == 10);
    CHECK(print_columns("可口可乐") == 8);
    CHECK(print_columns("可乐330ml") == 9);
    CHECK(print_columns("2 × 3.50") == 9);
    CHECK(print_columns("单号：") == 6);
}

TEST_CASE("text: wrap never splits a character and respects columns") {
    CHECK(wrap("农夫山泉饮用天然水550ml", 16) == std::vector<std::string>{"农夫山泉饮用天然", "水550ml"});
    // 15 columns: a 汉字 that would straddle the edge moves to the next line.
    CHECK(wrap("农夫山泉饮用天然水", 15) == std::vector<std::string>{"农夫山泉饮用天", "然水"});
    CHECK(wrap("", 10) == std::vector<std::string>{""});
    CHECK(wrap("ab\ncd", 10) == std::vector<std::string>{"ab", "cd"});
}

TEST_CASE("text: spread keeps the amount whole and truncates the label") {
    CHECK(spread("合计", "15.40", 16) == "合计       15.40");
    CHECK(print_columns(spread("合计", "15.40", 32)) == 32);
    CHECK(spread("农夫山泉饮用天然水", "4.00", 16) == "农夫山泉饮  4.00");
    CHECK(spread("", "4.00", 6) == "  4.00");
    CHECK(pad_right("水", 4) == "水  ");
    CHECK(pad_left("水", 4) == "  水");
    CHECK(truncate("可口可乐", 5) == "可口");
}
