// Parsing, formatting and per-line rounding of money and quantities.
#include "pos/core/money.hpp"

#include <limits>

namespace pos::core {
namespace {

// Largest amount we accept as text: ten billion yuan; far above any till, far below int64.
constexpr int64_t max_fen = 1'000'000'000'000;
constexpr int64_t max_quantity_milli = Quantity::max_per_line().in_milli();

// Parses an unsigned decimal with at most max_decimals digits after the point into
// an integer scaled by 10^max_decimals. Returns false on any malformed input.
bool parse_scaled(std::string_view text, int max_decimals, int64_t limit, int64_t& out) {
    if (text.empty()) return false;
    int64_t whole = 0;
    size_t i = 0;
    size_t int_digits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        whole = whole * 10 + (text[i] - '0');
        if (whole > limit) return false;
        ++int_digits;
    }
    int64_t frac = 0;
    int frac_digits = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            if (++frac_digits > max_decimals) return false;
            frac = frac * 10 + (text[i] - '0');
        }
        if (frac_digits == 0) return false;  // "12." is a typo, not a number
    }
    if (i != text.size() || int_digits == 0) return false;
    int64_t scale = 1;
    for (int d = 0; d < max_decimals; ++d) scale *= 10;
    for (int d = frac_digits; d < max_decimals; ++d) frac *= 10;
    out = whole * scale + frac;
    return out <= limit;
}

}  // namespace

Result<Money> Money::parse(std::string_view original) {
    std::string_view text = original;
    bool negative = !text.empty() && text.front() == '-';
    if (negative) text.remove_prefix(1);
    int64_t fen = 0;
    if (!parse_scaled(text, 2, max_fen, fen)) {
        text = original;
        return make_error(
            ErrorCode::bad_amount,
            "\"" + std::string(text) + "\" is not an amount: use yuan with at most two decimals, like 12.50");
    }
    return Money(negative ? -fen : fen);
}

std::string Money::to_string() const {
    uint64_t magnitude = fen_ < 0 ? uint64_t(0) - uint64_t(fen_) : uint64_t(fen_);
    std::string cents = std::to_string(magnitude % 100);
    if (cents.size() < 2) cents.insert(0, "0");
    return (fen_ < 0 ? "-" : "") + std::to_string(magnitude / 100) + "." + cents;
}

Result<Quantity> Quantity::parse(std::string_view text) {
    int64_t milli = 0;
    if (!parse_scaled(text, 3, max_quantity_milli, milli) || milli == 0) {
        return make_error(ErrorCode::bad_amount, "\"" + std::string(text) +
                                                     "\" is not a quantity: use a number above 0 and at most 99999, "
                                                     "with at most three decimals, like 2 or 0.350");
    }
    return Quantity(milli);
}

std::string Quantity::to_string() const {
    if (milli_ < 0) return "-" + Quantity(-milli_).to_string();  // a return's (红字) quantities
    std::string out = std::to_string(milli_ / 1000);
    int64_t frac = milli_ % 1000;
    if (frac == 0) return out;
    std::string digits = std::to_string(frac + 1000).substr(1);
    while (digits.back() == '0') digits.pop_back();
    return out + "." + digits;
}

Money extend_price(Money unit_price, Quantity quantity) {
    // Computed in 128 bits: fen × thousandths can pass int64 at the parse limits.
    __extension__ using wide = __int128;
    wide product = static_cast<wide>(unit_price.in_fen()) * quantity.in_milli();
    wide magnitude = product < 0 ? -product : product;
    wide rounded = (magnitude + 500) / 1000;
    return Money::fen(static_cast<int64_t>(product < 0 ? -rounded : rounded));
}

}  // namespace pos::core
