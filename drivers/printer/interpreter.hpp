// ESC/POS interpreter: turns the bytes a printer would receive back into what it would print,
// as text lines (previews, golden .txt files) or a PNG (render.hpp). Used by tests to check
// the printed result rather than our intentions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "drivers/printer/escpos.hpp"
#include "support/expected.hpp"

namespace pos::drivers::printer {

// A run of text printed with one set of modes.
struct TextRun {
    std::string text;  // UTF-8
    bool bold = false;
    int width_times = 1;
    int height_times = 1;
    bool operator==(const TextRun&) const = default;
};

struct TextLine {
    Align align = Align::left;
    std::vector<TextRun> runs;  // empty: a blank line
};

struct Barcode {
    std::string data;  // the human-readable content
    std::vector<int> symbols;
    int height_dots = 162;
    int module_dots = 3;
    Hri hri = Hri::none;
    Align align = Align::left;
};

// A QR Code model 2 printed by GS ( k fn 181 from the data stored by fn 180.
struct QrCode {
    std::string data;
    int module_dots = 3;
    QrEcc ecc = QrEcc::l;
    Align align = Align::left;
};

// A GS v 0 raster image (the logo).
struct RasterImage {
    Raster image;
    int scale_x = 1;  // GS v 0 m: double width and/or height
    int scale_y = 1;
    Align align = Align::left;
};

struct PaperCut {
    Cut kind = Cut::partial;
};

struct DrawerKick {
    int pin = 2;
    int on_ms = 0;
    int off_ms = 0;
};

using Element = std::variant<TextLine, Barcode, PaperCut, DrawerKick, QrCode, RasterImage>;

struct Document {
    std::vector<Element> elements;
    int drawer_kicks = 0;
    int cuts = 0;
};

struct InterpretError {
    size_t offset = 0;    // where the bad command starts
    std::string message;  // "unknown command ESC 0x99", "GS k truncated" ...
};

// Interprets a whole job. Commands the preview need not show (status requests, line
// spacing, underline, code pages) are read and skipped; an unknown or truncated command is an
// error with its offset, so a test never passes on bytes a printer would choke on.
[[nodiscard]] support::Expected<Document, InterpretError> interpret(std::span<const uint8_t> bytes);

// The document as plain text in `columns`: each line aligned as printed (double-width text
// takes two columns per column), barcodes as "[CODE128 data]" with their HRI line, QR codes as
// "[QR data]", raster images as "[image W×H dots]", a cut as a dashed scissors line, a drawer
// kick as "[drawer]". Trailing spaces are removed.
[[nodiscard]] std::string to_text(const Document& document, int columns);

}  // namespace pos::drivers::printer
