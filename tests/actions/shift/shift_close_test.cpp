// Shift close (交班) through action scripts: hand-checked expected cash, variances, sign-off.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "tests/support/demo_day.hpp"

using namespace pos::actions;
using nlohmann::json;
using pos::testing::ring_the_day;

namespace {

struct ShiftLane : pos::testing::DemoLane {
    ShiftLane() : DemoLane("2026-11-23T18:00:00+08:00") {}
};

}  // namespace

TEST_CASE("shift_close: the X report adds up a day of sales and drawer movements") {
    ShiftLane s;
    ring_the_day(s);
    // The cashier's own X report keeps the blind count blind: no expected cash.
    CHECK_FALSE(s.ok(R"({"op":"x_report"})").contains("expected_cash"));
    s.ok(R"({"op":"logout"})");
    s.ok(R"({"op":"login","operator":"9001","pin":"999999"})");
    json x = s.run(R"({"op":"x_report"})");
    CAPTURE(x.dump());
    CHECK(x["kind"] == "X");
    CHECK(x["sales"] == 4);
    CHECK(x["net_sales"] == "41.40");
    CHECK(x["rounding"] == "-0.08");
    CHECK(x["cash_tendered"] == "60.00");
    CHECK(x["change_given"] == "44.60");
    CHECK(x["pay_ins"] == "50.00");
    CHECK(x["pay_outs"] == "30.00");
    CHECK(x["pickups"] == "100.00");
    CHECK(x["expected_cash"] == "135.40");
    CHECK(x["non_cash"]["card"] == "24.00");
    CHECK(x["non_cash"]["mobile"] == "2.00");
    CHECK(x["no_sales"] == 1);
}

TEST_CASE("shift_close: an exact blind count closes without a supervisor") {
    ShiftLane s;
    ring_the_day(s);
    json z = s.run(
        R"({"op":"close_shift","counted":{"cash":{"100":1,"20":1,"10":1,"5":1,"0.1":4},"card":"24.00","mobile":"2.00"}})");
    CAPTURE(z.dump());
    REQUIRE(z["ok"] == true);
    CHECK(z["kind"] == "Z");
    CHECK(z["close"]["largest_variance"] == "0.00");
    CHECK(z["close"]["tenders"][0]["tender"] == "cash");
    CHECK(z["close"]["tenders"][0]["expected"] == "135.40");
    CHECK(z["close"]["tenders"][0]["counted"] == "135.40");
    CHECK(z["close"]["tenders"][0]["variance"] == "0.00");
    // Closed: no more selling, and closing twice is refused.
    CHECK(s.run(R"({"op":"scan","code":"6921168176748"})")["error"]["code"] == "no_shift");
    CHECK(s.run(R"({"op":"close_shift","counted":{"cash":{"100":1}}})")["error"]["code"] == "no_shift");
}

TEST_CASE("shift_close: a short drawer needs a reason and a supervisor, and a refusal changes nothing") {
    ShiftLane s;
    ring_the_day(s);
    const std::string count = R"("counted":{"cash":{"100":1,"10":1,"5":1,"0.1":4},"card":"24.00","mobile":"2.00"})";
    json no_reason = s.run(R"({"op":"close_shift",)" + count + "}");
    CHECK(no_reason["error"]["code"] == "bad_input");
    CHECK(no_reason["error"]["message"] ==
          "the count is off by up to 20.00: enter a reason, then a supervisor signs off");
    CHECK(s.run(R"({"op":"close_shift",)" + count + R"(,"reason":"找错零钱"})")["error"]["code"] ==
          "approval_required");
    CHECK(s.run(R"({"op":"close_shift",)" + count +
                R"(,"reason":"找错零钱","approver":"9001","pin":"0000"})")["error"]["code"] == "wrong_pin");
    CHECK(s.run(R"({"op":"close_shift",)" + count +
                R"(,"reason":"找错零钱","approver":"1002","pin":"2345"})")["error"]["code"] == "not_permitted");
    // Still open after all those refusals, and the blind count stands: a recount is refused.
    CHECK(s.run(R"({"op":"x_report"})")["kind"] == "X");
    json recount = s.run(
        R"({"op":"close_shift","counted":{"cash":{"100":1,"20":1,"10":1,"5":1,"0.1":4},"card":"24.00","mobile":"2.00"}})");
    CHECK(recount["error"]["code"] == "bad_input");
    CHECK(recount["error"]["message"].get<std::string>().find("already submitted") != std::string::npos);

    json z = s.run(R"({"op":"close_shift",)" + count + R"(,"reason":"找错零钱","approver":"9001","pin":"999999"})");
    CAPTURE(z.dump());
    REQUIRE(z["ok"] == true);
    CHECK(z["close"]["tenders"][0]["variance"] == "-20.00");
    CHECK(z["close"]["approver"] == "9001");
    CHECK(z["close"]["reason"] == "找错零钱");
}

TEST_CASE("shift_close: drawer movements need reasons, approvals and cash in the drawer") {
    ShiftLane s;
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00"})");
    CHECK(s.run(R"({"op":"pay_out","amount":"20.00"})")["error"]["code"] == "bad_input");  // no reason
    CHECK(s.run(R"({"op":"pay_out","amount":"150.00","reason":"进货"})")["error"]["code"] == "approval_required");
    CHECK(s.run(R"({"op":"pickup","amount":"100.00"})")["error"]["code"] == "approval_required");
    CHECK(s.run(R"({"op":"pickup","amount":"500.00","approver":"9001","pin":"999999"})")["error"]["code"] ==
          "bad_amount");
    CHECK(s.run(R"({"op":"pay_in","amount":"-5.00","reason":"x"})")["error"]["code"] == "bad_amount");
    s.ok(R"({"op":"scan","code":"6921168176748"})");
    CHECK(s.run(R"({"op":"no_sale","reason":"换零钱"})")["error"]["code"] == "ticket_open");
    json x = s.run(R"({"op":"x_report"})");
    CHECK_FALSE(x.contains("expected_cash"));  // a cashier's X report
    CHECK(x["no_sales"] == 0);
}
