// Action scripts through the Lane on a real demo store: results, error codes, nothing changed on failure.
#include <doctest/doctest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "tests/support/demo_lane.hpp"

using namespace pos::actions;
using nlohmann::json;

namespace {

// The session tests' lane: the shared demo fixture plus a count of committed sales.
struct DemoLane : pos::testing::DemoLane {
    int64_t sales() {
        auto ids = files.db->sale_ids();
        REQUIRE(ids.ok());
        return int64_t(ids->size());
    }
};

void check_error(const json& result, const std::string& code) {
    CAPTURE(result.dump());
    CHECK(result["ok"] == false);
    CHECK(result["error"]["code"] == code);
    CHECK_FALSE(result["error"]["message"].get<std::string>().empty());
}

void start_selling(DemoLane& demo) {
    REQUIRE(demo.run(R"({"op":"login","operator":"1001","pin":"1234"})")["ok"] == true);
    REQUIRE(demo.run(R"({"op":"open_shift","float":"200.00"})")["ok"] == true);
}

}  // namespace

TEST_CASE("session: three scans and a cash tender give a sale id and the right change") {
    DemoLane demo;
    start_selling(demo);
    json water = demo.run(R"({"op":"scan","code":"6921168176748"})");
    CHECK(water["line"] == 1);
    CHECK(water["name"] == "农夫山泉饮用天然水");
    CHECK(water["amount"] == "2.00");
    CHECK(demo.run(R"({"op":"scan","code":"6921168176748"})")["qty"] == "2");
    json big = demo.run(R"({"op":"scan","code":"6921168861569"})");
    CHECK(big["line"] == 2);
    CHECK(big["total"] == "13.00");
    json paid = demo.run(R"({"op":"tender","method":"cash","amount":"20.00"})");
    CAPTURE(paid.dump());
    CHECK(paid["ok"] == true);
    CHECK(paid["complete"] == true);
    CHECK(paid["change"] == "7.00");
    CHECK(paid["sale_id"].get<std::string>().size() == 36);
    CHECK(paid["receipt_no"] == 1);
    CHECK(demo.sales() == 1);

    auto stored = demo.files.db->find_sale(paid["sale_id"].get<std::string>());
    REQUIRE(stored->has_value());
    CHECK((*stored)->total_fen == 1300);
    CHECK((*stored)->change_fen == 700);
    CHECK((*stored)->completed_at == "2026-11-23T10:00:00+08:00");
}

TEST_CASE("session: weighed PLU, scale label, set_qty and 抹零 on cash") {
    DemoLane demo;
    start_selling(demo);
    json apple = demo.run(R"({"op":"scan","code":"00101","qty":"0.350"})");
    CHECK(apple["amount"] == "4.48");  // 0.350 kg × 12.80
    CHECK(apple["qty"] == "0.35");
    // 22 + PLU 00101 + 00500 g + check: priced from the catalog's 12.80/kg.
    json label = demo.run(R"({"op":"scan","code":"2200101005005"})");
    CAPTURE(label.dump());
    CHECK(label["amount"] == "6.40");
    CHECK(label["line"] == 2);
    CHECK(demo.run(R"({"op":"scan","code":"6921168176748"})")["line"] == 3);
    json three = demo.run(R"({"op":"set_qty","line":3,"qty":"3"})");
    CHECK(three["amount"] == "6.00");
    CHECK(three["total"] == "16.88");
    check_error(demo.run(R"({"op":"set_qty","line":2,"qty":"2"})"), "bad_line");  // weight from the label
    json paid = demo.run(R"({"op":"tender","method":"cash","amount":"20"})");
    CHECK(paid["total"] == "16.80");
    CHECK(paid["rounding"] == "-0.08");
    CHECK(paid["change"] == "3.20");
}

TEST_CASE("session: a weight typed on a lane with a scale goes with a supervisor and is kept as keyed") {
    DemoLane demo;
    demo.files.config.scale = ScaleConfig{};  // pos.toml has a [scale]
    demo.lane = std::make_unique<Lane>(*demo.files.db, demo.files.config);
    start_selling(demo);
    check_error(demo.run(R"({"op":"scan","code":"00101","qty":"0.350"})"), "approval_required");
    check_error(demo.run(R"({"op":"scan","code":"00101","qty":"0.350","approver":"1002","pin":"2345"})"),
                "not_permitted");
    check_error(demo.run(R"({"op":"scan","code":"00101","qty":"0.350","approver":"9001","pin":"1111"})"), "wrong_pin");
    json apple = demo.ok(R"({"op":"scan","code":"00101","qty":"0.350","approver":"9001","pin":"999999"})");
    CHECK(apple["line"] == 1);  // the refused ones added nothing
    CHECK(apple["amount"] == "4.48");
    json paid = demo.ok(R"({"op":"tender","method":"cash","amount":"10"})");
    auto weights = demo.files.db->sale_line_weights(paid["sale_id"].get<std::string>());
    REQUIRE(weights.ok());
    CHECK(*weights == std::vector<pos::db::SaleLineWeight>{{1, 350, "keyed", "9001"}});
}

TEST_CASE("session: wrong PIN, unknown barcode, tender short and void without approval change nothing") {
    DemoLane demo;
    check_error(demo.run(R"({"op":"login","operator":"1001","pin":"0000"})"), "wrong_pin");
    check_error(demo.run(R"({"op":"scan","code":"6921168176748"})"), "not_logged_in");
    start_selling(demo);
    REQUIRE(demo.run(R"({"op":"scan","code":"6921168176748"})")["ok"] == true);

    check_error(demo.run(R"({"op":"scan","code":"6900000000007"})"), "unknown_item");
    check_error(demo.run(R"({"op":"scan","code":"4006381333932"})"), "bad_barcode");
    check_error(demo.run(R"({"op":"void_line","line":1})"), "approval_required");
    check_error(demo.run(R"({"op":"void_line","line":1,"approver":"1002","pin":"2345"})"), "not_permitted");
    check_error(demo.run(R"({"op":"void_line","line":1,"approver":"9001","pin":"1111"})"), "wrong_pin");
    check_error(demo.run(R"({"op":"tender","method":"cash","amount":"1.00"})"), "tender_short");
    check_error(demo.run(R"({"op":"tender","method":"card","amount":"5.00"})"), "tender_over");
    check_error(demo.run(R"({"op":"set_qty","line":7,"qty":"2"})"), "bad_line");
    check_error(demo.run(R"({"op":"set_qty","line":1,"qty":"1.234.5"})"), "bad_amount");
    check_error(demo.run(R"({"op":"fly"})"), "bad_input");
    check_error(demo.run(R"({"op":"logout"})"), "ticket_open");

    // The ticket is exactly as before all of that.
    REQUIRE(demo.lane->ticket().lines().size() == 1);
    CHECK_FALSE(demo.lane->ticket().lines()[0].voided);
    CHECK(demo.lane->ticket().lines()[0].quantity == pos::core::Quantity::units(1));
    CHECK(demo.lane->ticket().tenders().empty());
    CHECK(demo.sales() == 0);

    json voided = demo.run(R"({"op":"void_line","line":1,"approver":"9001","pin":"999999"})");
    CHECK(voided["voided"] == true);
    CHECK(voided["total"] == "0.00");
    check_error(demo.run(R"({"op":"tender","method":"cash","amount":"1.00"})"), "no_ticket");
    CHECK(demo.run(R"({"op":"logout"})")["ok"] == true);
}

TEST_CASE("session: hostile fields are refused without touching the ticket") {
    DemoLane demo;
    start_selling(demo);
    REQUIRE(demo.run(R"({"op":"scan","code":"6921168176748"})")["ok"] == true);
    check_error(demo.run(R"({"op":"tender","method":"card","amount":"1.00","partial":"yes"})"), "bad_input");
    check_error(demo.run(R"({"op":"void_line","line":4294967297,"approver":"9001","pin":"999999"})"), "bad_input");
    check_error(demo.run(R"({"op":"scan","code":["6921168176748"]})"), "bad_input");
    check_error(demo.run(R"({"op":"tender","method":"cash","now":"yesterday-ish"})"), "bad_input");
    check_error(demo.run(R"({"op":"tender","method":"cash","partial":true,"amount":"1.00"})"), "bad_input");
    // Labels that would give goods away, and a quantity typed before a label.
    check_error(demo.run(R"({"op":"scan","code":"2200101000000"})"), "bad_amount");  // 0 g
    check_error(demo.run(R"({"op":"scan","code":"2000101000006"})"), "bad_amount");  // price 0.00
    check_error(demo.run(R"({"op":"scan","code":"00206","qty":"0.001"})"), "bad_amount");
    check_error(demo.run(R"({"op":"scan","code":"2200101005005","qty":"3"})"), "bad_input");
    check_error(demo.run(R"({"op":"scan","code":"6921168176748","qyt":"3"})"), "bad_input");  // misspelt field
    REQUIRE(demo.lane->ticket().lines().size() == 1);
    CHECK_FALSE(demo.lane->ticket().lines()[0].voided);
    CHECK(demo.lane->ticket().tenders().empty());
}

TEST_CASE("session: split tender card then cash") {
    DemoLane demo;
    start_selling(demo);
    REQUIRE(demo.run(R"({"op":"scan","code":"6921168861569","qty":"3"})")["amount"] == "27.00");
    json card = demo.run(R"({"op":"tender","method":"card","amount":"20.00","partial":true,"reference":"T-88"})");
    CHECK(card["complete"] == false);
    CHECK(card["remaining"] == "7.00");
    CHECK(card["sale_id"].is_null());
    check_error(demo.run(R"({"op":"scan","code":"6921168176748"})"), "payment_started");
    json cash = demo.run(R"({"op":"tender","method":"cash"})");
    CHECK(cash["complete"] == true);
    CHECK(cash["paid"] == "27.00");
    CHECK(cash["change"] == "0.00");
    auto stored = demo.files.db->find_sale(cash["sale_id"].get<std::string>());
    REQUIRE((*stored)->tenders.size() == 2);
    CHECK((*stored)->tenders[0].method == "card");
    CHECK((*stored)->tenders[0].reference == "T-88");
}

TEST_CASE("session: a shift is needed to sell, and only one is open per lane") {
    DemoLane demo;
    REQUIRE(demo.run(R"({"op":"login","operator":"1001","pin":"1234"})")["ok"] == true);
    check_error(demo.run(R"({"op":"scan","code":"6921168176748"})"), "no_shift");
    REQUIRE(demo.run(R"({"op":"open_shift","float":"200.00"})")["ok"] == true);
    check_error(demo.run(R"({"op":"open_shift","float":"100.00"})"), "shift_open");
    REQUIRE(demo.run(R"({"op":"logout"})")["ok"] == true);
    json other = demo.run(R"({"op":"login","operator":"1002","pin":"2345"})");
    CHECK(other["shift"].is_string());
    check_error(demo.run(R"({"op":"scan","code":"6921168176748"})"), "shift_open");
}

TEST_CASE("session: run_session prints one result per line and counts failures") {
    DemoLane demo;
    std::istringstream script(
        "{\"op\":\"login\",\"operator\":\"1001\",\"pin\":\"1234\"}\n"
        "\n"
        "not json\n"
        "{\"op\":\"open_shift\",\"float\":\"50\"}\n");
    std::ostringstream out;
    SessionSummary summary =
        run_session(*demo.lane, script, out, [] { return std::string("2026-11-23T10:00:00+08:00"); });
    CHECK(summary.actions == 3);
    CHECK(summary.failed == 1);
    std::istringstream lines(out.str());
    std::string line;
    std::vector<json> results;
    while (std::getline(lines, line)) results.push_back(json::parse(line));
    REQUIRE(results.size() == 3);
    CHECK(results[1]["error"]["message"] == "line 3 is not valid JSON");
    CHECK(results[2]["float"] == "50.00");
}
