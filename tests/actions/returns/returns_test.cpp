// Returns (退货, 红字) through action scripts: partial returns over two visits, over-return
// refused, refunds back to the original tenders, returns without a receipt, the shift's cash.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "drivers/printer/interpreter.hpp"
#include "drivers/printer/text.hpp"
#include "pos/actions/printing/receipt.hpp"
#include "pos/actions/access/users.hpp"
#include "tests/support/demo_lane.hpp"

using nlohmann::json;
using pos::testing::DemoLane;

namespace {

// 1001 logged in with a 200.00 float; sale 1: water×3 6.00 + 5 L water 9.00 = 15.00, cash 20.00, change 5.00.
std::string first_sale(DemoLane& s) {
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00"})");
    s.ok(R"({"op":"scan","code":"6921168176748","qty":"3"})");
    s.ok(R"({"op":"scan","code":"6921168861569"})");
    json paid = s.ok(R"({"op":"tender","method":"cash","amount":"20.00"})");
    CHECK(paid["total"] == "15.00");
    return pos::actions::receipt_code(s.files.config.lane, paid["receipt_no"].get<int64_t>());
}

std::string approved() { return R"(,"approver":"9001","pin":"999999"})"; }

}  // namespace

TEST_CASE("returns: a sale returned over two visits, then nothing more") {
    DemoLane s;
    std::string receipt = first_sale(s);
    json lookup = s.ok(R"({"op":"return_lookup","receipt":")" + receipt + "\"}");
    REQUIRE(lookup["lines"].size() == 2);
    CHECK(lookup["lines"][0]["returnable"] == "3");
    CHECK(lookup["lines"][1]["returnable"] == "1");

    // First visit: one bottle back, 2.00 in cash.
    json first = s.ok(R"({"op":"return","receipt":")" + receipt + R"(","lines":[{"line":1,"qty":"1"}])" + approved());
    CHECK(first["total"] == "-2.00");
    CHECK(first["refund"] == "2.00");
    CHECK(first["original_receipt"] == receipt);
    REQUIRE(first["tenders"].size() == 1);
    CHECK(first["tenders"][0] == json{{"method", "cash"}, {"amount", "-2.00"}});

    // Second visit: the other two bottles and the 5 L water: 4.00 + 9.00.
    json second =
        s.ok(R"({"op":"return","receipt":")" + receipt + R"(","lines":[{"line":1,"qty":"2"},2])" + approved());
    CHECK(second["total"] == "-13.00");

    json again = s.run(R"({"op":"return","receipt":")" + receipt + R"(","lines":[{"line":1,"qty":"1"}])" + approved());
    CHECK(again["error"]["code"] == "over_return");
    CHECK(again["error"]["message"] == "line 1 of receipt " + receipt + " was returned in full already");

    lookup = s.ok(R"({"op":"return_lookup","receipt":")" + receipt + "\"}");
    CHECK(lookup["earlier_returns"] == 2);
    CHECK(lookup["lines"][0]["returned"] == "3");
    CHECK(lookup["lines"][0]["returnable"] == "0");
    CHECK(lookup["tenders"][0] == json{{"method", "cash"}, {"paid", "15.00"}, {"refunded", "15.00"}});

    // In lane.db: two returns naming the original, with negative quantities and amounts.
    auto ids = s.files.db->sale_ids();
    REQUIRE(ids.ok());
    REQUIRE(ids->size() == 3);
    auto stored = s.files.db->find_sale(ids->back());
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    const pos::db::SaleRecord& back = **stored;
    CHECK(back.kind == "return");
    CHECK(back.original_sale_id == ids->front());
    CHECK(back.approved_by == "9001");
    CHECK(back.total_fen == -1300);
    CHECK(back.item_count_milli == -3000);
    REQUIRE(back.lines.size() == 2);
    CHECK(back.lines[0].quantity_milli == -2000);
    CHECK(back.lines[0].amount_fen == -400);
    CHECK(back.lines[0].original_line_no == 1);
    CHECK(back.lines[1].original_line_no == 2);
}

TEST_CASE("returns: more than is left is refused and changes nothing") {
    DemoLane s;
    std::string receipt = first_sale(s);
    s.ok(R"({"op":"return","receipt":")" + receipt + R"(","lines":[{"line":1,"qty":"2"}])" + approved());
    json over = s.run(R"({"op":"return","receipt":")" + receipt + R"(","lines":[{"line":1,"qty":"2"}])" + approved());
    CHECK(over["error"]["code"] == "over_return");
    CHECK(over["error"]["message"] == "line 1: only 1 of 3 sold can still be returned (the rest came back already)");
    CHECK(s.run(R"({"op":"return","receipt":")" + receipt + R"(","lines":[7])" + approved())["error"]["code"] ==
          "bad_line");
    CHECK(s.run(R"({"op":"return","receipt":")" + receipt + R"(","lines":[1,1])" + approved())["error"]["code"] ==
          "bad_input");
    CHECK(s.run(R"({"op":"return","receipt":"0100009999","lines":[1])" + approved())["error"]["code"] == "not_found");
    CHECK(s.run(R"({"op":"return","receipt":"0700000001","lines":[1])" + approved())["error"]["message"] ==
          "receipt 0700000001 is not on this lane and not at the store: lane 07 may not have sent it yet (it sends "
          "within a minute while the network is up). Take the return at lane 07, or as a return without receipt "
          "(manager)");
    auto ids = s.files.db->sale_ids();
    REQUIRE(ids.ok());
    CHECK(ids->size() == 2);
}

TEST_CASE("returns: approval is a supervisor other than the cashier, a receipt's own return is refused") {
    DemoLane s;
    std::string receipt = first_sale(s);
    std::string line = R"({"op":"return","receipt":")" + receipt + R"(","lines":[1])";
    CHECK(s.run(line + "}")["error"]["code"] == "approval_required");
    CHECK(s.run(line + R"(,"approver":"9001","pin":"0000"})")["error"]["code"] == "wrong_pin");
    CHECK(s.run(line + R"(,"approver":"1002","pin":"2345"})")["error"]["code"] == "not_permitted");
    json done = s.ok(line + approved());
    json self = s.run(R"({"op":"return_lookup","receipt":")" +
                      pos::actions::receipt_code(s.files.config.lane, done["receipt_no"].get<int64_t>()) + "\"}");
    CHECK(self["error"]["code"] == "bad_input");
    // An open ticket comes first.
    s.ok(R"({"op":"scan","code":"6921168176748"})");
    CHECK(s.run(R"({"op":"return","receipt":")" + receipt + R"(","lines":[2])" + approved())["error"]["code"] ==
          "ticket_open");
}

TEST_CASE("returns: the refund goes back to the original tenders, cash for the rest") {
    DemoLane s;
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00"})");
    // 5 L water×2 18.00 + water 2.00 = 20.00: card 15.00 + cash 10.00, change 5.00.
    s.ok(R"({"op":"scan","code":"6921168861569","qty":"2"})");
    s.ok(R"({"op":"scan","code":"6921168176748"})");
    s.ok(R"({"op":"tender","method":"card","amount":"15.00","partial":true})");
    json paid = s.ok(R"({"op":"tender","method":"cash","amount":"10.00"})");
    std::string receipt = pos::actions::receipt_code(s.files.config.lane, paid["receipt_no"].get<int64_t>());

    // One 5 L water (9.00) goes back to the card; a refund to mobile was never paid that way.
    json mobile = s.run(R"({"op":"return","receipt":")" + receipt +
                        R"(","lines":[{"line":1,"qty":"1"}],"refund":"mobile")" + approved());
    CHECK(mobile["error"]["code"] == "tender_over");
    json first = s.ok(R"({"op":"return","receipt":")" + receipt + R"(","lines":[{"line":1,"qty":"1"}])" + approved());
    CHECK(first["tenders"] == json::array({{{"method", "card"}, {"amount", "-9.00"}}}));
    // The rest (9.00 + 2.00): 6.00 left on the card, 5.00 in cash (what the cash paid net of change).
    json rest = s.ok(R"({"op":"return","receipt":")" + receipt + R"(","lines":[1,2])" + approved());
    CHECK(rest["total"] == "-11.00");
    CHECK(rest["tenders"] ==
          json::array({{{"method", "card"}, {"amount", "-6.00"}}, {{"method", "cash"}, {"amount", "-5.00"}}}));
}

TEST_CASE("returns: a cash refund is rounded (抹零) like the cash the customer paid") {
    DemoLane s;
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00"})");
    // Apples 0.350 kg × 12.80 = 4.48 + water 2.00 = 6.48, cash: 抹零 −0.08, 6.40 paid.
    s.ok(R"({"op":"scan","code":"00101","qty":"0.350"})");
    s.ok(R"({"op":"scan","code":"6921168176748"})");
    json paid = s.ok(R"({"op":"tender","method":"cash","amount":"10.00"})");
    CHECK(paid["total"] == "6.40");
    std::string receipt = pos::actions::receipt_code(s.files.config.lane, paid["receipt_no"].get<int64_t>());
    json apples = s.ok(R"({"op":"return","receipt":")" + receipt + R"(","lines":[1])" + approved());
    CHECK(apples["total"] == "-4.40");
    CHECK(apples["rounding"] == "0.08");
    json water = s.ok(R"({"op":"return","receipt":")" + receipt + R"(","lines":[2])" + approved());
    CHECK(water["total"] == "-2.00");  // 6.40 back in all: what was paid
}

TEST_CASE("returns: without a receipt a manager approves and a reason is given, refunded in cash") {
    DemoLane s;
    REQUIRE(pos::actions::add_user(*s.files.db, {"9100", "赵敏", "manager", "888888"}, s.files.config.lane).ok());
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00"})");
    std::string line = R"({"op":"return","lines":[{"code":"6921168176748","qty":"2"}])";
    json no_reason = s.run(line + approved());
    CHECK(no_reason["error"]["code"] == "bad_input");
    CHECK(no_reason["error"]["message"] == "a return without a receipt needs a reason: it goes on the return slip");
    CHECK(s.run(line + R"(,"reason":"顾客丢失小票")" + approved())["error"]["code"] == "not_permitted");
    CHECK(s.run(line +
                R"(,"reason":"顾客丢失小票","refund":"card","approver":"9100","pin":"888888"})")["error"]["code"] ==
          "bad_input");
    json done = s.ok(line + R"(,"reason":"顾客丢失小票","approver":"9100","pin":"888888"})");
    CHECK(done["total"] == "-4.00");
    CHECK(done["original_receipt"].is_null());
    auto stored = s.files.db->find_sale(done["sale_id"].get<std::string>());
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK((*stored)->reason == "顾客丢失小票");
    CHECK((*stored)->approved_by == "9100");
    CHECK_FALSE((*stored)->original_sale_id.has_value());
    CHECK((*stored)->lines[0].quantity_milli == -2000);
}

TEST_CASE("returns: a cash refund leaves the drawer, so the shift expects less cash") {
    DemoLane s;
    std::string receipt = first_sale(s);
    s.ok(R"({"op":"return","receipt":")" + receipt + R"(","lines":[{"line":1,"qty":"1"}])" + approved());
    // 200.00 float + 20.00 taken − 5.00 change − 2.00 refunded = 213.00.
    json x = s.ok(R"({"op":"x_report"})");
    CHECK(x["sales"] == 1);
    CHECK(x["returns"] == 1);
    CHECK(x["refunds"] == "2.00");
    CHECK(x["net_sales"] == "13.00");
    CHECK(x["cash_tendered"] == "20.00");
    CHECK(x["cash_refunds"] == "2.00");
    // A cashier's X report hides expected cash (blind count): the close shows it.
    json z = s.ok(R"({"op":"close_shift","counted":{"cash":{"100":2,"10":1,"1":3}}})");
    CHECK(z["close"]["tenders"][0]["expected"] == "213.00");
    CHECK(z["close"]["tenders"][0]["variance"] == "0.00");
}

TEST_CASE("returns: the return slip (退货单) names the original receipt, reason and approver") {
    DemoLane s;
    std::string receipt = first_sale(s);
    json done = s.ok(R"({"op":"return","receipt":")" + receipt + R"(","lines":[{"line":1,"qty":"2"}],"reason":"破损")" +
                     approved());
    auto sale = pos::actions::find_sale_for_receipt(*s.files.db, done["sale_id"].get<std::string>(), std::nullopt);
    REQUIRE(sale.ok());
    pos::actions::ReceiptOptions options;
    options.original_receipt = pos::actions::original_receipt_code(*s.files.db, *sale);
    CHECK(options.original_receipt == receipt);
    auto document = pos::drivers::printer::interpret(pos::actions::receipt_bytes(*sale, s.files.config, options));
    REQUIRE(document.ok());
    std::string text = pos::drivers::printer::to_text(*document, 32);
    CAPTURE(text);
    CHECK(text.find("退货单 (红字)") != std::string::npos);
    CHECK(text.find("原单号：" + receipt) != std::string::npos);
    CHECK(text.find("原因：破损") != std::string::npos);
    CHECK(text.find("审批：9001") != std::string::npos);
    CHECK(text.find("-2×2.00") != std::string::npos);
    CHECK(text.find("应退") != std::string::npos);
    CHECK(text.find("-4.00") != std::string::npos);
    CHECK(text.find("顾客签名") != std::string::npos);
    CHECK(text.find("找零") == std::string::npos);
    CHECK(pos::actions::takes_cash(*sale));  // the drawer opens to pay the refund
}
