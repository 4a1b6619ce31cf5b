// The daily report's figures from hand-made rows, every section checked against a hand computation.
#include <doctest/doctest.h>

#include <cstdio>

#include "pos/core/daily_report.hpp"

using namespace pos::core;

namespace {

Money m(int64_t fen) { return Money::fen(fen); }

// One business day, 2026-11-23, two lanes, three shifts:
//   shift A  lane 1  cashier 1001  opened 08:00  closed: expected 160.40 counted 160.00 (−0.40, signed 9001)
//   shift B  lane 2  cashier 1002  opened 08:30  closed: expected 148.00 counted 148.50 (+0.50, unsigned)
//   shift C  lane 2  cashier 1003  opened 14:00  not closed
//   s1 09:10 A  water 101001 ×3 6.00 + apples 107001 0.350 kg 4.48 = 10.48, 抹零 −0.08 → 10.40; cash 50.00, change 39.60
//   s2 09:40 A  5 L water 101002 ×2 18.00 − promotion 1.80 = 16.20; a voided water 2.00; card 16.20
//   s3 10:05 B  water ×1 2.00 at an overridden price; mobile 2.00
//   r1 10:30 B  return of an earlier day's water: −1, −2.00; cash −2.00
//   s4 14:20 C  apples 1.000 kg 12.80; card 12.80
//   movements: A no-sale (1001); B pay-in 50.00 (1002); C two no-sales (1003)
DayRows hand_day() {
    DayRows rows;
    rows.day = "2026-11-23";
    rows.is_business_day = true;
    rows.closed = true;
    rows.shifts = {{"A", 1, "1001", "2026-11-23T08:00:00+08:00"},
                   {"C", 2, "1003", "2026-11-23T14:00:00+08:00"},
                   {"B", 2, "1002", "2026-11-23T08:30:00+08:00"}};
    rows.sales = {
        {"s1", 1, "A", "1001", "2026-11-23T09:10:00+08:00", "sale", m(1040), m(-8), m(3960), 4000, "", ""},
        {"s2", 1, "A", "1001", "2026-11-23T09:40:00+08:00", "sale", m(1620), m(0), m(0), 2000, "", ""},
        {"s3", 2, "B", "1002", "2026-11-23T10:05:00+08:00", "sale", m(200), m(0), m(0), 1000, "", ""},
        {"r1", 2, "B", "1002", "2026-11-23T10:30:00+08:00", "return", m(-200), m(0), m(0), -1000, "old-1", "9001"},
        {"s4", 2, "C", "1003", "2026-11-23T14:20:00+08:00", "sale", m(1280), m(0), m(0), 1000, "", ""},
    };
    rows.lines = {
        {"s1", "item", "101001", "农夫山泉 550ml", "饮料", 3000, m(600), m(0), false, "", false, ""},
        {"s1", "item", "107001", "红富士苹果", "生鲜果蔬", 350, m(448), m(0), false, "", false, ""},
        {"s1", "rounding", "", "抹零", "", 1000, m(-8), m(0), false, "", false, ""},
        {"s2", "item", "101002", "农夫山泉 5L", "饮料", 2000, m(1620), m(180), false, "", false, ""},
        {"s2", "item", "101001", "农夫山泉 550ml", "饮料", 1000, m(200), m(0), true, "9001", false, ""},
        {"s3", "item", "101001", "农夫山泉 550ml", "饮料", 1000, m(200), m(0), false, "", true, "9001"},
        {"r1", "item", "101001", "农夫山泉 550ml", "饮料", -1000, m(-200), m(0), false, "", false, ""},
        {"s4", "item", "107001", "红富士苹果", "生鲜果蔬", 1000, m(1280), m(0), false, "", false, ""},
    };
    rows.tenders = {{"s1", "cash", m(5000)},
                    {"s2", "card", m(1620)},
                    {"s3", "mobile", m(200)},
                    {"r1", "cash", m(-200)},
                    {"s4", "card", m(1280)}};
    rows.movements = {{"A", 1, "no_sale", m(0), "1001"},
                      {"B", 2, "pay_in", m(5000), "1002"},
                      {"C", 2, "no_sale", m(0), "1003"},
                      {"C", 2, "no_sale", m(0), "1003"}};
    rows.closes = {{"A", m(16040), m(16000), "9001", "少四毛"}, {"B", m(14800), m(14850), "", ""}};
    return rows;
}

}  // namespace

TEST_CASE("daily_report: the headline of the hand-checked day") {
    DayFigures day = day_figures(hand_day());
    const Headline& h = day.headline;
    // gross = 10.48 + 18.00 + 2.00 + 12.80 (sale tickets, before promotions, voids left out)
    CHECK(h.gross == m(4328));
    CHECK(h.discounts == m(180));
    CHECK(h.rounding == m(-8));
    CHECK(h.returns == m(200));
    // net = 43.28 − 1.80 − 0.08 − 2.00 = 10.40 + 16.20 + 2.00 − 2.00 + 12.80
    CHECK(h.net == m(3940));
    CHECK(h.net == h.gross - h.discounts + h.rounding - h.returns);
    CHECK(h.tickets == 4);
    CHECK(h.return_tickets == 1);
    CHECK(h.items_milli == 8000);
    // (10.40 + 16.20 + 2.00 + 12.80) / 4 = 41.40 / 4
    CHECK(h.average_ticket == m(1035));
}

TEST_CASE("daily_report: by hour, department, cashier, lane and tender") {
    DayFigures day = day_figures(hand_day());
    // 09: s1 + s2; 10: s3 and the return cancel out; 14: s4
    REQUIRE(day.by_hour.size() == 3);
    CHECK(day.by_hour[0].key == "09");
    CHECK(day.by_hour[0].net == m(2660));
    CHECK(day.by_hour[0].tickets == 2);
    CHECK(day.by_hour[1].key == "10");
    CHECK(day.by_hour[1].net == m(0));
    CHECK(day.by_hour[1].tickets == 2);
    CHECK(day.by_hour[2].key == "14");
    CHECK(day.by_hour[2].net == m(1280));

    // 饮料 6.00 + 16.20 + 2.00 − 2.00 = 22.20, qty 3 + 2 + 1 − 1; 生鲜果蔬 4.48 + 12.80, qty 1.35
    // (together 39.48 = net 39.40 less the −0.08 抹零, which belongs to no department)
    REQUIRE(day.by_department.size() == 2);
    CHECK(day.by_department[0].key == "饮料");
    CHECK(day.by_department[0].net == m(2220));
    CHECK(day.by_department[0].quantity_milli == 5000);
    CHECK(day.by_department[0].tickets == 4);
    CHECK(day.by_department[1].key == "生鲜果蔬");
    CHECK(day.by_department[1].net == m(1728));
    CHECK(day.by_department[1].quantity_milli == 1350);

    // 1001: 10.40 + 16.20; 1003: 12.80; 1002: 2.00 − 2.00 (a return is not a ticket)
    REQUIRE(day.by_cashier.size() == 3);
    CHECK(day.by_cashier[0].key == "1001");
    CHECK(day.by_cashier[0].net == m(2660));
    CHECK(day.by_cashier[0].tickets == 2);
    CHECK(day.by_cashier[1].key == "1003");
    CHECK(day.by_cashier[1].net == m(1280));
    CHECK(day.by_cashier[2].key == "1002");
    CHECK(day.by_cashier[2].net == m(0));
    CHECK(day.by_cashier[2].tickets == 1);

    REQUIRE(day.by_lane.size() == 2);
    CHECK(day.by_lane[0].key == "1");
    CHECK(day.by_lane[0].net == m(2660));
    CHECK(day.by_lane[1].key == "2");
    CHECK(day.by_lane[1].net == m(1280));
    CHECK(day.by_lane[1].tickets == 2);

    // card 16.20 + 12.80; cash 50.00 − 39.60 change − 2.00 refunded; mobile 2.00 — adds up to 39.40
    REQUIRE(day.by_tender.size() == 3);
    CHECK(day.by_tender[0].key == "card");
    CHECK(day.by_tender[0].net == m(2900));
    CHECK(day.by_tender[1].key == "cash");
    CHECK(day.by_tender[1].net == m(840));
    CHECK(day.by_tender[1].tickets == 2);
    CHECK(day.by_tender[2].key == "mobile");
    CHECK(day.by_tender[2].net == m(200));
}

TEST_CASE("daily_report: top items, exceptions by cashier and cash by shift") {
    DayFigures day = day_figures(hand_day());
    // apples 4.48 + 12.80; 5 L 16.20; water 6.00 + 2.00 − 2.00 (the voided one left out)
    REQUIRE(day.top_by_amount.size() == 3);
    CHECK(day.top_by_amount[0].sku == "107001");
    CHECK(day.top_by_amount[0].net == m(1728));
    CHECK(day.top_by_amount[1].sku == "101002");
    CHECK(day.top_by_amount[1].net == m(1620));
    CHECK(day.top_by_amount[2].sku == "101001");
    CHECK(day.top_by_amount[2].net == m(600));
    CHECK(day.top_by_amount[2].name == "农夫山泉 550ml");
    REQUIRE(day.top_by_quantity.size() == 3);
    CHECK(day.top_by_quantity[0].sku == "101001");
    CHECK(day.top_by_quantity[0].quantity_milli == 3000);
    CHECK(day.top_by_quantity[1].sku == "101002");
    CHECK(day.top_by_quantity[2].sku == "107001");
    CHECK(day.top_by_quantity[2].quantity_milli == 1350);

    REQUIRE(day.exceptions.size() == 3);
    CHECK(day.exceptions[0].operator_id == "1001");
    CHECK(day.exceptions[0].voids == 1);
    CHECK(day.exceptions[0].voided_amount == m(200));
    CHECK(day.exceptions[0].no_sales == 1);
    CHECK(day.exceptions[1].operator_id == "1002");
    CHECK(day.exceptions[1].overrides == 1);
    CHECK(day.exceptions[1].returns == 1);
    CHECK(day.exceptions[1].returned_amount == m(200));
    CHECK(day.exceptions[1].no_sales == 0);
    CHECK(day.exceptions[2].operator_id == "1003");
    CHECK(day.exceptions[2].no_sales == 2);

    // by lane, then opening time: A, B, C
    REQUIRE(day.cash.size() == 3);
    CHECK(day.cash[0].shift_id == "A");
    CHECK(day.cash[0].variance == m(-40));
    CHECK(day.cash[0].signed_by == "9001");
    CHECK(day.cash[0].reason == "少四毛");
    CHECK(day.cash[1].shift_id == "B");
    CHECK(day.cash[1].variance == m(50));
    CHECK(day.cash[1].signed_by.empty());
    CHECK(day.cash[2].shift_id == "C");
    CHECK_FALSE(day.cash[2].closed);
    CHECK(day.cash_variance == m(10));
}

TEST_CASE("daily_report: an empty day is all zeros, with no average of nothing") {
    DayRows rows;
    rows.day = "2026-11-22";
    DayFigures day = day_figures(rows);
    CHECK(day.headline.net == m(0));
    CHECK(day.headline.tickets == 0);
    CHECK(day.headline.average_ticket == m(0));
    CHECK(day.by_hour.empty());
    CHECK(day.top_by_amount.empty());
    CHECK(day.cash.empty());
}

TEST_CASE("daily_report: only the top 20 items, ties broken by sku") {
    DayRows rows;
    rows.sales.push_back(
        {"s", 1, "A", "1001", "2026-11-23T09:00:00+08:00", "sale", m(2500), m(0), m(0), 25000, "", ""});
    for (int i = 0; i < 25; ++i) {
        char sku[8];
        std::snprintf(sku, sizeof sku, "%03d", 100 - i);
        rows.lines.push_back({"s", "item", sku, sku, "d", 1000, m(100), m(0), false, "", false, ""});
    }
    DayFigures day = day_figures(rows);
    REQUIRE(day.top_by_amount.size() == 20);
    CHECK(day.top_by_amount.front().sku == "076");
    CHECK(day.top_by_amount.back().sku == "095");
}

TEST_CASE("daily_report: deltas and percentages against an earlier day") {
    CHECK(delta(110, 100) == 10);
    CHECK(percent_tenths(110, 100) == 100);
    CHECK(percent_tenths(90, 100) == -100);
    CHECK(percent_tenths(1, 3) == -667);
    CHECK(percent_tenths(2, 3) == -333);
    CHECK(percent_tenths(5, 0) == std::nullopt);
    CHECK(percent_tenths(-50, -100) == 500);  // a smaller loss is an improvement
    CHECK(percent_text(100) == "+10.0%");
    CHECK(percent_text(-667) == "-66.7%");
    CHECK(percent_text(0) == "0.0%");
    CHECK(percent_text(std::nullopt) == "-");
}

TEST_CASE("daily_report: dates a day and a week before, and weekdays") {
    CHECK(date_minus_days("2026-11-23", 1) == "2026-11-22");
    CHECK(date_minus_days("2026-11-23", 7) == "2026-11-16");
    CHECK(date_minus_days("2026-03-01", 1) == "2026-02-28");
    CHECK(date_minus_days("2024-03-01", 1) == "2024-02-29");
    CHECK(date_minus_days("2026-01-03", 7) == "2025-12-27");
    CHECK(weekday_of("2026-11-23") == 0);  // a Monday
    CHECK(weekday_of("2026-11-29") == 6);
    CHECK(quantity_text(-1500) == "-1.5");
    CHECK(quantity_text(350) == "0.35");
}
