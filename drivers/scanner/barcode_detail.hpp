// Helpers shared by barcode.cpp and gs1.cpp; internal to the scanner library, not a contract.
#pragma once

#include "drivers/scanner/barcode.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pos::drivers::scanner::detail {

// GS (ASCII 0x1D): how scanners transmit FNC1 inside GS1 data.
inline constexpr char group_separator = '\x1d';

[[nodiscard]] constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

[[nodiscard]] bool all_digits(std::string_view text);

// The value of up to 18 digits; nullopt if empty, longer, or not all digits.
[[nodiscard]] std::optional<int64_t> to_int(std::string_view digits);

// value with from_decimals decimals expressed with to_decimals decimals, rounded half-up
// (value >= 0): rescale_half_up(12345, 4, 3) == 1235 (1.2345 kg in grams).
[[nodiscard]] int64_t rescale_half_up(int64_t value, int from_decimals, int to_decimals);

// A character named for a message: 'A', control character 0x07, a non-ASCII character.
[[nodiscard]] std::string describe_char(char c);

[[nodiscard]] ParsedBarcode invalid(BarcodeError error, std::string message);

enum class Gs1Form {
    raw,            // AI digits and values back to back, variable fields ended by GS or the end
    parenthesized,  // human-readable: "(01)09501101530003(10)ABC123"
};

// Parses a GS1 element string with FNC1 / symbology id already removed; offset is where data
// starts in the scanned text, so messages count positions the way the cashier sees them.
[[nodiscard]] ParsedBarcode parse_gs1_element_string(std::string_view data, Gs1Form form, std::size_t offset);

}  // namespace pos::drivers::scanner::detail
