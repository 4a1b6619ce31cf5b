// 抹零: rounding the amount a customer pays in cash (never card or mobile) to 0.1 or 1 yuan.
#pragma once

#include <optional>
#include <string_view>

#include "pos/core/money.hpp"

namespace pos::core {

struct CashRounding {
    enum class Step { none, jiao, yuan };   // to 0.1 yuan or to 1 yuan
    enum class Mode { down, nearest, up };  // down = 抹零 in the customer's favour (the norm)
    Step step = Step::jiao;
    Mode mode = Mode::down;
};

// The cash amount to ask for when `due` is owed. Negative amounts (refunds) round by magnitude;
// an amount that would round to zero is asked for exactly.
[[nodiscard]] Money round_cash(Money due, CashRounding rounding);

// Parses the config words "none", "jiao", "yuan" and "down", "nearest", "up".
[[nodiscard]] std::optional<CashRounding::Step> parse_rounding_step(std::string_view word);
[[nodiscard]] std::optional<CashRounding::Mode> parse_rounding_mode(std::string_view word);

}  // namespace pos::core
