// Receipt text: UTF-8 to and from GB18030 (what Chinese printers print) and layout in print columns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pos::drivers::printer {

// UTF-8 -> GB18030 bytes through glibc iconv. Invalid UTF-8 sequences become '?', so a bad
// catalog name prints as '?' instead of garbling the rest of the receipt.
[[nodiscard]] std::vector<uint8_t> to_gb18030(std::string_view utf8);
// GB18030 -> UTF-8; bytes that are not valid GB18030 become U+FFFD.
[[nodiscard]] std::string from_gb18030(std::string_view gb);

// Columns a text takes on the printer in Chinese mode: an ASCII character prints in the
// 12-dot font A cell (1 column), every other character is sent as a 2- or 4-byte GB18030
// code and prints as a 24-dot Chinese glyph (2 columns). This is wider than Unicode's East
// Asian Width (× and é are 2 columns here) because it is what the print head does.
[[nodiscard]] int print_columns(std::string_view utf8);

// The text cut into lines of at most `columns`, never splitting a character; an existing
// line break starts a new line. An empty text gives one empty line.
[[nodiscard]] std::vector<std::string> wrap(std::string_view utf8, int columns);
// The longest prefix that fits in `columns`.
[[nodiscard]] std::string truncate(std::string_view utf8, int columns);
// `left` and `right` on one line of `columns`, right-aligned; when both do not fit, `left`
// is truncated so the right-hand value (an amount) always prints whole.
[[nodiscard]] std::string spread(std::string_view left, std::string_view right, int columns);
// Pads with spaces on the right (or the left) to `columns`; longer text is returned unchanged.
[[nodiscard]] std::string pad_right(std::string_view utf8, int columns);
[[nodiscard]] std::string pad_left(std::string_view utf8, int columns);

// Splits UTF-8 into code points; invalid bytes come back as U+FFFD, one per byte.
[[nodiscard]] std::vector<char32_t> code_points(std::string_view utf8);

}  // namespace pos::drivers::printer
