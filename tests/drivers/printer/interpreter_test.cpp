// ESC/POS interpreter: modes, elements, and errors for bytes a printer would not take.
#include <doctest/doctest.h>

#include "drivers/printer/escpos.hpp"
#include "drivers/printer/interpreter.hpp"

using namespace pos::drivers::printer;

TEST_CASE("interpreter: text runs keep their size, emphasis and alignment") {
    Encoder e;
    e.initialize()
        .chinese_mode(true)
        .align(Align::center)
        .size(2, 2)
        .bold(true)
        .text("超市")
        .size(1, 1)
        .bold(false)
        .line("A")
        .align(Align::right)
        .line("9.90")
        .align(Align::left)
        .line();
    auto document = interpret(e.bytes());
    REQUIRE(document);
    REQUIRE(document->elements.size() == 3);
    const auto& title = std::get<TextLine>(document->elements[0]);
    CHECK(title.align == Align::center);
    REQUIRE(title.runs.size() == 2);
    CHECK(title.runs[0] == TextRun{"超市", true, 2, 2});
    CHECK(title.runs[1] == TextRun{"A", false, 1, 1});
    CHECK(std::get<TextLine>(document->elements[1]).align == Align::right);
    CHECK(std::get<TextLine>(document->elements[2]).runs.empty());
    // "超市" is 4 columns printed double width = 8, plus "A": 9 columns centred in 32.
    CHECK(to_text(*document, 32) == "           超市A\n                            9.90\n\n");
}

TEST_CASE("interpreter: barcode, feed, cut and drawer kick") {
    Encoder e;
    e.initialize()
        .align(Align::center)
        .code128("0100000012", 64, 2, Hri::below)
        .feed(1)
        .cut(Cut::partial)
        .drawer_kick();
    auto document = interpret(e.bytes());
    REQUIRE(document);
    REQUIRE(document->elements.size() == 4);
    const auto& barcode = std::get<Barcode>(document->elements[0]);
    CHECK(barcode.data == "0100000012");
    CHECK(barcode.height_dots == 64);
    CHECK(barcode.module_dots == 2);
    CHECK(barcode.hri == Hri::below);
    CHECK(std::get<PaperCut>(document->elements[2]).kind == Cut::partial);
    const auto& kick = std::get<DrawerKick>(document->elements[3]);
    CHECK(kick.pin == 2);
    CHECK(kick.on_ms == 50);
    CHECK(kick.off_ms == 500);
}

TEST_CASE("interpreter: unknown and truncated commands are errors with their offset") {
    struct Case {
        std::vector<uint8_t> bytes;
        size_t offset;
        const char* message;
    };
    for (const Case& c :
         {Case{{'a', 0x1B, 0x99}, 1, "unknown command ESC 0x99"},
          Case{{0x1B, 0x40, 0x1B, 0x61}, 2, "ESC 0x61 truncated"},
          Case{{0x1D, 0x6B, 73, 5, '{', 'C'}, 0, "GS k CODE128 data truncated"},
          Case{{0x1D, 0x6B, 4, '1', '2', 0}, 0, "GS k barcode type 4 is not used by this project"},
          Case{{0xCB, 0xAE}, 0, "byte 0xCB outside Chinese mode would print as a code-page symbol"},
          Case{{0x1C, 0x26, 0xCB}, 2, "GB18030 character truncated"}, Case{{0x07}, 0, "unexpected control byte 0x07"},
          Case{{0x10, 0x04}, 0, "DLE command truncated"}}) {
        auto document = interpret(c.bytes);
        REQUIRE_FALSE(document);
        CHECK(document.error().offset == c.offset);
        CHECK(document.error().message == c.message);
    }
}

TEST_CASE("interpreter: status requests and line spacing print nothing") {
    const uint8_t bytes[] = {0x10, 0x04, 0x01, 0x1B, 0x33, 30, 0x1B, 0x32, 'o', 'k', 0x0A};
    auto document = interpret(bytes);
    REQUIRE(document);
    CHECK(to_text(*document, 32) == "ok\n");
}
