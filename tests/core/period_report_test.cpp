// Period bounds by the calendar (weeks from Monday, quarters, leap days, ranges) and days' figures
// added up into a period's.
#include <doctest/doctest.h>

#include "pos/core/period_report.hpp"

using namespace pos::core;

TEST_CASE("period bounds: a week from Monday, its previous week and 52 weeks before") {
    auto week = period_bounds("week", "2026-11-26");  // a Thursday
    REQUIRE(week);
    CHECK(week->first == "2026-11-23");
    CHECK(week->last == "2026-11-29");
    CHECK(week->previous_first == "2026-11-16");
    CHECK(week->previous_last == "2026-11-22");
    CHECK(week->last_year_first == "2025-11-24");
    CHECK(week->last_year_last == "2025-11-30");
    CHECK(weekday_of(week->last_year_first) == 0);
}

TEST_CASE("period bounds: months, quarters and years, leap days included") {
    auto month = period_bounds("month", "2028-02-10");
    REQUIRE(month);
    CHECK(month->first == "2028-02-01");
    CHECK(month->last == "2028-02-29");
    CHECK(month->previous_first == "2028-01-01");
    CHECK(month->previous_last == "2028-01-31");
    CHECK(month->last_year_first == "2027-02-01");
    CHECK(month->last_year_last == "2027-02-28");
    auto quarter = period_bounds("quarter", "2026-01-15");
    REQUIRE(quarter);
    CHECK(quarter->first == "2026-01-01");
    CHECK(quarter->last == "2026-03-31");
    CHECK(quarter->previous_first == "2025-10-01");
    CHECK(quarter->previous_last == "2025-12-31");
    auto year = period_bounds("year", "2026-07-04");
    REQUIRE(year);
    CHECK(year->first == "2026-01-01");
    CHECK(year->last == "2026-12-31");
    CHECK(year->last_year_first == "2025-01-01");
    CHECK(year->last_year_last == "2025-12-31");
    auto leap_day = period_bounds("day", "2028-02-29");
    REQUIRE(leap_day);
    CHECK(leap_day->previous_first == "2028-02-28");
    CHECK(leap_day->last_year_first == "2027-02-28");
    CHECK_FALSE(period_bounds("fortnight", "2026-11-26"));
}

TEST_CASE("range bounds: as many days just before, the same dates a year before") {
    auto range = range_bounds("2026-11-20", "2026-12-03");
    REQUIRE(range);
    CHECK(range->previous_first == "2026-11-06");
    CHECK(range->previous_last == "2026-11-19");
    CHECK(range->last_year_first == "2025-11-20");
    CHECK(range->last_year_last == "2025-12-03");
    CHECK(dates_between("2026-11-30", "2026-12-02") ==
          std::vector<std::string>{"2026-11-30", "2026-12-01", "2026-12-02"});
    CHECK_FALSE(range_bounds("2026-12-03", "2026-11-20"));
}

TEST_CASE("add_up: two days' figures summed key by key, the average over the whole period") {
    DayFigures monday, tuesday, holiday;
    monday.is_business_day = tuesday.is_business_day = true;
    monday.closed = tuesday.closed = true;
    monday.headline.net = Money::fen(1000);
    monday.headline.tickets = 1;
    tuesday.headline.net = Money::fen(2500);
    tuesday.headline.returns = Money::fen(500);
    tuesday.headline.tickets = 2;
    tuesday.headline.return_tickets = 1;
    monday.by_department = {{"饮料", Money::fen(1000), 1, 2000}};
    tuesday.by_department = {{"饮料", Money::fen(500), 1, 1000}, {"生鲜", Money::fen(2000), 1, 0}};
    monday.items = {{"101", "水", Money::fen(1000), 2000}};
    tuesday.items = {{"101", "水", Money::fen(500), 1000}};
    DayFigures week = add_up({monday, tuesday, holiday}, "2026-11-23");
    CHECK(week.day == "2026-11-23");
    CHECK(week.is_business_day);
    CHECK(week.closed);
    CHECK(week.headline.net.in_fen() == 3500);
    CHECK(week.headline.tickets == 3);
    CHECK(week.headline.average_ticket.in_fen() == 1333);  // (3500 + 500) / 3
    REQUIRE(week.by_department.size() == 2);
    CHECK(week.by_department[0].key == "生鲜");
    CHECK(week.by_department[1].net.in_fen() == 1500);
    CHECK(week.by_department[1].tickets == 2);
    CHECK(week.by_department[1].quantity_milli == 3000);
    REQUIRE(week.top_by_amount.size() == 1);
    CHECK(week.top_by_amount[0].net.in_fen() == 1500);
}
