// End of day (日结) through action scripts: blockers, forcing, the business-day rule across
// midnight, hand-checked totals, a second close, and sales that arrive after the close.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "db/store/day.hpp"
#include "sync/sync_worker.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/actions/setup/store_sync.hpp"
#include "tests/support/demo_day.hpp"
#include "tests/support/sync_lane.hpp"

using namespace pos::actions;
using nlohmann::json;

namespace {

struct DayLane : pos::testing::DemoLane {
    DayLane() : DemoLane("2026-11-23T09:00:00+08:00") {}

    std::string store_path() const { return dir.path() + "/store.db"; }

    // Sends the lane's outbox to store.db, as `posctl sync --once` does.
    void sync() {
        auto sink = store_sink_opener(dir.path(), files.config)();
        REQUIRE(sink.ok());
        auto outcome =
            pos::sync::sync_pass(*files.db, **sink, 50, [] { return std::string("2026-11-24T03:00:00+08:00"); });
        REQUIRE_FALSE(outcome.error.has_value());
    }

    int64_t store_count(const std::string& sql) const { return pos::testing::query_count(store_path(), sql); }

    json fails(const std::string& line, const char* code) {
        json result = run(line);
        CAPTURE(line);
        CAPTURE(result.dump());
        REQUIRE(result["ok"] == false);
        CHECK(result["error"]["code"] == code);
        return result;
    }
};

constexpr const char* water = "6921168176748";  // 2.00

void cash_sale(DayLane& s, const char* now) {
    s.ok(std::string(R"({"op":"scan","code":")") + water + "\"}");
    s.ok(std::string(R"({"op":"tender","method":"cash","amount":"2.00","now":")") + now + "\"}");
}

}  // namespace

TEST_CASE("end_of_day: refused with the list while a shift of the day is open, and nothing is locked") {
    DayLane s;
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    json shift = s.ok(R"({"op":"open_shift","float":"200.00","now":"2026-11-23T08:00:00+08:00"})");
    cash_sale(s, "2026-11-23T09:00:00+08:00");
    s.sync();
    json refused = s.fails(R"({"op":"end_of_day","now":"2026-11-23T22:00:00+08:00"})", "day_blocked");
    REQUIRE(refused["blockers"].size() == 1);
    CHECK(refused["blockers"][0]["kind"] == "open_shift");
    CHECK(refused["blockers"][0]["ref"] == shift["shift_id"]);
    CHECK(refused["error"]["message"].get<std::string>().find("business day 2026-11-23 cannot be closed yet: shift ") ==
          0);
    CHECK(s.store_count("SELECT count(*) FROM business_days") == 0);
}

TEST_CASE("end_of_day: refused while the lane has records the store has not received") {
    DayLane s;
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"0.00","now":"2026-11-23T08:00:00+08:00"})");
    s.sync();
    cash_sale(s, "2026-11-23T09:00:00+08:00");
    s.ok(R"({"op":"close_shift","counted":{"cash":{"1":2}},"now":"2026-11-23T21:00:00+08:00"})");
    json refused = s.fails(R"({"op":"end_of_day","now":"2026-11-23T22:00:00+08:00"})", "day_blocked");
    // The store has not seen the close either: the shift still counts as open there.
    REQUIRE(refused["blockers"].size() == 2);
    CHECK(refused["blockers"][0]["kind"] == "open_shift");
    CHECK(refused["blockers"][1]["kind"] == "unsynced");
    CHECK(refused["blockers"][1]["ref"] == "1");
    CHECK(refused["blockers"][1]["message"] ==
          "lane 1 has 2 record(s) not yet at the store (oldest 2026-11-23T09:00:00+08:00): run `posctl sync --once` on "
          "that lane");
    s.sync();
    json closed = s.ok(R"({"op":"end_of_day","now":"2026-11-23T22:00:00+08:00"})");
    CHECK(closed["day"] == "2026-11-23");
    CHECK(closed["forced"] == false);
    CHECK(closed["closed_by"] == "1001");
    CHECK(closed["totals"]["sales"] == 1);
}

TEST_CASE("end_of_day: a supervisor forces it with a reason, a cashier, a wrong PIN or no reason cannot") {
    DayLane s;
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    json shift = s.ok(R"({"op":"open_shift","float":"200.00","now":"2026-11-23T08:00:00+08:00"})");
    cash_sale(s, "2026-11-23T09:00:00+08:00");
    s.sync();
    s.fails(R"({"op":"end_of_day","force":true,"approver":"9001","pin":"999999","now":"2026-11-23T22:00:00+08:00"})",
            "bad_input");
    s.fails(
        R"({"op":"end_of_day","force":true,"reason":"x","approver":"1002","pin":"2345","now":"2026-11-23T22:00:00+08:00"})",
        "not_permitted");
    s.fails(
        R"({"op":"end_of_day","force":true,"reason":"x","approver":"9001","pin":"0000","now":"2026-11-23T22:00:00+08:00"})",
        "wrong_pin");
    s.fails(R"({"op":"end_of_day","force":true,"reason":"x","now":"2026-11-23T22:00:00+08:00"})", "approval_required");
    CHECK(s.store_count("SELECT count(*) FROM business_days") == 0);

    json forced = s.ok(
        R"({"op":"end_of_day","force":true,"reason":"收银员生病回家","approver":9001,"pin":"999999","now":"2026-11-23T22:00:00+08:00"})");
    CHECK(forced["day"] == "2026-11-23");
    CHECK(forced["forced"] == true);
    CHECK(forced["reason"] == "收银员生病回家");
    CHECK(forced["closed_by"] == "9001");
    REQUIRE(forced["forced_over"].size() == 1);
    CHECK(forced["forced_over"][0]["ref"] == shift["shift_id"]);
    CHECK(forced["totals"]["sales"] == 1);
    CHECK(s.store_count("SELECT count(*) FROM business_days WHERE forced_reason = '收银员生病回家'") == 1);
    // The store's act, in the store's own chain, not the lane's.
    CHECK(s.store_count("SELECT count(*) FROM store_audit WHERE kind = 'end_of_day_force' AND approver = '9001' AND "
                        "json_extract(detail, '$.reason') = '收银员生病回家'") == 1);
}

TEST_CASE("end_of_day: a shift crossing midnight belongs to the day it opened in") {
    DayLane s;
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"0.00","now":"2026-11-23T18:00:00+08:00"})");
    cash_sale(s, "2026-11-23T23:30:00+08:00");
    cash_sale(s, "2026-11-24T00:30:00+08:00");
    s.ok(R"({"op":"close_shift","counted":{"cash":{"1":4}},"now":"2026-11-24T01:00:00+08:00"})");
    s.sync();
    json closed = s.ok(R"({"op":"end_of_day","now":"2026-11-24T01:10:00+08:00"})");
    CHECK(closed["day"] == "2026-11-23");
    CHECK(closed["opened_at"] == "2026-11-23T18:00:00+08:00");
    CHECK(closed["totals"]["sales"] == 2);
    CHECK(closed["totals"]["net_sales"] == "4.00");

    // The next shift, the same morning, starts the next business day, named by its own date.
    s.ok(R"({"op":"open_shift","float":"0.00","now":"2026-11-24T08:00:00+08:00"})");
    s.sync();
    auto store = s.lane->open_day_store();
    REQUIRE(store.ok());
    auto day = s.lane->day_status(**store);
    REQUIRE(day.ok());
    CHECK(day->day.day == "2026-11-24");
    CHECK(day->day.shifts.size() == 1);
}

TEST_CASE("end_of_day: totals of two shifts, hand-checked, locked in store.db") {
    DayLane s;
    // Shift 1 (as in shift_close_test): four sales, every drawer movement.
    //   net 41.40 = cash 60.00 − change 44.60 (15.40) + card 24.00 + mobile 2.00; 抹零 −0.08
    //   expected cash 135.40, counted 135.00: variance −0.40 (reason and supervisor given)
    pos::testing::ring_the_day(s);
    s.ok(R"({"op":"close_shift","counted":{"cash":{"100":1,"20":1,"10":1,"5":1},"card":"24.00","mobile":"2.00"},
             "reason":"少四毛","approver":"9001","pin":"999999","now":"2026-11-23T14:00:00+08:00"})");
    s.ok(R"({"op":"logout"})");
    // Shift 2: float 100.00, one water 2.00 in cash, counted exactly 102.00.
    s.ok(R"({"op":"login","operator":"1002","pin":"2345"})");
    s.ok(R"({"op":"open_shift","float":"100.00","now":"2026-11-23T14:05:00+08:00"})");
    cash_sale(s, "2026-11-23T15:00:00+08:00");
    s.ok(R"({"op":"close_shift","counted":{"cash":{"100":1,"1":2}},"now":"2026-11-23T21:00:00+08:00"})");
    s.sync();

    json closed = s.ok(R"({"op":"end_of_day","approver":"9001","pin":"999999","now":"2026-11-23T22:00:00+08:00"})");
    CAPTURE(closed.dump());
    const json& t = closed["totals"];
    CHECK(closed["closed_by"] == "9001");
    CHECK(t["day"] == "2026-11-23");
    CHECK(t["shifts"] == 2);
    CHECK(t["sales"] == 5);
    CHECK(t["net_sales"] == "43.40");
    CHECK(t["rounding"] == "-0.08");
    CHECK(t["tenders"] == json{{"cash", "17.40"}, {"card", "24.00"}, {"mobile", "2.00"}});
    CHECK(t["pay_ins"] == "50.00");
    CHECK(t["pay_outs"] == "30.00");
    CHECK(t["pickups"] == "100.00");
    CHECK(t["no_sales"] == 1);
    CHECK(t["cash_variance"] == "-0.40");
    REQUIRE(t["variances"].size() == 2);
    CHECK(t["variances"][0]["operator"] == "1001");
    CHECK(t["variances"][0]["expected_cash"] == "135.40");
    CHECK(t["variances"][0]["counted_cash"] == "135.00");
    CHECK(t["variances"][0]["cash_variance"] == "-0.40");
    CHECK(t["variances"][0]["approver"] == "9001");
    CHECK(t["variances"][0]["reason"] == "少四毛");
    CHECK(t["variances"][1]["operator"] == "1002");
    CHECK(t["variances"][1]["cash_variance"] == "0.00");
    // Locked: the stored JSON is what was answered.
    CHECK(s.store_count("SELECT json_extract(totals, '$.sales') FROM business_days WHERE day = '2026-11-23'") == 5);
    CHECK(s.store_count("SELECT count(*) FROM business_day_shifts WHERE day = '2026-11-23'") == 2);
    CHECK(s.store_count("SELECT count(*) FROM cash_movements") == 4);
    CHECK(s.store_count("SELECT count(*) FROM shift_closes") == 2);
}

TEST_CASE("end_of_day: a second end of day for the same day is refused and changes nothing") {
    DayLane s;
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"0.00","now":"2026-11-23T08:00:00+08:00"})");
    cash_sale(s, "2026-11-23T09:00:00+08:00");
    s.ok(R"({"op":"close_shift","counted":{"cash":{"1":2}},"now":"2026-11-23T21:00:00+08:00"})");
    s.sync();
    s.ok(R"({"op":"end_of_day","now":"2026-11-23T22:00:00+08:00"})");
    json again = s.fails(
        R"({"op":"end_of_day","force":true,"reason":"again","approver":"9001","pin":"999999","now":"2026-11-23T22:05:00+08:00"})",
        "day_closed");
    CHECK(again["error"]["message"] ==
          "business day 2026-11-23 was already closed at 2026-11-23T22:00:00+08:00 by 1001, and no shift has opened "
          "since: "
          "there is nothing to close");
    CHECK(s.store_count("SELECT count(*) FROM business_days") == 1);

    // Locking the same day directly is refused by the store too.
    auto store = s.lane->open_day_store();
    REQUIRE(store.ok());
    pos::db::BusinessDayRecord twin{"2026-11-23", "t", "t", "x", "", "[]", "{}", 0, 0};
    auto locked = pos::db::lock_business_day(**store, twin, {}, 0);
    REQUIRE_FALSE(locked.ok());
    CHECK(locked.error().code == pos::db::DbErrorCode::constraint);

    // A shift opened later the same evening starts the next business day, not 2026-11-23 again.
    s.ok(R"({"op":"open_shift","float":"0.00","now":"2026-11-23T23:00:00+08:00"})");
    s.sync();
    auto day = s.lane->day_status(**store);
    REQUIRE(day.ok());
    CHECK(day->day.day == "2026-11-24");
}

TEST_CASE("end_of_day: a sale of a closed day that arrives later is stored and flagged late on that day") {
    DayLane s;
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"0.00","now":"2026-11-23T08:00:00+08:00"})");
    cash_sale(s, "2026-11-23T09:00:00+08:00");
    s.sync();
    s.ok(
        R"({"op":"end_of_day","force":true,"reason":"lane 1 left open","approver":"9001","pin":"999999","now":"2026-11-23T22:00:00+08:00"})");
    // The forced-over shift keeps selling; its sale belongs to the closed day.
    cash_sale(s, "2026-11-23T22:30:00+08:00");
    s.sync();
    CHECK(s.store_count("SELECT count(*) FROM sales") == 2);
    CHECK(s.store_count("SELECT late_sales FROM business_days WHERE day = '2026-11-23'") == 1);
    CHECK(s.store_count("SELECT late_net_fen FROM business_days WHERE day = '2026-11-23'") == 200);
    CHECK(s.store_count("SELECT count(*) FROM late_sales WHERE day = '2026-11-23'") == 1);
    // The locked totals did not move.
    CHECK(s.store_count("SELECT json_extract(totals, '$.sales') FROM business_days WHERE day = '2026-11-23'") == 1);

    // The next day's sales are not late.
    s.ok(R"({"op":"close_shift","counted":{"cash":{"1":4}},"now":"2026-11-23T23:00:00+08:00"})");
    s.ok(R"({"op":"open_shift","float":"0.00","now":"2026-11-24T08:00:00+08:00"})");
    cash_sale(s, "2026-11-24T09:00:00+08:00");
    s.sync();
    CHECK(s.store_count("SELECT count(*) FROM late_sales") == 1);
    auto store = s.lane->open_day_store();
    REQUIRE(store.ok());
    auto late = pos::db::late_sales_of_day(**store, "2026-11-23");
    REQUIRE(late.ok());
    REQUIRE(late->size() == 1);
    CHECK(late->front().total_fen == 200);
}
