// Cash rounding (抹零) as a pure function of the amount due.
#include "pos/core/cash_rounding.hpp"

namespace pos::core {

Money round_cash(Money due, CashRounding rounding) {
    int64_t unit = 1;
    switch (rounding.step) {
        case CashRounding::Step::none: return due;
        case CashRounding::Step::jiao: unit = 10; break;
        case CashRounding::Step::yuan: unit = 100; break;
    }
    bool negative = due.is_negative();
    int64_t magnitude = negative ? -due.in_fen() : due.in_fen();
    int64_t below = magnitude % unit;
    int64_t rounded = magnitude - below;
    switch (rounding.mode) {
        case CashRounding::Mode::down: break;
        case CashRounding::Mode::nearest:
            if (below * 2 >= unit) rounded += unit;
            break;
        case CashRounding::Mode::up:
            if (below > 0) rounded += unit;
            break;
    }
    // Rounding a small amount to nothing would give the goods away: ask for it exactly.
    if (rounded == 0) return due;
    return Money::fen(negative ? -rounded : rounded);
}

std::optional<CashRounding::Step> parse_rounding_step(std::string_view word) {
    if (word == "none") return CashRounding::Step::none;
    if (word == "jiao") return CashRounding::Step::jiao;
    if (word == "yuan") return CashRounding::Step::yuan;
    return std::nullopt;
}

std::optional<CashRounding::Mode> parse_rounding_mode(std::string_view word) {
    if (word == "down") return CashRounding::Mode::down;
    if (word == "nearest") return CashRounding::Mode::nearest;
    if (word == "up") return CashRounding::Mode::up;
    return std::nullopt;
}

}  // namespace pos::core
