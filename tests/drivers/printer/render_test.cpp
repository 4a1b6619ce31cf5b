// PNG preview: size, ink where text and bars are, and bars that decode back to the data.
#include <doctest/doctest.h>

#include <filesystem>

#include "drivers/printer/code128.hpp"
#include "drivers/printer/escpos.hpp"
#include "drivers/printer/render.hpp"

using namespace pos::drivers::printer;

namespace {

int ink_in_rows(const Bitmap& bitmap, int y0, int y1) {
    int ink = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = 0; x < bitmap.width; ++x) ink += bitmap.at(x, y) < 128;
    return ink;
}

}  // namespace

TEST_CASE("render: the paper is the profile's width plus margins, text and bars are inked") {
    if (!std::filesystem::exists(default_font_path)) {
        MESSAGE("fonts-wqy-microhei is not installed");
        return;
    }
    Encoder e;
    e.initialize().chinese_mode(true).line("合计 15.40").align(Align::center).code128("0100000012", 64, 2, Hri::none);
    auto document = interpret(e.bytes());
    REQUIRE(document);
    auto bitmap = render(*document, RenderOptions{384, 24});
    REQUIRE(bitmap);
    CHECK(bitmap->width == 384 + 48);
    CHECK(bitmap->height == 24 + 30 + 64 + 6 + 24);
    CHECK(ink_in_rows(*bitmap, 24, 48) > 100);  // the text line
    CHECK(ink_in_rows(*bitmap, 0, 24) == 0);    // the top margin

    // Scan one row across the bars, turn run lengths into modules and back into symbols.
    int row = 24 + 30 + 32;
    std::vector<int> runs;
    int x = 0;
    while (x < bitmap->width && bitmap->at(x, row) >= 128) ++x;
    int start = x;
    while (x < bitmap->width) {
        bool black = bitmap->at(x, row) < 128;
        int length = 0;
        while (x < bitmap->width && (bitmap->at(x, row) < 128) == black) ++x, ++length;
        runs.push_back(length);
    }
    runs.pop_back();  // the white after the stop
    CHECK(start == 24 + (384 - (10 * 2 + 7 * 11 + 13) * 2) / 2 + 10 * 2);
    REQUIRE(runs.size() == 7 * 6 + 7);
    std::vector<int> symbols;
    for (size_t s = 0; s + 6 <= runs.size(); s += 6) {
        std::string pattern;
        size_t count = s + 6 == runs.size() - 1 ? 7 : 6;
        for (size_t k = 0; k < count; ++k) pattern.push_back(static_cast<char>('0' + runs[s + k] / 2));
        for (int value = 0; value <= 106; ++value) {
            if (code128_pattern(value) == pattern) symbols.push_back(value);
        }
    }
    CHECK(symbols == std::vector<int>{105, 1, 0, 0, 0, 12, 63, 106});

    std::vector<uint8_t> png = encode_png(*bitmap);
    REQUIRE(png.size() > 8);
    CHECK(png[1] == 'P');
    CHECK(png[2] == 'N');
    CHECK(png[3] == 'G');
}

TEST_CASE("render: a missing font is a clear error") {
    Document document;
    auto bitmap = render(document, RenderOptions{384, 24, "/nonexistent/font.ttc"});
    REQUIRE_FALSE(bitmap);
    CHECK(bitmap.error() == "cannot open the receipt font /nonexistent/font.ttc (install fonts-wqy-microhei)");
}
