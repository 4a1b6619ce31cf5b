// The two-line, 20-column VFD pole display (customer display with text). Pure encoder: two lines
// of UTF-8 in, bytes out, in one of the two command sets such displays are switched to:
//   cd5220: ESC Q A text CR (line 1), ESC Q B text CR (line 2) — the "PTC standard";
//   epson:  US $ x y to move the cursor, then the text (ESC/POS line-display commands).
// Both initialise with ESC @ and clear with 0C. Text goes in the display's code page: ASCII,
// or GB2312 on Chinese models (a Chinese character takes two columns). Every line is padded to
// the full width, since some clones leave the old tail of a line on screen otherwise.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pos::drivers::display {

enum class VfdCommands { cd5220, epson };
enum class VfdCharset { ascii, gb2312 };

struct VfdOptions {
    VfdCommands commands = VfdCommands::cd5220;
    VfdCharset charset = VfdCharset::gb2312;
    int columns = 20;
};

// `text` in the display's code page, cut to `columns` (never through a character) and padded
// with spaces. A character the code page lacks becomes '?'.
[[nodiscard]] std::vector<uint8_t> vfd_text(std::string_view utf8, int columns, VfdCharset charset);

class VfdEncoder {
public:
    explicit VfdEncoder(VfdOptions options = {}) : options_(options) {}

    [[nodiscard]] std::vector<uint8_t> initialise() const;
    [[nodiscard]] std::vector<uint8_t> clear() const;
    // Both lines, each written whole.
    [[nodiscard]] std::vector<uint8_t> show(std::string_view line1, std::string_view line2) const;

private:
    [[nodiscard]] std::vector<uint8_t> line(int row, std::string_view utf8) const;
    VfdOptions options_;
};

}  // namespace pos::drivers::display
