// QR codes: the GS ( k bytes, the interpreter reading them back, the preview drawing a symbol a
// phone can read (finder patterns where ISO/IEC 18004 puts them).
#include <doctest/doctest.h>

#include <filesystem>

#include "drivers/printer/escpos.hpp"
#include "drivers/printer/interpreter.hpp"
#include "drivers/printer/render.hpp"
#include "tests/support/bytes.hpp"

using namespace pos::drivers::printer;
using pos::testing::bytes;

TEST_CASE("qr: model 2, module size, error correction, store and print bytes") {
    CHECK(Encoder{}.qr("0100000012", 6, QrEcc::m).bytes() ==
          bytes({0x1D, 0x28, 0x6B, 4,    0,   49,  65,  50,  0,  // fn 165: model 2
                 0x1D, 0x28, 0x6B, 3,    0,   49,  67,  6,       // fn 167: 6-dot modules
                 0x1D, 0x28, 0x6B, 3,    0,   49,  69,  49,      // fn 169: level M
                 0x1D, 0x28, 0x6B, 13,   0,   49,  80,  48,      // fn 180: 10 bytes + 3
                 '0',  '1',  '0',  '0',  '0', '0', '0', '0', '1',
                 '2',  0x1D, 0x28, 0x6B, 3,   0,   49,  81,  48}));  // fn 181: print
    // Module size clamped to 1..16; a store of 300 bytes has pL pH = 303 = 0x012F.
    auto big = Encoder{}.qr(std::string(300, 'A'), 40, QrEcc::h).take();
    CHECK(big[16] == 16);
    CHECK(big[24] == 51);
    CHECK(big[28] == 0x2F);
    CHECK(big[29] == 0x01);
}

TEST_CASE("qr: the interpreter reads the symbol back with its size, level and alignment") {
    Encoder e;
    e.initialize().align(Align::center).qr("0100000012", 6, QrEcc::q).line("0100000012");
    auto document = interpret(e.bytes());
    REQUIRE(document);
    REQUIRE(document->elements.size() == 2);
    const auto* qr = std::get_if<QrCode>(&document->elements[0]);
    REQUIRE(qr != nullptr);
    CHECK(qr->data == "0100000012");
    CHECK(qr->module_dots == 6);
    CHECK(qr->ecc == QrEcc::q);
    CHECK(qr->align == Align::center);
    CHECK(to_text(*document, 32) == "        [QR 0100000012]\n           0100000012\n");
}

TEST_CASE("qr: bad or truncated GS ( k commands are errors with their offset") {
    auto other_symbol = interpret(bytes({0x1B, 0x40, 0x1D, 0x28, 0x6B, 3, 0, 48, 67, 3}));  // PDF417
    REQUIRE_FALSE(other_symbol);
    CHECK(other_symbol.error().offset == 2);
    CHECK(other_symbol.error().message == "GS ( k symbol type 48 is not used by this project (QR Code is 49)");
    auto cut_short = interpret(bytes({0x1D, 0x28, 0x6B, 13, 0, 49, 80, 48, '1'}));
    REQUIRE_FALSE(cut_short);
    CHECK(cut_short.error().message == "GS ( k parameters truncated");
    auto nothing_stored = interpret(bytes({0x1D, 0x28, 0x6B, 3, 0, 49, 81, 48}));
    REQUIRE_FALSE(nothing_stored);
    CHECK(nothing_stored.error().message == "GS ( k QR print with no data stored");
}

TEST_CASE("qr: the preview draws a version 1 symbol with three finder patterns and a quiet zone") {
    if (!std::filesystem::exists(default_font_path)) {
        MESSAGE("fonts-wqy-microhei is not installed");
        return;
    }
    auto matrix = qr_matrix("0100000012", QrEcc::m);
    REQUIRE(matrix);
    CHECK(matrix->size == 21);  // ten digits at level M fit version 1
    Encoder e;
    e.qr("0100000012", 4, QrEcc::m);
    auto document = interpret(e.bytes());
    REQUIRE(document);
    auto bitmap = render(*document, RenderOptions{384, 24});
    REQUIRE(bitmap);
    const int module = 4, quiet = 4;
    CHECK(bitmap->height == 2 * 24 + (21 + 2 * quiet) * module + 6);
    const int left = 24 + quiet * module, top = 24 + quiet * module;
    auto dark = [&](int mx, int my) { return bitmap->at(left + mx * module + 1, top + my * module + 1) < 128; };
    // A finder pattern: a dark 7×7 ring, a light ring, a dark 3×3 centre; light separator outside.
    auto finder = [&](int x0, int y0) {
        for (int y = 0; y < 7; ++y) {
            for (int x = 0; x < 7; ++x) {
                bool ring = x == 0 || y == 0 || x == 6 || y == 6;
                bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
                CHECK(dark(x0 + x, y0 + y) == (ring || centre));
            }
        }
    };
    finder(0, 0);
    finder(14, 0);
    finder(0, 14);
    CHECK_FALSE(dark(7, 3));   // separator
    CHECK_FALSE(dark(-1, 0));  // quiet zone
    // Timing pattern on row 6 between the finders alternates dark, light.
    for (int x = 8; x < 13; ++x) CHECK(dark(x, 6) == (x % 2 == 0));
    // Every module matches the symbol libqrencode makes for the same data and level.
    int mismatches = 0;
    for (int y = 0; y < 21; ++y)
        for (int x = 0; x < 21; ++x) mismatches += dark(x, y) != matrix->at(x, y);
    CHECK(mismatches == 0);
}
