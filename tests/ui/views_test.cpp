// Display formats and the banknote buttons of the tender screen.
#include <doctest/doctest.h>

#include "pos/ui/views.hpp"

using pos::core::Money;
using pos::ui::money_text;
using pos::ui::quick_cash_amounts;

TEST_CASE("views: money shows with the yuan sign") {
    CHECK(money_text(Money::fen(1250)) == "¥12.50");
    CHECK(money_text(Money::fen(-5)) == "-¥0.05");
    CHECK(money_text(Money::fen(0)) == "¥0.00");
}

TEST_CASE("views: banknote buttons cover what is due") {
    auto yuan = [](std::initializer_list<int64_t> list) {
        std::vector<Money> out;
        for (int64_t y : list) out.push_back(Money::yuan(y));
        return out;
    };
    CHECK(quick_cash_amounts(Money::fen(950)) == yuan({50, 100}));
    CHECK(quick_cash_amounts(Money::yuan(50)) == yuan({50, 100}));
    CHECK(quick_cash_amounts(Money::fen(5001)) == yuan({100}));
    CHECK(quick_cash_amounts(Money::yuan(100)) == yuan({100}));
    CHECK(quick_cash_amounts(Money::fen(12345)) == yuan({200, 300}));
    CHECK(quick_cash_amounts(Money::yuan(300)) == yuan({300, 400}));
}
