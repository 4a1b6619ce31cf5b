// ESC/POS command encoder: builds the exact bytes a receipt printer receives. Pure: no IO.
// Command references are the Epson ESC/POS Application Programming Guide names.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace pos::drivers::printer {

enum class Align : uint8_t { left = 0, center = 1, right = 2 };
// Where a barcode's human-readable digits (HRI) print.
enum class Hri : uint8_t { none = 0, above = 1, below = 2, both = 3 };
enum class Cut : uint8_t { none, partial, full };
// QR error correction (GS ( k fn 169): L 7 %, M 15 %, Q 25 %, H 30 % of the symbol recoverable.
enum class QrEcc : uint8_t { l = 48, m = 49, q = 50, h = 51 };

// A 1-bit image as GS v 0 carries it: rows of width_bytes, 8 dots a byte, the leftmost dot in
// bit 7; a set bit is a printed (black) dot.
struct Raster {
    int width_bytes = 0;
    int height = 0;
    std::vector<uint8_t> bits;
    [[nodiscard]] bool dot(int x, int y) const {
        return (bits[static_cast<size_t>(y) * static_cast<size_t>(width_bytes) + static_cast<size_t>(x / 8)] >>
                (7 - x % 8)) &
               1;
    }
    bool operator==(const Raster&) const = default;
};

// ESC/POS byte values used by the encoder and the interpreter.
namespace cmd {
inline constexpr uint8_t lf = 0x0A;
inline constexpr uint8_t dle = 0x10;
inline constexpr uint8_t eot = 0x04;
inline constexpr uint8_t esc = 0x1B;
inline constexpr uint8_t fs = 0x1C;
inline constexpr uint8_t gs = 0x1D;
}  // namespace cmd

class Encoder {
public:
    // ESC @: clears the print buffer and resets modes to the power-on defaults.
    Encoder& initialize();
    // FS & / FS .: Chinese character mode on or off. On, every byte >= 0x80 starts a
    // GB18030 (GBK) code printed as a 24×24 glyph; off, it is a code-page character.
    Encoder& chinese_mode(bool on);
    // ESC t n: the single-byte code page used outside Chinese mode (0 = PC437).
    Encoder& code_page(uint8_t page);
    // ESC a n.
    Encoder& align(Align alignment);
    // ESC E n: emphasised (bold).
    Encoder& bold(bool on);
    // GS ! n: character size, 1..8 times in each direction (clamped).
    Encoder& size(int width_times, int height_times);
    // UTF-8 text, sent as GB18030. A line feed in the text is sent as LF.
    Encoder& text(std::string_view utf8);
    // text + LF.
    Encoder& line(std::string_view utf8 = {});
    // ESC d n: prints the buffer and feeds n lines (0..255, clamped).
    Encoder& feed(int lines);
    // GS h, GS w, GS H, GS k 73: a CODE128 barcode. All-digit data of even length uses
    // code set C (two digits per symbol, the shortest bars); anything else code set B.
    Encoder& code128(std::string_view data, int height_dots = 64, int module_dots = 2, Hri hri = Hri::below);
    // GS ( k, QR Code model 2: select the model (fn 165), module size in dots (fn 167, 1..16),
    // error correction (fn 169), store the data (fn 180), print it (fn 181). The printer makes
    // the symbol from the data; at most 7089 bytes are sent.
    Encoder& qr(std::string_view data, int module_dots = 4, QrEcc ecc = QrEcc::m);
    // GS v 0 0: a raster image at normal density, printed at the current alignment.
    Encoder& raster(const Raster& image);
    // GS V 66 n: feeds n dots to the cutter position then cuts (partial leaves a hinge).
    Encoder& cut(Cut kind, int feed_dots = 0);
    // ESC p 0 25 250: pulse on drawer pin 2 for 50 ms on, 500 ms off (the usual kick).
    Encoder& drawer_kick();
    // Bytes passed through unchanged.
    Encoder& raw(std::span<const uint8_t> bytes);

    [[nodiscard]] const std::vector<uint8_t>& bytes() const { return bytes_; }
    [[nodiscard]] std::vector<uint8_t> take() { return std::move(bytes_); }

private:
    void put(std::initializer_list<uint8_t> values) { bytes_.insert(bytes_.end(), values); }
    std::vector<uint8_t> bytes_;
};

// DLE EOT n: real-time status request (see status.hpp for the replies).
[[nodiscard]] std::vector<uint8_t> status_request(uint8_t n);

}  // namespace pos::drivers::printer
