// The progress line of long commands: done, rate and time left, by hand-computed cases.
#include <doctest/doctest.h>

#include "pos/core/progress.hpp"

using namespace pos::core;

TEST_CASE("progress: done of total with percent, rate and time left") {
    CHECK(format_progress(412000, 1000000, 8.0, "rows") == "412,000 / 1,000,000 rows (41%), 51,500 rows/s, 11 s left");
    CHECK(format_progress(250, 1000, 0.5, "days") == "250 / 1,000 days (25%), 500 days/s, 2 s left");
    CHECK(format_progress(1000000, 1000000, 20.0, "rows") == "1,000,000 / 1,000,000 rows (100%), 50,000 rows/s");
}

TEST_CASE("progress: a rate below ten keeps one decimal") {
    CHECK(format_progress(120, 365, 38.7, "days") == "120 / 365 days (32%), 3.1 days/s, 1 min 19 s left");
    CHECK(format_progress(1, 365, 5.0, "days") == "1 / 365 days (0%), 0.2 days/s, 30 min 20 s left");
}

TEST_CASE("progress: nothing done yet or no time passed shows no rate") {
    CHECK(format_progress(0, 1000000, 3.0, "rows") == "0 / 1,000,000 rows (0%)");
    CHECK(format_progress(10, 1000000, 0.0, "rows") == "10 / 1,000,000 rows (0%)");
}

TEST_CASE("progress: an unknown total shows what is done and the rate only") {
    CHECK(format_progress(5000, 0, 2.0, "sales") == "5,000 sales, 2,500 sales/s");
}

TEST_CASE("progress: more done than announced stays at 100 percent") {
    CHECK(format_progress(1200, 1000, 1.0, "rows") == "1,200 / 1,000 rows (100%), 1,200 rows/s");
}

TEST_CASE("progress: durations as a person reads them") {
    CHECK(format_duration(0.2) == "<1 s");
    CHECK(format_duration(42.4) == "42 s");
    CHECK(format_duration(185) == "3 min 05 s");
    CHECK(format_duration(7620) == "2 h 07 min");
    CHECK(group_thousands(999) == "999");
    CHECK(group_thousands(1000) == "1,000");
    CHECK(group_thousands(-1234567) == "-1,234,567");
}
