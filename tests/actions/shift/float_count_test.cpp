// The float counted by denomination at open shift: kept with the shift and shown on its report.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "pos/actions/scripts/session.hpp"
#include "tests/support/demo_lane.hpp"

using nlohmann::json;

TEST_CASE("float_count: open_shift takes counts per denomination, their total is the float, the X report lists them") {
    pos::testing::DemoLane demo;
    REQUIRE(demo.run(R"({"op":"login","operator":"1001","pin":"1234"})")["ok"] == true);
    json opened = demo.run(R"({"op":"open_shift","float":{"100":1,"50":2,"0.5":4}})");
    CAPTURE(opened.dump());
    REQUIRE(opened["ok"] == true);
    CHECK(opened["float"] == "202.00");
    CHECK(opened["float_counts"] == json{{"100.00", 1}, {"50.00", 2}, {"0.50", 4}});
    json report = demo.run(R"({"op":"x_report"})");
    CAPTURE(report.dump());
    CHECK(report["float"] == "202.00");
    CHECK(report["float_counts"] == json{{"100.00", 1}, {"50.00", 2}, {"0.50", 4}});
}

TEST_CASE("float_count: a denomination that is not CNY is refused and no shift opens") {
    pos::testing::DemoLane demo;
    REQUIRE(demo.run(R"({"op":"login","operator":"1001","pin":"1234"})")["ok"] == true);
    json refused = demo.run(R"({"op":"open_shift","float":{"100":1,"3":2}})");
    CAPTURE(refused.dump());
    CHECK(refused["ok"] == false);
    json typed = demo.run(R"({"op":"open_shift","float":"200.00"})");
    CHECK(typed["ok"] == true);
    CHECK_FALSE(typed.contains("float_counts"));
    json report = demo.run(R"({"op":"x_report"})");
    CHECK_FALSE(report.contains("float_counts"));  // typed total: no counts kept
}
