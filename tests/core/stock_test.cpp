// Stock ledger arithmetic, checked by hand: moving average cost, issues at average, count
// variances with sales between snapshot and count, suggested orders.
#include <doctest/doctest.h>

#include "pos/core/stock.hpp"

using namespace pos::core;

TEST_CASE("stock: receipts move the average, issues are valued at it") {
    StockPosition p;
    p = receive(p, 10'000, Money::fen(200));  // 10 at 2.00
    CHECK(p.on_hand_milli == 10'000);
    CHECK(p.value_fen == 2000);
    CHECK(p.unit_cost_fen == 200);
    p = receive(p, 5'000, Money::fen(260));  // 5 at 2.60: (20.00 + 13.00) / 15 = 2.20
    CHECK(p.value_fen == 3300);
    CHECK(p.unit_cost_fen == 220);
    p = move_at_average(p, -3'000);  // 3 sold: 12 left at 2.20
    CHECK(p.on_hand_milli == 12'000);
    CHECK(p.value_fen == 2640);
    CHECK(p.unit_cost_fen == 220);
    p = move_at_average(p, 1'000);  // 1 returned to stock
    CHECK(p.value_fen == 2860);
}

TEST_CASE("stock: weighed goods in grams, a cost that does not divide rounds half up") {
    StockPosition p = receive({}, 2'500, Money::fen(1'199));  // 2.5 kg at 11.99/kg = 29.975 -> 29.98
    CHECK(p.value_fen == 2998);
    p = receive(p, 1'000, Money::fen(1'300));  // +1 kg at 13.00: 42.98 / 3.5 kg = 12.28/kg
    CHECK(p.value_fen == 4298);
    CHECK(p.unit_cost_fen == 1228);
    CHECK(stock_value(333, 100).in_fen() == 33);  // 0.333 × 1.00
    CHECK(stock_value(335, 100).in_fen() == 34);  // 0.335 × 1.00 = 33.5 fen -> 34
    CHECK(stock_value(-335, 100).in_fen() == -34);
}

TEST_CASE("stock: issues take their share of the value, so rounding never makes or loses money") {
    // 2 at 0.02 and 1 at 0.01: 0.05 for 3 (average 0.0167, shown as 0.02).
    StockPosition p = receive(receive({}, 2'000, Money::fen(2)), 1'000, Money::fen(1));
    CHECK(p.value_fen == 5);
    CHECK(p.unit_cost_fen == 2);
    StockPosition after = move_at_average(p, -1'000);
    CHECK(after.value_fen == 3);  // 5 × 1/3 = 1.67 -> 2 out, 3 left
    StockPosition empty = move_at_average(after, -2'000);
    CHECK(empty.value_fen == 0);  // the last two take the 3 left: 2 + 3 = 5, what was paid
}

TEST_CASE("stock: sold before it was booked in, then received: the new cost sets the average") {
    StockPosition p = move_at_average({}, -2'000);
    CHECK(p.on_hand_milli == -2'000);
    p = receive(p, 10'000, Money::fen(150));
    CHECK(p.on_hand_milli == 8'000);
    CHECK(p.unit_cost_fen == 150);
    CHECK(p.value_fen == 1200);
    p = move_at_average(p, -8'000);  // the last unit out takes the value with it
    CHECK(p.value_fen == 0);
    CHECK(p.unit_cost_fen == 150);
}

TEST_CASE("stock: a count during trading: sales between snapshot and count are not a shortage") {
    // Snapshot 50 at the count's start; 4 sold before the counter reached the shelf; 45 counted.
    CountVariance v = count_variance(50'000, -4'000, 45'000, 220);
    CHECK(v.expected_milli == 46'000);
    CHECK(v.difference_milli == -1'000);
    CHECK(v.value.in_fen() == -220);
    CountVariance surplus = count_variance(1'200, 0, 1'350, 1'228);  // weighed: 150 g more than booked
    CHECK(surplus.difference_milli == 150);
    CHECK(surplus.value.in_fen() == 184);  // 0.150 × 12.28 = 1.842
}

TEST_CASE("stock: the suggested order covers the days ahead and the threshold, in whole packs") {
    // 56 sold in 28 days = 2 a day; a week's cover is 14, threshold 6: 20 wanted, 5 on hand, 3 coming.
    // 20 − 8 = 12 needed: in cases of 10, two cases.
    ReplenishmentFacts facts{56'000, 28, 7, 5'000, 3'000, 6'000, 10'000};
    CHECK(suggested_order_milli(facts) == 20'000);
    facts.pack_milli = 1'000;
    CHECK(suggested_order_milli(facts) == 12'000);
    facts.on_hand_milli = 30'000;
    CHECK(suggested_order_milli(facts) == 0);               // enough on hand: nothing
    ReplenishmentFacts slow{1'000, 28, 7, 0, 0, 0, 1'000};  // one sold in four weeks: a quarter needed -> 1
    CHECK(suggested_order_milli(slow) == 1'000);
    CHECK(suggested_order_milli(ReplenishmentFacts{0, 0, 7, 0, 0, 0, 1'000}) == 0);
}

TEST_CASE("stock: reading a ledger through post_movement gives the moving average by hand") {
    // opening 10 at 1.50; receipt 20 at 1.80: 45.00 / 30 = 1.50·10+1.80·20 → 51.00 / 30 = 1.70;
    // a sale of 3 takes 5.10; a return of 1 puts back 1.70; a count finds one short (−1.70).
    StockPosition p;
    p = post_movement(p, 10'000, 150);
    p = post_movement(p, 20'000, 180);
    CHECK(p.value_fen == 5100);
    CHECK(p.unit_cost_fen == 170);
    p = post_movement(p, -3'000, std::nullopt);
    CHECK(p.value_fen == 4590);
    p = post_movement(p, 1'000, std::nullopt);
    CHECK(p.value_fen == 4760);
    p = post_movement(p, -1'000, std::nullopt);
    CHECK(p.on_hand_milli == 27'000);
    CHECK(p.value_fen == 4590);
}

TEST_CASE("stock: a checked delivery line is booked as received, short or over against the note") {
    DeliveryLineCheck short_line = check_delivery_line(24'000, 20'000, 1'000);
    CHECK(short_line.booked_milli == 20'000);
    CHECK(short_line.short_milli == 3'000);
    CHECK(short_line.over_milli == 0);
    CHECK(short_line.damaged_milli == 1'000);
    DeliveryLineCheck over = check_delivery_line(12'000, 13'000, 0);
    CHECK(over.over_milli == 1'000);
    CHECK(over.short_milli == 0);
}

TEST_CASE("stock: quantities on sheets are whole units, or kilograms for weighed goods") {
    CHECK(parse_stock_quantity("12", false).value() == 12'000);
    CHECK(parse_stock_quantity("0", false).value() == 0);
    CHECK(parse_stock_quantity("1.25", true).value() == 1'250);
    CHECK(parse_stock_quantity("0.005", true).value() == 5);
    CHECK(parse_stock_quantity("3", true).value() == 3'000);
    CHECK(parse_stock_quantity("1.5", false).error().message ==
          "\"1.5\" is not a whole number: counted goods are written in units, like 12");
    CHECK(parse_stock_quantity("1.2345", true).error().message ==
          "\"1.2345\" has to be kilograms with at most three decimals, like 1.250");
    CHECK(parse_stock_quantity("-1", false).error().message == "\"-1\" is not a quantity: write whole units like 12");
    CHECK_FALSE(parse_stock_quantity("", true));
    CHECK_FALSE(parse_stock_quantity("1e3", false));
    CHECK_FALSE(parse_stock_quantity("9999999999", false));
    CHECK(stock_quantity_text(12'000, false) == "12");
    CHECK(stock_quantity_text(-1'250, true) == "-1.250");
    CHECK(stock_quantity_text(1'500, false) == "1.500");
}
