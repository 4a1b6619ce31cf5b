// CODE128 symbols and bar widths, for drawing the barcode a printer would print (previews).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pos::drivers::printer {

// The bar/space widths (in modules) of symbol value 0..106; 106 (stop) has 7 elements.
[[nodiscard]] std::string_view code128_pattern(int value);

struct Code128 {
    std::vector<int> symbols;  // start, data, check, stop
    std::string text;          // the human-readable data (HRI)
};

// Reads the GS k 73 payload ("{B..." / "{C..." / "{A...", with "{{" for a brace and code-set
// switches inside) into symbols with the check symbol (sum of value × position, mod 103)
// and the stop. Nothing when the payload does not start with a code set or has a bad value.
[[nodiscard]] std::optional<Code128> decode_code128_payload(std::span<const uint8_t> payload);

// Module widths, bars and spaces alternating, starting with a bar; quiet zones not included.
[[nodiscard]] std::vector<int> code128_modules(const std::vector<int>& symbols);

}  // namespace pos::drivers::printer
