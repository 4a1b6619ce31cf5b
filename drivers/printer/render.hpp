// Draws an interpreted ESC/POS document as the paper would look: font A cells (12×24 dots,
// 24×24 for Chinese), CODE128 bars, cut lines. For previews (`posctl receipt render --format
// png`), the docs and tests.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "drivers/printer/interpreter.hpp"
#include "support/expected.hpp"

namespace pos::drivers::printer {

inline constexpr const char* default_font_path = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

struct RenderOptions {
    int dots = 384;   // printable width (profile)
    int margin = 24;  // white paper either side, in dots
    std::string font_path = default_font_path;
};

// 8-bit greyscale, 0 = black ink, 255 = paper.
struct Bitmap {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;
    [[nodiscard]] uint8_t at(int x, int y) const {
        return pixels[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)];
    }
};

// The modules of the QR symbol a printer makes from `data` (smallest version, mixed modes),
// row-major, true = dark; nullopt when the data does not fit a version-40 symbol.
struct QrMatrix {
    int size = 0;  // modules per side (21 for version 1, 4 more per version)
    std::vector<bool> dark;
    [[nodiscard]] bool at(int x, int y) const {
        return dark[static_cast<size_t>(y) * static_cast<size_t>(size) + static_cast<size_t>(x)];
    }
};
[[nodiscard]] std::optional<QrMatrix> qr_matrix(const std::string& data, QrEcc ecc);

[[nodiscard]] support::Expected<Bitmap, std::string> render(const Document& document, const RenderOptions& options);
[[nodiscard]] std::vector<uint8_t> encode_png(const Bitmap& bitmap);

}  // namespace pos::drivers::printer
