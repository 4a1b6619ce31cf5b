// LED8 bytes: lamps, digits and the eight-digit fitting rule.
#include "drivers/display/led8.hpp"

#include <fmt/format.h>

namespace pos::drivers::display {
namespace {

constexpr uint8_t esc = 0x1B;
constexpr size_t max_digits = 8;

size_t digit_count(const std::string& text) {
    size_t digits = 0;
    for (char c : text) digits += c != '.';
    return digits;
}

}  // namespace

std::string led8_digits(int64_t fen) {
    bool negative = fen < 0;
    uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
    std::string sign = negative ? "-" : "";
    std::string with_cents = fmt::format("{}{}.{:02}", sign, magnitude / 100, magnitude % 100);
    if (digit_count(with_cents) <= max_digits) return with_cents;
    std::string whole = fmt::format("{}{}", sign, magnitude / 100);
    if (whole.size() <= max_digits) return whole;
    return negative ? "-9999999" : "99999999";
}

std::vector<uint8_t> Led8Encoder::initialise() const { return {esc, '@'}; }

std::vector<uint8_t> Led8Encoder::clear() const { return {0x0C}; }

std::vector<uint8_t> Led8Encoder::lamp(Lamp lamp) const {
    auto index = static_cast<uint8_t>(lamp);
    return {esc, 's', static_cast<uint8_t>(options_.lamp_codes == LampCodes::ascii ? '0' + index : index)};
}

std::vector<uint8_t> Led8Encoder::number(int64_t fen) const {
    std::vector<uint8_t> out{esc, 'Q', 'A'};
    for (char c : led8_digits(fen)) out.push_back(static_cast<uint8_t>(c));
    out.push_back(0x0D);
    return out;
}

std::vector<uint8_t> Led8Encoder::show(Lamp which, int64_t fen) const {
    std::vector<uint8_t> out = lamp(which);
    std::vector<uint8_t> digits = number(fen);
    out.insert(out.end(), digits.begin(), digits.end());
    return out;
}

}  // namespace pos::drivers::display
