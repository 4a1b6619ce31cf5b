// Store logos for the receipt head: an image file (PNG, or a PBM/PGM/PPM) made into the 1-bit
// raster GS v 0 prints, no wider than the profile's dots. Dithering is pure (greyscale in).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "drivers/printer/escpos.hpp"
#include "support/expected.hpp"

namespace pos::drivers::printer {

// An 8-bit greyscale picture, 0 = black, 255 = white, row-major.
struct GreyImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;
};

enum class Halftone {
    threshold,        // below 128 prints: line art and text logos stay crisp
    floyd_steinberg,  // error diffusion: photos and gradients keep their shading
};

// Scales `image` down (box average) to at most `max_dots` wide, keeping its proportions, then
// makes it 1-bit; the width is padded with white to a whole byte.
[[nodiscard]] Raster to_raster(const GreyImage& image, int max_dots, Halftone halftone);

// Reads PNG/JPEG/PGM/PPM (stb_image; transparency is white paper) or a PBM (P1/P4). The error
// names the file and what is wrong with it.
[[nodiscard]] support::Expected<GreyImage, std::string> load_grey_image(const std::string& path);

// Parses a PBM file's bytes (P1 plain or P4 raw); lengths checked before every read.
[[nodiscard]] support::Expected<GreyImage, std::string> parse_pbm(std::span<const uint8_t> bytes);

// A logo ready to print: loaded, scaled to `max_dots` and halftoned (threshold for PBM files,
// which are 1-bit already, and for pictures with few grey levels; Floyd–Steinberg otherwise).
[[nodiscard]] support::Expected<Raster, std::string> load_logo(const std::string& path, int max_dots);

}  // namespace pos::drivers::printer
