// ESC/POS encoder: exact bytes per command, and a golden slip.
#include <doctest/doctest.h>

#include "drivers/printer/escpos.hpp"
#include "drivers/printer/interpreter.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/bytes.hpp"

using namespace pos::drivers::printer;
using pos::testing::as_string;
using pos::testing::bytes;
using pos::testing::golden;

TEST_CASE("escpos: each command's bytes") {
    CHECK(Encoder{}.initialize().bytes() == bytes({0x1B, 0x40}));
    CHECK(Encoder{}.chinese_mode(true).bytes() == bytes({0x1C, 0x26}));
    CHECK(Encoder{}.chinese_mode(false).bytes() == bytes({0x1C, 0x2E}));
    CHECK(Encoder{}.code_page(0).bytes() == bytes({0x1B, 0x74, 0x00}));
    CHECK(Encoder{}.align(Align::center).bytes() == bytes({0x1B, 0x61, 0x01}));
    CHECK(Encoder{}.align(Align::right).bytes() == bytes({0x1B, 0x61, 0x02}));
    CHECK(Encoder{}.bold(true).bytes() == bytes({0x1B, 0x45, 0x01}));
    CHECK(Encoder{}.bold(false).bytes() == bytes({0x1B, 0x45, 0x00}));
    CHECK(Encoder{}.size(2, 2).bytes() == bytes({0x1D, 0x21, 0x11}));
    CHECK(Encoder{}.size(1, 2).bytes() == bytes({0x1D, 0x21, 0x01}));
    CHECK(Encoder{}.size(1, 1).bytes() == bytes({0x1D, 0x21, 0x00}));
    CHECK(Encoder{}.size(9, 0).bytes() == bytes({0x1D, 0x21, 0x70}));  // clamped to 8 × 1
    CHECK(Encoder{}.line("水").bytes() == bytes({0xCB, 0xAE, 0x0A}));
    CHECK(Encoder{}.feed(3).bytes() == bytes({0x1B, 0x64, 0x03}));
    CHECK(Encoder{}.feed(300).bytes() == bytes({0x1B, 0x64, 0xFF}));
    CHECK(Encoder{}.cut(Cut::partial, 16).bytes() == bytes({0x1D, 0x56, 0x42, 0x10}));
    CHECK(Encoder{}.cut(Cut::full).bytes() == bytes({0x1D, 0x56, 0x41, 0x00}));
    CHECK(Encoder{}.cut(Cut::none).bytes().empty());
    CHECK(Encoder{}.drawer_kick().bytes() == bytes({0x1B, 0x70, 0x00, 0x19, 0xFA}));
    CHECK(status_request(4) == bytes({0x10, 0x04, 0x04}));
}

TEST_CASE("escpos: CODE128 uses code set C for an even run of digits, B otherwise") {
    CHECK(Encoder{}.code128("0100000012", 64, 2, Hri::below).bytes() ==
          bytes({0x1D, 0x68, 64, 0x1D, 0x77, 2, 0x1D, 0x48, 2, 0x1D, 0x6B, 73, 7, '{', 'C', 1, 0, 0, 0, 12}));
    CHECK(Encoder{}.code128("123", 50, 3, Hri::none).bytes() ==
          bytes({0x1D, 0x68, 50, 0x1D, 0x77, 3, 0x1D, 0x48, 0, 0x1D, 0x6B, 73, 5, '{', 'B', '1', '2', '3'}));
    // A literal brace is doubled; non-printable bytes are dropped (set B cannot carry them).
    CHECK(Encoder{}.code128("a{\x01", 50, 2, Hri::none).bytes() ==
          bytes({0x1D, 0x68, 50, 0x1D, 0x77, 2, 0x1D, 0x48, 0, 0x1D, 0x6B, 73, 5, '{', 'B', 'a', '{', '{'}));
}

TEST_CASE("escpos: a Chinese slip matches its golden bytes and text") {
    Encoder slip;
    slip.initialize()
        .chinese_mode(true)
        .align(Align::center)
        .size(2, 2)
        .bold(true)
        .line("好邻居超市")
        .size(1, 1)
        .bold(false)
        .line("欢迎光临")
        .align(Align::left)
        .line("--------------------------------")
        .line("可口可乐330ml         1 × 3.00")
        .code128("0100000012", 64, 2, Hri::below)
        .feed(2)
        .cut(Cut::partial)
        .drawer_kick();
    std::string actual = as_string(slip.bytes());
    CHECK(actual == golden("drivers/printer/golden/slip-58.escpos", actual));

    auto document = interpret(slip.bytes());
    REQUIRE(document);
    std::string text = to_text(*document, 32);
    CHECK(text == golden("drivers/printer/golden/slip-58.txt", text));
    CHECK(document->drawer_kicks == 1);
    CHECK(document->cuts == 1);
}
