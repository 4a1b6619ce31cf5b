// Member credit accounts (会员挂账) through action scripts: the credit limit, a split of account
// and cash, repayments into the drawer, refunds back to the account, the statement and receipt.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "db/shared/members.hpp"
#include "drivers/printer/interpreter.hpp"
#include "drivers/printer/text.hpp"
#include "pos/actions/members/members.hpp"
#include "pos/actions/printing/receipt.hpp"
#include "tests/support/demo_lane.hpp"

using nlohmann::json;
using pos::core::Money;
using pos::testing::DemoLane;

namespace {

// 王芳, card 88000001, phone 13800138000, credit limit 50.00; 1001 logged in with a 200.00 float.
void member_and_shift(DemoLane& s) {
    pos::actions::NewMember member{"88000001", "13800138000", "王芳", Money::yuan(50)};
    REQUIRE(pos::actions::add_member(s.dir.path(), s.files, member, s.now).ok());
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    s.ok(R"({"op":"open_shift","float":"200.00"})");
}

int64_t balance_fen(DemoLane& s) {
    auto member = pos::db::find_member(s.files.db->connection(), "88000001");
    REQUIRE(member.ok());
    REQUIRE(member->has_value());
    return (*member)->balance_fen;
}

// 5 L water (9.00) × 6 = 54.00.
void six_big_waters(DemoLane& s) { s.ok(R"({"op":"scan","code":"6921168861569","qty":"6"})"); }

}  // namespace

TEST_CASE("members: a sale on account beyond the available credit is refused, naming the credit") {
    DemoLane s;
    member_and_shift(s);
    six_big_waters(s);
    json no_member = s.run(R"({"op":"tender","method":"account","amount":"10.00","partial":true})");
    CHECK(no_member["error"]["code"] == "no_member");

    json found = s.ok(R"({"op":"apply_member","member":"13800138000"})");  // by phone
    CHECK(found["card"] == "88000001");
    CHECK(found["available"] == "50.00");
    json over = s.run(R"({"op":"tender","method":"account"})");  // all 54.00 on account
    CHECK(over["error"]["code"] == "over_credit_limit");
    CHECK(over["error"]["message"] ==
          "over the credit limit: only 50.00 of credit is available (limit 50.00, owed 0.00); put 50.00 on account "
          "and take the rest in cash, card or mobile");
    CHECK(balance_fen(s) == 0);
    // Two account tenders may not add up past the limit either: 30.00 + 30.00.
    s.ok(R"({"op":"tender","method":"account","amount":"30.00","partial":true})");
    json second = s.run(R"({"op":"tender","method":"account","amount":"30.00","partial":true})");
    CHECK(second["error"]["code"] == "over_credit_limit");
    CHECK(second["error"]["message"].get<std::string>().find("only 20.00 of credit is available") != std::string::npos);
    CHECK(balance_fen(s) == 0);  // nothing moves until the sale is paid
}

TEST_CASE("members: split tender, 50.00 on account and the rest in cash, moves the balance with the sale") {
    DemoLane s;
    member_and_shift(s);
    six_big_waters(s);
    json part = s.ok(R"({"op":"tender","method":"account","amount":"50.00","partial":true,"account":"88000001"})");
    CHECK(part["remaining"] == "4.00");
    CHECK(part["complete"] == false);
    json rest = s.ok(R"({"op":"tender","method":"cash","amount":"5.00"})");
    CHECK(rest["complete"] == true);
    CHECK(rest["change"] == "1.00");
    CHECK(rest["member_balance"] == "50.00");
    CHECK(balance_fen(s) == 5000);
    CHECK(!s.lane->member().has_value());  // the next customer starts without a member

    auto sale = s.files.db->find_sale(rest["sale_id"].get<std::string>());
    REQUIRE(sale.ok());
    REQUIRE(sale->has_value());
    REQUIRE((*sale)->tenders.size() == 2);
    CHECK((*sale)->tenders[0].method == "account");
    CHECK((*sale)->tenders[0].amount_fen == 5000);
    CHECK((*sale)->tenders[0].reference == "88000001");  // the sale records the member
    CHECK((*sale)->tenders[1].method == "cash");

    // Now nothing is left: even 0.01 on account is refused.
    s.ok(R"({"op":"scan","code":"6921168176748"})");
    json none = s.run(R"({"op":"tender","method":"account","amount":"0.01","partial":true,"account":"88000001"})");
    CHECK(none["error"]["code"] == "over_credit_limit");
    CHECK(none["error"]["message"].get<std::string>().find("only 0.00 of credit") != std::string::npos);

    // The receipt names the member, what went on account and what is owed now.
    pos::actions::ReceiptOptions options;
    options.member = pos::actions::receipt_member(*s.files.db, **sale);
    REQUIRE(options.member.has_value());
    CHECK(options.member->on_account_fen == 5000);
    CHECK(options.member->balance_fen == 5000);
    auto document = pos::drivers::printer::interpret(pos::actions::receipt_bytes(**sale, s.files.config, options));
    REQUIRE(document.ok());
    std::string text = pos::drivers::printer::to_text(*document, 32);
    CAPTURE(text);
    CHECK(text.find("会员：王芳 88000001") != std::string::npos);
    CHECK(text.find("会员挂账") != std::string::npos);
    CHECK(text.find("挂账余额") != std::string::npos);
}

TEST_CASE("members: a repayment lowers the balance and raises the drawer's expected cash") {
    DemoLane s;
    member_and_shift(s);
    six_big_waters(s);
    s.ok(R"({"op":"tender","method":"account","amount":"50.00","partial":true,"account":"88000001"})");
    s.ok(R"({"op":"tender","method":"cash","amount":"4.00"})");
    // Expected cash: float 200.00 + 4.00 cash = 204.00 (the X report is a supervisor's to see in full).
    json before = s.ok(R"({"op":"x_report"})");
    CHECK(before["pay_ins"] == "0.00");

    json over = s.run(R"({"op":"pay_account","member":"88000001","amount":"60.00"})");
    CHECK(over["error"]["code"] == "bad_amount");
    CHECK(over["error"]["message"] == "the member owes only 50.00: take at most that much");

    json paid = s.ok(R"({"op":"pay_account","member":"13800138000","amount":"30.00"})");
    CHECK(paid["balance"] == "20.00");
    CHECK(paid["available"] == "30.00");
    CHECK(balance_fen(s) == 2000);
    json after = s.ok(R"({"op":"x_report"})");
    CHECK(after["pay_ins"] == "30.00");

    // At the close the 30.00 is expected in the drawer: 200.00 + 4.00 + 30.00 = 234.00.
    json z = s.ok(R"({"op":"close_shift","counted":{"cash":{"100":2,"10":3,"1":4}}})");
    CHECK(z["close"]["tenders"][0]["expected"] == "234.00");
    CHECK(z["close"]["tenders"][0]["variance"] == "0.00");

    auto statement = pos::actions::member_statement(*s.files.db, "88000001");
    REQUIRE(statement.ok());
    REQUIRE(statement->lines.size() == 2);
    CHECK(statement->lines[0].kind == "sale");
    CHECK(statement->lines[0].amount == Money::yuan(50));
    CHECK(statement->lines[0].balance == Money::yuan(50));
    CHECK(statement->lines[0].receipt == "0100000001");
    CHECK(statement->lines[1].kind == "repayment");
    CHECK(statement->lines[1].amount == -Money::yuan(30));
    CHECK(statement->lines[1].balance == Money::yuan(20));
}

TEST_CASE("members: a repayment by card or mobile counts in that tender's total, not in the drawer") {
    DemoLane s;
    member_and_shift(s);
    six_big_waters(s);
    s.ok(R"({"op":"tender","method":"account","amount":"50.00","partial":true,"account":"88000001"})");
    s.ok(R"({"op":"tender","method":"cash","amount":"4.00"})");
    json card = s.ok(R"({"op":"pay_account","member":"88000001","amount":"5.00","method":"card"})");
    CHECK(card["method"] == "card");
    CHECK(card["balance"] == "45.00");
    s.ok(R"({"op":"pay_account","member":"88000001","amount":"2.00","method":"mobile"})");
    json refused = s.run(R"({"op":"pay_account","member":"88000001","amount":"1.00","method":"account"})");
    CHECK(refused["error"]["code"] == "bad_input");
    CHECK(balance_fen(s) == 4300);
    json x = s.ok(R"({"op":"x_report"})");
    CHECK(x["pay_ins"] == "0.00");
    CHECK(x["non_cash"]["card"] == "5.00");
    CHECK(x["non_cash"]["mobile"] == "2.00");
    // The card batch and mobile totals counted at 交班 include them: no variance.
    json z = s.ok(R"({"op":"close_shift","counted":{"cash":{"100":2,"1":4},"card":"5.00","mobile":"2.00"}})");
    CHECK(z["close"]["largest_variance"] == "0.00");
}

TEST_CASE("members: returning part of a sale on account credits the balance back") {
    DemoLane s;
    member_and_shift(s);
    s.ok(R"({"op":"apply_member","member":"88000001"})");
    s.ok(R"({"op":"scan","code":"6921168176748","qty":"3"})");  // water 2.00 × 3 = 6.00
    json sold = s.ok(R"({"op":"tender","method":"account"})");
    CHECK(sold["member_balance"] == "6.00");
    json back = s.ok(R"({"op":"return","receipt":"0100000001","lines":[{"line":1,"qty":"1"}],)"
                     R"("approver":"9001","pin":"999999"})");
    REQUIRE(back["tenders"].size() == 1);
    CHECK(back["tenders"][0] == json{{"method", "account"}, {"amount", "-2.00"}});
    CHECK(balance_fen(s) == 400);

    auto statement = pos::actions::member_statement(*s.files.db, "88000001");
    REQUIRE(statement.ok());
    REQUIRE(statement->lines.size() == 2);
    CHECK(statement->lines[1].kind == "refund");
    CHECK(statement->lines[1].amount == -Money::yuan(2));
    CHECK(statement->lines[1].balance == Money::yuan(4));
    CHECK(statement->lines[1].receipt == "0100000002");
    auto text = pos::actions::statement_lines(*statement);
    REQUIRE(text.size() == 5);
    CHECK(text[1] == "credit limit 50.00  owed 4.00  available 46.00");
}

TEST_CASE("members: an unknown card is refused and a member card is added once") {
    DemoLane s;
    member_and_shift(s);
    json unknown = s.run(R"({"op":"apply_member","member":"99999999"})");
    CHECK(unknown["error"]["code"] == "no_member");
    CHECK(unknown["error"]["message"].get<std::string>().find("no member with card or phone 99999999") == 0);
    pos::actions::NewMember again{"88000001", "", "李四", Money::yuan(10)};
    auto twice = pos::actions::add_member(s.dir.path(), s.files, again, s.now);
    REQUIRE(!twice.ok());
    CHECK(twice.error().message == "member card 88000001 already exists");
    pos::actions::NewMember bad{"12", "", "李四", Money::yuan(10)};
    CHECK(!pos::actions::add_member(s.dir.path(), s.files, bad, s.now).ok());
}
