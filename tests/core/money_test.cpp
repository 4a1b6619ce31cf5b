// Money and Quantity: parsing, formatting and the per-line rounding rule.
#include <doctest/doctest.h>

#include "pos/core/money.hpp"

using pos::core::ErrorCode;
using pos::core::extend_price;
using pos::core::Money;
using pos::core::Quantity;

TEST_CASE("money: parses decimal yuan into fen") {
    struct Case {
        const char* text;
        int64_t fen;
    };
    for (Case c : {Case{"12.50", 1250}, Case{"12.5", 1250}, Case{"12", 1200}, Case{"0.01", 1}, Case{"0", 0},
                   Case{"-3.00", -300}, Case{"007.10", 710}, Case{"9999999999.99", 999999999999}}) {
        CAPTURE(c.text);
        auto parsed = Money::parse(c.text);
        REQUIRE(parsed.ok());
        CHECK(parsed->in_fen() == c.fen);
    }
}

TEST_CASE("money: rejects junk, extra decimals and overflow") {
    for (const char* text : {"", "abc", "1.234", "12.", ".5", "1,50", "1 000", "+5", "--1", "12.5x", "1e3",
                             "10000000000.01", "99999999999999999999999"}) {
        std::string shown = text;
        CAPTURE(shown);
        auto parsed = Money::parse(text);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().code == ErrorCode::bad_amount);
    }
    CHECK(Money::parse("1.234").error().message ==
          "\"1.234\" is not an amount: use yuan with at most two decimals, like 12.50");
}

TEST_CASE("money: formats as a decimal string") {
    CHECK(Money::fen(1250).to_string() == "12.50");
    CHECK(Money::fen(5).to_string() == "0.05");
    CHECK(Money::fen(0).to_string() == "0.00");
    CHECK(Money::fen(-8).to_string() == "-0.08");
    CHECK(Money::fen(-1234).to_string() == "-12.34");
    CHECK(Money::yuan(100).to_string() == "100.00");
}

TEST_CASE("money: quantities in thousandths") {
    CHECK(Quantity::parse("3")->in_milli() == 3000);
    CHECK(Quantity::parse("0.350")->in_milli() == 350);
    CHECK(Quantity::parse("1.5")->in_milli() == 1500);
    CHECK(Quantity::milli(350).to_string() == "0.35");
    CHECK(Quantity::milli(3000).to_string() == "3");
    CHECK(Quantity::milli(1005).to_string() == "1.005");
    CHECK(Quantity::milli(-350).to_string() == "-0.35");  // a return's quantities are negative
    CHECK(Quantity::milli(-2000).to_string() == "-2");
    for (const char* text : {"0", "-1", "0.0001", "abc", "100000", ""}) {
        std::string shown = text;
        CAPTURE(shown);
        CHECK_FALSE(Quantity::parse(text).ok());
    }
}

TEST_CASE("money: extend_price rounds half up per line") {
    struct Case {
        int64_t price_fen;
        int64_t milli;
        int64_t amount_fen;
    };
    for (Case c : {Case{200, 3000, 600},                   // 3 × 2.00
                   Case{1280, 350, 448},                   // 0.350 kg × 12.80 = 4.48
                   Case{999, 333, 333},                    // 3.32667 -> 3.33
                   Case{1000, 125, 125},                   // exact
                   Case{1, 500, 1},                        // 0.005 -> 0.01 (half up)
                   Case{1, 499, 0}, Case{-1, 500, -1}}) {  // away from zero for refunds
        CAPTURE(c.price_fen);
        CAPTURE(c.milli);
        CHECK(extend_price(Money::fen(c.price_fen), Quantity::milli(c.milli)).in_fen() == c.amount_fen);
    }
    // No overflow at the parse limits.
    CHECK(extend_price(Money::fen(1'000'000'000'000), Quantity::milli(99'999'000)).in_fen() == 99'999'000'000'000'000);
}
