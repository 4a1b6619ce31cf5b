// Payment codes at the lane against the gateway simulator: the pay_code script op journals each
// order, charges it, drives it to a final state, and only a paid order pays the sale.
#include <doctest/doctest.h>

#include "pos/actions/payments/payment_desk.hpp"
#include "pos/actions/payments/reconcile.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/config.hpp"
#include "tests/support/demo_lane.hpp"
#include "tests/support/simulated_gateway.hpp"
#include "tests/support/sync_lane.hpp"

using nlohmann::json;
using pos::testing::alipay_code;
using pos::testing::wechat_code;

namespace {

// A demo lane whose pos.toml points at a simulated gateway; a cashier logged in, a shift open and
// three of one item on the ticket.
struct CodeLane {
    pos::testing::SimulatedGateway gateway;
    pos::testing::DemoLane lane;
    std::unique_ptr<pos::actions::PaymentDesk> desk;

    explicit CodeLane(std::string clock = "2026-11-23T10:00:00+08:00") : lane(std::move(clock)) {
        gateway.configure(lane.dir.path());
        auto config = pos::actions::load_config(lane.dir.path());
        REQUIRE(config);
        open_desk(*config);
        lane.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
        lane.ok(R"({"op":"open_shift","float":"200.00"})");
        lane.ok(R"({"op":"scan","code":"6921168176748","qty":"3"})");
    }

    void open_desk(const pos::actions::LaneConfig& config) {
        auto opened = pos::actions::open_payment_desk(lane.dir.path(), config);
        REQUIRE(opened);
        REQUIRE(*opened);
        desk = std::move(*opened);
    }

    json pay(const std::string& code, const std::string& extra = {}) {
        json action = json::parse(R"({"op":"pay_code"})");
        action["code"] = code;
        if (!extra.empty()) action.update(json::parse(extra));
        return pos::actions::apply_action(
            *lane.lane, action, [this] { return lane.now; }, desk.get());
    }

    json sale(const json& paid) { return lane.ok(json{{"op", "return_lookup"}, {"receipt", paid["sale_id"]}}.dump()); }

    // The gateway's own view of an order, as its simulator keeps it.
    pos::paysim::Order at_gateway(const std::string& out_trade_no) {
        pos::paysim::Order order;
        REQUIRE(gateway.simulator->book().query(out_trade_no, "2026-11-23 10:00:00", order));
        return order;
    }
};

}  // namespace

TEST_CASE("pay_code: a WeChat code paid at once completes the sale, tendered as wechat with the transaction id") {
    CodeLane c;
    json paid = c.pay(wechat_code("00"));
    CAPTURE(paid.dump());
    REQUIRE(paid["ok"] == true);
    CHECK(paid["state"] == "paid");
    CHECK(paid["complete"] == true);
    CHECK(paid["provider"] == "wechat");
    CHECK(paid["code"] == "1346**********0000");  // masked: the whole code is never kept
    CHECK(paid["out_trade_no"].get<std::string>().starts_with("L1-20261123-"));
    json sale = c.sale(paid);
    REQUIRE(sale["tenders"].size() == 1);
    CHECK(sale["tenders"][0]["method"] == "wechat");
    CHECK(sale["tenders"][0]["paid"] == paid["amount"]);
    pos::paysim::Order order = c.at_gateway(paid["out_trade_no"]);
    CHECK(order.state == pos::paysim::TradeState::success);
    CHECK(pos::core::Money::fen(order.fen).to_string() == paid["amount"]);
    CHECK(order.transaction_id == paid["transaction_id"]);
}

TEST_CASE("pay_code: USERPAYING is queried until the customer confirms (WeChat and Alipay)") {
    CodeLane c;
    json paid = c.pay(wechat_code("01"));
    CAPTURE(paid.dump());
    REQUIRE(paid["ok"] == true);
    CHECK(paid["state"] == "paid");
    c.lane.ok(R"({"op":"scan","code":"6921168176748"})");
    json alipay = c.pay(alipay_code("01"));
    CAPTURE(alipay.dump());
    REQUIRE(alipay["ok"] == true);
    CHECK(alipay["provider"] == "alipay");
    CHECK(c.sale(alipay)["tenders"][0]["method"] == "alipay");
}

TEST_CASE("pay_code: a customer who never confirms is cancelled at the limit, the sale stays open for another code") {
    CodeLane c;
    json waited = c.pay(wechat_code("02"));
    CAPTURE(waited.dump());
    CHECK(waited["ok"] == false);
    CHECK(waited["error"]["code"] == "payment_refused");
    CHECK(waited["order"]["state"] == "closed");
    CHECK(c.at_gateway(waited["order"]["out_trade_no"]).state == pos::paysim::TradeState::revoked);
    CHECK(c.lane.lane->ticket().tenders().empty());
    json paid = c.pay(wechat_code("00", 1));  // a second attempt once the first is final
    CAPTURE(paid.dump());
    CHECK(paid["ok"] == true);
    CHECK(paid["complete"] == true);
}

TEST_CASE("pay_code: refusals end failed with the gateway's words, and nothing is taken") {
    CodeLane c;
    for (const char* scenario : {"03", "04", "05"}) {
        CAPTURE(scenario);
        json refused = c.pay(wechat_code(scenario));
        CAPTURE(refused.dump());
        CHECK(refused["ok"] == false);
        CHECK(refused["order"]["state"] == "failed");
        CHECK_FALSE(refused["order"]["gateway_message"].get<std::string>().empty());
    }
    // Declined on the phone after USERPAYING: WeChat's PAYERROR is not proof nothing was taken, so
    // the order is reversed; either way the customer pays nothing.
    json declined = c.pay(wechat_code("10"));
    CAPTURE(declined.dump());
    CHECK(declined["ok"] == false);
    CHECK(declined["order"]["state"] == "closed");
    CHECK(c.lane.lane->ticket().tenders().empty());
}

TEST_CASE("pay_code: a ticket held after a refused code gets a sale id of its own, the next ticket does not reuse it") {
    CodeLane c;
    json refused = c.pay(wechat_code("03"));
    REQUIRE(refused["ok"] == false);
    c.lane.ok(R"({"op":"suspend"})");
    c.lane.ok(R"({"op":"scan","code":"6921168176748"})");
    json paid = c.pay(wechat_code("00", 1));
    CAPTURE(paid.dump());
    REQUIRE(paid["ok"] == true);
    std::string lane_db = c.lane.dir.file("lane.db");
    std::string sale_id = paid["sale_id"].get<std::string>();
    // The refused order was asked for the held ticket: the new sale's journal holds only its own order.
    CHECK(pos::testing::query_count(lane_db,
                                    "SELECT count(*) FROM payment_attempts WHERE ticket_ref = '" + sale_id + "'") == 1);
    CHECK(pos::testing::query_count(lane_db, "SELECT count(*) FROM payment_attempts") == 2);
}

TEST_CASE("pay_code: unclear answers are queried, never charged again (system error, answer lost, slow, dropped)") {
    CodeLane c;
    int n = 0;
    for (const char* scenario : {"06", "09", "07"}) {
        CAPTURE(scenario);
        if (n > 0) c.lane.ok(R"({"op":"scan","code":"6921168176748"})");
        json paid = c.pay(wechat_code(scenario, n++));
        CAPTURE(paid.dump());
        REQUIRE(paid["ok"] == true);
        CHECK(paid["state"] == "paid");
        CHECK(c.at_gateway(paid["out_trade_no"]).state == pos::paysim::TradeState::success);
    }
    c.lane.ok(R"({"op":"scan","code":"6921168176748"})");
    json dropped = c.pay(wechat_code("08", n++));  // never reached the gateway: cancelled, nothing taken
    CAPTURE(dropped.dump());
    CHECK(dropped["ok"] == false);
    CHECK(dropped["order"]["state"] == "closed");
}

TEST_CASE("pay_code: the cashier cancels while the customer is still confirming: the order is reversed") {
    CodeLane c;
    json cancelled = c.pay(wechat_code("02"), R"({"cancel":true})");
    CAPTURE(cancelled.dump());
    CHECK(cancelled["ok"] == false);
    CHECK(cancelled["order"]["state"] == "closed");
    CHECK(c.at_gateway(cancelled["order"]["out_trade_no"]).state == pos::paysim::TradeState::revoked);
}

TEST_CASE("pay_code: split tender, part by code and the rest in cash") {
    CodeLane c;
    json part = c.pay(wechat_code("00"), R"({"amount":"1.00"})");
    CAPTURE(part.dump());
    REQUIRE(part["ok"] == true);
    CHECK(part["complete"] == false);
    json cash = c.lane.ok(R"({"op":"tender","method":"cash","amount":"100.00"})");
    json sale = c.lane.ok(json{{"op", "return_lookup"}, {"receipt", cash["sale_id"]}}.dump());
    REQUIRE(sale["tenders"].size() == 2);
    CHECK(sale["tenders"][0]["method"] == "wechat");
    CHECK(sale["tenders"][0]["paid"] == "1.00");
}

TEST_CASE("pay_code: refused without a gateway, for a bad code, and as a plain tender") {
    CodeLane c;
    json unset = pos::actions::apply_action(
        *c.lane.lane, json::parse(R"({"op":"pay_code","code":"134650328910000000"})"), [&c] { return c.lane.now; },
        nullptr);
    CHECK(unset["ok"] == false);
    CHECK(unset["error"]["message"].get<std::string>().find("[payments]") != std::string::npos);
    json bad = c.pay("12345");
    CHECK(bad["ok"] == false);
    json unionpay = c.pay("6212345678901234567");
    CHECK(unionpay["ok"] == false);
    CHECK(unionpay["error"]["message"].get<std::string>().find("UnionPay") != std::string::npos);
    json recorded = c.lane.run(R"({"op":"tender","method":"wechat"})");
    CHECK(recorded["ok"] == false);  // a payment code is never just recorded
}

TEST_CASE(
    "pay_code: a lane killed mid-payment settles at start: an order never sent and a paid one whose sale "
    "never completed are both closed") {
    CodeLane c;
    auto ticket = c.lane.lane->code_payment_ticket(std::nullopt);
    REQUIRE(ticket);
    // Killed after the journal, before the request left.
    auto unsent = c.desk->begin(wechat_code("00", 7), ticket->amount, ticket->sale_id, c.lane.now);
    REQUIRE(unsent);
    // Another ticket's order, paid, then killed before the sale was committed.
    auto other = c.desk->begin(wechat_code("00", 8), ticket->amount, "ticket-that-died", c.lane.now);
    REQUIRE(other);
    pos::actions::PaymentControl control;
    pos::actions::CodeOrder paid = c.desk->charge(*other, wechat_code("00", 8), control);
    REQUIRE(paid.state == "paid");

    auto config = pos::actions::load_config(c.lane.dir.path());
    REQUIRE(config);
    c.open_desk(*config);  // the lane starts again
    pos::actions::PaymentControl start;
    auto settled = c.desk->settle_at_start(start);
    REQUIRE(settled);
    CHECK(settled->all_final);
    REQUIRE(settled->orders.size() == 2);
    for (const pos::actions::CodeOrder& order : settled->orders) CHECK(order.state == "closed");
    CHECK(c.at_gateway(paid.out_trade_no).state == pos::paysim::TradeState::revoked);
    CHECK(c.at_gateway(paid.out_trade_no).refunded_by_reverse);
    auto again = c.desk->settle_at_start(start);  // nothing left open
    REQUIRE(again);
    CHECK(again->orders.empty());
}

TEST_CASE("pay_code: a partial return of a sale paid by code refunds that part through the gateway, once") {
    CodeLane c;
    json paid = c.pay(wechat_code("00"));
    REQUIRE(paid["ok"] == true);
    std::string receipt = paid["sale_id"];
    json returned = c.lane.ok(R"({"op":"return","receipt":")" + receipt +
                              R"(","lines":[{"line":1,"qty":"1"}],"approver":"9001","pin":"999999"})");
    CAPTURE(returned.dump());
    CHECK(returned["tenders"][0]["method"] == "wechat");
    // lane.ok() runs without the desk; the desk drives what the return journaled.
    pos::actions::PaymentControl control;
    auto refunds = c.desk->refund_return(returned["sale_id"], control);
    REQUIRE(refunds);
    REQUIRE(refunds->size() == 1);
    CHECK(refunds->front().state == "refunded");
    CHECK(refunds->front().amount.to_string() == returned["refund"]);
    pos::paysim::Order order = c.at_gateway(paid["out_trade_no"]);
    REQUIRE(order.refunds.size() == 1);
    CHECK(pos::core::Money::fen(order.refunds[0].fen).to_string() == returned["refund"]);
    auto again = c.desk->refund_return(returned["sale_id"], control);  // asked again: nothing moves twice
    REQUIRE(again);
    CHECK(c.at_gateway(paid["out_trade_no"]).refunds.size() == 1);

    json through_session = pos::actions::apply_action(
        *c.lane.lane,
        json::parse(R"({"op":"return","receipt":")" + receipt +
                    R"(","lines":[{"line":1,"qty":"1"}],"approver":"9001","pin":"999999"})"),
        [&c] { return c.lane.now; }, c.desk.get());
    CAPTURE(through_session.dump());
    REQUIRE(through_session["ok"] == true);
    REQUIRE(through_session["refunds"].size() == 1);
    CHECK(through_session["refunds"][0]["state"] == "refunded");
    CHECK(c.at_gateway(paid["out_trade_no"]).refunds.size() == 2);
}

TEST_CASE("pay_code: reconciliation of the day agrees to the fen, and names an order the lane does not know") {
    // The simulator stamps its statement with today's date in China: the lane sells then too.
    std::string china = pos::paysim::china_clock().now_text;
    CodeLane c(china.substr(0, 10) + "T" + china.substr(11, 8) + "+08:00");
    std::string day = c.lane.now.substr(0, 10);
    json paid = c.pay(wechat_code("00"));
    REQUIRE(paid["ok"] == true);
    c.lane.ok(R"({"op":"scan","code":"6921168176748"})");
    REQUIRE(c.pay(wechat_code("03", 1))["ok"] == false);  // refused: in the journal, not in the statement
    REQUIRE(c.pay(wechat_code("02", 2), R"({"cancel":true})")["ok"] == false);  // reversed
    REQUIRE(c.pay(alipay_code("00", 3))["ok"] == true);
    json returned = pos::actions::apply_action(
        *c.lane.lane,
        json::parse(R"({"op":"return","receipt":")" + paid["sale_id"].get<std::string>() +
                    R"(","lines":[{"line":1,"qty":"1"}],"approver":"9001","pin":"999999"})"),
        [&c] { return c.lane.now; }, c.desk.get());
    REQUIRE(returned["ok"] == true);

    auto agreed = pos::actions::reconcile_day(*c.desk, day);
    REQUIRE(agreed);
    for (const auto& difference : agreed->differences) CAPTURE(difference.number + ": " + difference.what);
    CHECK(agreed->differences.empty());
    CHECK(agreed->orders == 4);
    CHECK(agreed->refunds == 1);
    CHECK(agreed->taken.at("wechat").to_string() == paid["amount"]);

    // An order of this lane's numbering that its journal never had: the gateway took money the
    // lane cannot account for.
    pos::paysim::PayReply stray = c.gateway.simulator->book().pay(
        "wechat", "L1-99999999-0001", 500, wechat_code("00", 9), pos::paysim::china_clock().now_text);
    REQUIRE(stray.outcome == pos::paysim::PayOutcome::paid);
    auto differs = pos::actions::reconcile_day(*c.desk, day);
    REQUIRE(differs);
    REQUIRE(differs->differences.size() == 1);
    CHECK(differs->differences[0].number == "L1-99999999-0001");
}
