// 抹零: each step and mode, refunds, and the never-to-zero rule.
#include <doctest/doctest.h>

#include "pos/core/cash_rounding.hpp"

using pos::core::CashRounding;
using pos::core::Money;
using pos::core::round_cash;

TEST_CASE("cash_rounding: table of steps and modes") {
    using Step = CashRounding::Step;
    using Mode = CashRounding::Mode;
    struct Case {
        int64_t due;
        Step step;
        Mode mode;
        int64_t expected;
    };
    for (Case c :
         {Case{1048, Step::jiao, Mode::down, 1040},                                                  // 抹分
          Case{1048, Step::jiao, Mode::nearest, 1050}, Case{1045, Step::jiao, Mode::nearest, 1050},  // half rounds up
          Case{1044, Step::jiao, Mode::nearest, 1040}, Case{1041, Step::jiao, Mode::up, 1050},
          Case{1040, Step::jiao, Mode::up, 1040}, Case{1098, Step::yuan, Mode::down, 1000},  // 抹角
          Case{1050, Step::yuan, Mode::nearest, 1100}, Case{1049, Step::yuan, Mode::nearest, 1000},
          Case{1048, Step::none, Mode::down, 1048}, Case{-1048, Step::jiao, Mode::down, -1040},  // refund: by magnitude
          Case{5, Step::jiao, Mode::down, 5},  // never rounds to nothing
          Case{98, Step::yuan, Mode::down, 98}, Case{0, Step::jiao, Mode::down, 0}}) {
        CAPTURE(c.due);
        CHECK(round_cash(Money::fen(c.due), CashRounding{c.step, c.mode}).in_fen() == c.expected);
    }
}

TEST_CASE("cash_rounding: config words") {
    CHECK(pos::core::parse_rounding_step("jiao") == CashRounding::Step::jiao);
    CHECK(pos::core::parse_rounding_step("yuan") == CashRounding::Step::yuan);
    CHECK_FALSE(pos::core::parse_rounding_step("fen").has_value());
    CHECK(pos::core::parse_rounding_mode("nearest") == CashRounding::Mode::nearest);
    CHECK_FALSE(pos::core::parse_rounding_mode("DOWN").has_value());
}
