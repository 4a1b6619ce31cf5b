// Logos: image files to 1-bit rasters no wider than the paper, GS v 0 bytes, and the
// interpreter and preview giving the same dots back.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <stb_image_write.h>

#include "drivers/printer/escpos.hpp"
#include "drivers/printer/interpreter.hpp"
#include "drivers/printer/logo.hpp"
#include "drivers/printer/render.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::drivers::printer;

namespace {

std::vector<uint8_t> bytes_of(std::string_view text) { return {text.begin(), text.end()}; }

GreyImage flat(int width, int height, uint8_t value) {
    return {width, height, std::vector<uint8_t>(static_cast<size_t>(width) * static_cast<size_t>(height), value)};
}

int dots(const Raster& raster) {
    int count = 0;
    for (int y = 0; y < raster.height; ++y)
        for (int x = 0; x < raster.width_bytes * 8; ++x) count += raster.dot(x, y);
    return count;
}

}  // namespace

TEST_CASE("logo: threshold makes dark pixels dots, the width padded to whole bytes") {
    GreyImage image = flat(10, 2, 255);
    image.pixels[0] = 0;     // (0,0)
    image.pixels[9] = 100;   // (9,0)
    image.pixels[15] = 200;  // (5,1): light, no dot
    Raster raster = to_raster(image, 384, Halftone::threshold);
    CHECK(raster.width_bytes == 2);
    CHECK(raster.height == 2);
    CHECK(raster.bits == std::vector<uint8_t>{0x80, 0x40, 0x00, 0x00});
}

TEST_CASE("logo: Floyd-Steinberg turns mid grey into about half the dots, black and white stay solid") {
    CHECK(dots(to_raster(flat(64, 64, 128), 384, Halftone::floyd_steinberg)) ==
          doctest::Approx(64 * 64 / 2).epsilon(0.05));
    CHECK(dots(to_raster(flat(64, 64, 192), 384, Halftone::floyd_steinberg)) ==
          doctest::Approx(64 * 64 / 4).epsilon(0.08));
    CHECK(dots(to_raster(flat(64, 8, 0), 384, Halftone::floyd_steinberg)) == 64 * 8);
    CHECK(dots(to_raster(flat(64, 8, 255), 384, Halftone::floyd_steinberg)) == 0);
}

TEST_CASE("logo: wider than the paper, it is scaled down keeping its proportions") {
    Raster raster = to_raster(flat(800, 200, 0), 384, Halftone::threshold);
    CHECK(raster.width_bytes == 48);
    CHECK(raster.height == 96);
    CHECK(dots(raster) == 384 * 96);
}

TEST_CASE("logo: PBM P1 and P4 are read, short or foreign files are errors") {
    auto plain = parse_pbm(bytes_of("P1\n# a comment\n3 2\n1 0 1\n0 1 0\n"));
    REQUIRE(plain);
    CHECK(plain->pixels == std::vector<uint8_t>{0, 255, 0, 255, 0, 255});
    auto raw = parse_pbm(bytes_of(std::string("P4\n10 1\n") + std::string("\xC0\x40", 2)));
    REQUIRE(raw);
    CHECK(raw->width == 10);
    CHECK(raw->pixels[0] == 0);
    CHECK(raw->pixels[1] == 0);
    CHECK(raw->pixels[2] == 255);
    CHECK(raw->pixels[9] == 0);
    CHECK(parse_pbm(bytes_of("P4\n16 2\n\xFF")).error() == "PBM pixel data is cut short");
    CHECK(parse_pbm(bytes_of("P1\n2 1\n1 2\n")).error() == "PBM pixel is not 0 or 1");
    CHECK(parse_pbm(bytes_of("P6\n1 1\n")).error() == "not a PBM file (P1 or P4)");
    CHECK(parse_pbm(bytes_of("P1\n")).error() == "PBM header is cut short or not a number");
}

TEST_CASE("logo: a PNG with a transparent background prints only its ink, GS v 0 carries it") {
    pos::testing::TempDir dir;
    // 16×4 grey+alpha: a black bar in row 1 on a transparent background (alpha 0, grey 0).
    std::vector<uint8_t> pixels(16 * 4 * 2, 0);
    for (int x = 0; x < 16; ++x) {
        pixels[static_cast<size_t>((1 * 16 + x) * 2)] = 0;
        pixels[static_cast<size_t>((1 * 16 + x) * 2 + 1)] = 255;
    }
    std::string path = dir.file("logo.png");
    REQUIRE(stbi_write_png(path.c_str(), 16, 4, 2, pixels.data(), 16 * 2) != 0);
    auto logo = load_logo(path, 384);
    REQUIRE(logo);
    CHECK(logo->width_bytes == 2);
    CHECK(logo->bits == std::vector<uint8_t>{0, 0, 0xFF, 0xFF, 0, 0, 0, 0});

    std::vector<uint8_t> expected = {0x1D, 0x76, 0x30, 0x00, 2, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0};
    CHECK(Encoder{}.raster(*logo).bytes() == expected);

    CHECK(load_logo(dir.file("missing.png"), 384).error() ==
          "cannot open the logo " + dir.file("missing.png") + ": check [receipt] logo in pos.toml");
    std::ofstream(dir.file("text.png")) << "not an image";
    CHECK(load_logo(dir.file("text.png"), 384).error().find("not an image this lane can read") != std::string::npos);
}

TEST_CASE("logo: the interpreter and the preview give the same dots back") {
    GreyImage image = flat(24, 3, 255);
    for (int x = 0; x < 24; x += 2) image.pixels[static_cast<size_t>(24 + x)] = 0;  // every other dot of row 1
    Raster raster = to_raster(image, 384, Halftone::threshold);
    Encoder e;
    e.initialize().align(Align::center).raster(raster).line("LOGO");
    auto document = interpret(e.bytes());
    REQUIRE(document);
    const auto* printed = std::get_if<RasterImage>(&document->elements.at(0));
    REQUIRE(printed != nullptr);
    CHECK(printed->image == raster);
    CHECK(printed->align == Align::center);
    CHECK(to_text(*document, 32) == "       [image 24x3 dots]\n              LOGO\n");

    auto truncated = e.bytes();
    truncated.resize(16);  // the header and 3 of the 9 data bytes
    CHECK(interpret(truncated).error().message == "GS v 0 raster data truncated");

    if (!std::filesystem::exists(default_font_path)) return;
    auto bitmap = render(*document, RenderOptions{384, 24});
    REQUIRE(bitmap);
    int left = 24 + (384 - 24) / 2;
    for (int x = 0; x < 24; ++x) {
        CHECK(bitmap->at(left + x, 24 + 1) == (x % 2 == 0 ? 0 : 255));
        CHECK(bitmap->at(left + x, 24) == 255);
    }
}
