// The business-day rule, the end-of-day blockers and the day's totals, as pure functions.
#include <doctest/doctest.h>

#include "pos/core/business_day.hpp"

using namespace pos::core;

TEST_CASE("business_day: instant_of reads ISO 8601 times with their offsets") {
    CHECK(instant_of("1970-01-01T00:00:00Z") == 0);
    CHECK(instant_of("1970-01-01T08:00:00+08:00") == 0);
    CHECK(instant_of("2026-11-23T23:30:00+08:00") == instant_of("2026-11-23T15:30:00Z"));
    CHECK(instant_of("2026-11-24T00:30:00+08:00").value() - instant_of("2026-11-23T23:30:00+08:00").value() == 3600);
    CHECK(instant_of("2024-02-29T12:00:00-05:00") == instant_of("2024-02-29T17:00:00Z"));
    CHECK_FALSE(instant_of("2026-11-23").has_value());
    CHECK_FALSE(instant_of("2026-02-29T10:00:00+08:00").has_value());
    CHECK_FALSE(instant_of("2026-11-23T24:00:00+08:00").has_value());
    CHECK_FALSE(instant_of("2026-11-23T10:00:00+0800").has_value());
    CHECK_FALSE(instant_of("2026-11-23 10:00:00+08:00").has_value());
}

TEST_CASE("business_day: next_date crosses month, year and leap days") {
    CHECK(next_date("2026-11-23") == "2026-11-24");
    CHECK(next_date("2026-11-30") == "2026-12-01");
    CHECK(next_date("2026-12-31") == "2027-01-01");
    CHECK(next_date("2024-02-28") == "2024-02-29");
    CHECK(next_date("2026-02-28") == "2026-03-01");
}

TEST_CASE("business_day: a moment belongs to the first closed day whose close came after it") {
    std::vector<ClosedDay> closed = {{"2026-11-24", "2026-11-25T01:00:00+08:00"},
                                     {"2026-11-23", "2026-11-23T22:00:00+08:00"}};
    CHECK(closed_day_of("2026-11-23T08:00:00+08:00", closed) == "2026-11-23");
    CHECK(closed_day_of("2026-11-23T21:59:59+08:00", closed) == "2026-11-23");
    CHECK(closed_day_of("2026-11-23T22:00:00+08:00", closed) == "2026-11-24");  // at the close: the next day
    CHECK(closed_day_of("2026-11-24T23:50:00+08:00", closed) == "2026-11-24");
    CHECK(closed_day_of("2026-11-25T00:59:00+08:00", closed) == "2026-11-24");  // after midnight, before its close
    CHECK_FALSE(closed_day_of("2026-11-25T08:00:00+08:00", closed).has_value());
    // Offsets are compared as instants: 14:30Z is 22:30 in Beijing, after the 22:00 close.
    CHECK(closed_day_of("2026-11-23T14:30:00Z", closed) == "2026-11-24");
}

TEST_CASE("business_day: the open day is named by its first shift's local date, after the last closed day") {
    std::vector<DayShift> shifts = {{"b", 1, "1002", "2026-11-24T14:00:00+08:00", false},
                                    {"a", 1, "1001", "2026-11-23T18:00:00+08:00", true},
                                    {"old", 2, "1003", "2026-11-22T08:00:00+08:00", true}};
    std::vector<ClosedDay> closed = {{"2026-11-22", "2026-11-22T22:00:00+08:00"}};
    OpenDay day = open_business_day(shifts, closed);
    CHECK(day.day == "2026-11-23");  // the shift crossing midnight and the next afternoon's: one day until closed
    CHECK(day.opened_at == "2026-11-23T18:00:00+08:00");
    REQUIRE(day.shifts.size() == 2);
    CHECK(day.shifts[0].id == "a");
    CHECK(day.shifts[1].id == "b");

    // End of day at 22:00 on the 23rd, then a shift at 23:00 the same date: the 24th.
    OpenDay late = open_business_day({{"c", 1, "1001", "2026-11-23T23:00:00+08:00", false}},
                                     {{"2026-11-23", "2026-11-23T22:00:00+08:00"}});
    CHECK(late.day == "2026-11-24");
    CHECK(open_business_day({}, closed).day.empty());
}

TEST_CASE("business_day: blockers list every open shift and every lane with unsynced records") {
    OpenDay day{
        "2026-11-23",
        "2026-11-23T08:00:00+08:00",
        {{"s1", 1, "1001", "2026-11-23T08:00:00+08:00", true}, {"s2", 2, "1002", "2026-11-23T09:00:00+08:00", false}}};
    auto blockers = day_blockers(day, {{1, 0, std::nullopt}, {2, 3, "2026-11-23T10:00:00+08:00"}});
    REQUIRE(blockers.size() == 2);
    CHECK(blockers[0].kind == "open_shift");
    CHECK(blockers[0].message ==
          "shift s2 on lane 2 (operator 1002, opened 2026-11-23T09:00:00+08:00) is still open: close it (交班) first");
    CHECK(blockers[1].kind == "unsynced");
    CHECK(blockers[1].ref == "2");
    CHECK(day_blockers({}, {}).front().kind == "no_shifts");
    day.shifts[1].closed = true;
    CHECK(day_blockers(day, {{1, 0, std::nullopt}}).empty());
}

TEST_CASE("business_day: day_totals adds sales per tender (cash net of change), drawer movements and variances") {
    std::vector<DaySale> sales = {
        {"s1", Money::fen(1040), Money::fen(-8), Money::fen(3960), {{"cash", Money::fen(5000)}}},
        {"s1", Money::fen(2000), Money{}, Money::fen(500), {{"card", Money::fen(1500)}, {"cash", Money::fen(1000)}}},
        {"s2", Money::fen(900), Money{}, Money{}, {{"mobile", Money::fen(900)}}},
    };
    std::vector<DayMovement> movements = {{"s1", "pay_in", Money::fen(5000)},
                                          {"s1", "pay_out", Money::fen(3000)},
                                          {"s2", "pickup", Money::fen(10000)},
                                          {"s2", "no_sale", Money{}}};
    std::vector<DayShiftClose> closes = {
        {"s1", 1, "1001", "t", Money::fen(13540), Money::fen(13500), Money::fen(40), "9001", "少四毛"},
        {"s2", 2, "1002", "t", Money::fen(10000), Money::fen(10010), Money::fen(10), "", ""}};
    DayTotals totals = day_totals(2, sales, movements, closes);
    CHECK(totals.shifts == 2);
    CHECK(totals.sales == 3);
    CHECK(totals.net_sales == Money::fen(3940));
    CHECK(totals.rounding == Money::fen(-8));
    CHECK(totals.tenders.at("cash") == Money::fen(5000 + 1000 - 3960 - 500));
    CHECK(totals.tenders.at("card") == Money::fen(1500));
    CHECK(totals.tenders.at("mobile") == Money::fen(900));
    CHECK(totals.tenders.at("cash") + totals.tenders.at("card") + totals.tenders.at("mobile") == totals.net_sales);
    CHECK(totals.pay_ins == Money::fen(5000));
    CHECK(totals.pay_outs == Money::fen(3000));
    CHECK(totals.pickups == Money::fen(10000));
    CHECK(totals.no_sales == 1);
    REQUIRE(totals.variances.size() == 2);
    CHECK(totals.variances[0].cash_variance == Money::fen(-40));
    CHECK(totals.variances[1].cash_variance == Money::fen(10));
    CHECK(totals.cash_variance == Money::fen(-30));
}
