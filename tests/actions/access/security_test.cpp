// Security at the Lane on a real lane.db: the permission table enforced for each approval,
// PIN lockout, PIN change and reset, the blind X report, card data, and the audit log written
// in the same transaction as the event.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "pos/actions/access/audit.hpp"
#include "pos/actions/access/users.hpp"
#include "tests/support/demo_lane.hpp"

using nlohmann::json;
using pos::testing::DemoLane;

namespace {

std::string text(DemoLane& s, const std::string& sql) {
    auto answer = s.files.db->connection().query_text(sql);
    REQUIRE_MESSAGE(answer.ok(), sql);
    return answer->value_or("");
}

// The demo store has cashiers 1001/1234 and 1002/2345 and supervisor 9001/999999; a manager
// 9100/888888 and a second supervisor 9002/777700 are added here.
void add_staff(DemoLane& s) {
    REQUIRE(pos::actions::add_user(*s.files.db, {"9100", "陈静", "manager", "888888"}, 1).ok());
    REQUIRE(pos::actions::add_user(*s.files.db, {"9002", "赵强", "supervisor", "777700"}, 1).ok());
}

void selling(DemoLane& s, const char* who = R"("operator":"1001","pin":"1234")") {
    s.ok(std::string(R"({"op":"login",)") + who + "}");
    s.ok(R"({"op":"open_shift","float":"200.00"})");
    s.ok(R"({"op":"scan","code":"6921168176748"})");
}

std::string error_code(const json& result) { return result["error"]["code"].get<std::string>(); }

}  // namespace

TEST_CASE("security: each approval refuses a cashier and the operator approving their own action") {
    DemoLane s;
    add_staff(s);
    selling(s, R"("operator":"9002","pin":"777700")");  // a supervisor selling: may not approve themselves
    struct Case {
        const char* name;
        std::string by_cashier;
        std::string by_self;
        std::string by_supervisor;
    };
    const Case cases[] = {
        {"void", R"({"op":"void_line","line":1,"approver":"1002","pin":"2345"})",
         R"({"op":"void_line","line":1,"approver":"9002","pin":"777700"})",
         R"({"op":"void_line","line":1,"approver":"9001","pin":"999999"})"},
        {"override", R"({"op":"override_price","line":2,"price":"1.50","approver":"1002","pin":"2345"})",
         R"({"op":"override_price","line":2,"price":"1.50","approver":"9002","pin":"777700"})",
         R"({"op":"override_price","line":2,"price":"1.50","approver":"9001","pin":"999999"})"},
    };
    s.ok(R"({"op":"scan","code":"6921168861569"})");
    for (const Case& c : cases) {
        CAPTURE(c.name);
        json cashier = s.run(c.by_cashier);
        CHECK(error_code(cashier) == "not_permitted");
        CHECK(cashier["error"]["message"].get<std::string>().find("operator 1002 is a cashier and cannot approve") !=
              std::string::npos);
        json self = s.run(c.by_self);
        CHECK(error_code(self) == "not_permitted");
        CHECK(self["error"]["message"].get<std::string>().find(
                  "needs a second person: operator 9002 cannot approve their own request") != std::string::npos);
        s.ok(c.by_supervisor);
    }
    s.ok(R"({"op":"tender","method":"cash","amount":"20.00"})");
    // Drawer actions: a pickup and a pay-out over the limit need a supervisor other than the operator.
    CHECK(error_code(s.run(R"({"op":"pickup","amount":"1.00","approver":"1002","pin":"2345"})")) == "not_permitted");
    CHECK(error_code(s.run(R"({"op":"pickup","amount":"1.00","approver":"9002","pin":"777700"})")) == "not_permitted");
    s.ok(R"({"op":"pickup","amount":"1.00","approver":"9100","pin":"888888"})");
    CHECK(
        error_code(s.run(R"({"op":"pay_out","amount":"150.00","reason":"supplier","approver":"1001","pin":"1234"})")) ==
        "not_permitted");
    s.ok(R"({"op":"pay_out","amount":"150.00","reason":"supplier","approver":"9001","pin":"999999"})");
    // Without an approver the message says which role is needed.
    json missing = s.run(R"({"op":"pickup","amount":"1.00"})");
    CHECK(error_code(missing) == "approval_required");
    CHECK(missing["error"]["message"] == "a cash pickup needs a supervisor: enter their number and PIN");
}

TEST_CASE("security: a cashier's X report leaves out expected cash, a supervisor's shows it") {
    DemoLane s;
    selling(s);
    s.ok(R"({"op":"tender","method":"cash","amount":"10.00"})");
    json cashier = s.ok(R"({"op":"x_report"})");
    CHECK_FALSE(cashier.contains("expected_cash"));
    CHECK(cashier["float"] == "200.00");
    s.ok(R"({"op":"logout"})");
    s.ok(R"({"op":"login","operator":"9001","pin":"999999"})");
    json supervisor = s.ok(R"({"op":"x_report"})");
    CHECK(supervisor["expected_cash"] == "202.00");
}

TEST_CASE("security: five wrong PINs lock the operator for the configured time, with the wait in the message") {
    DemoLane s;
    s.files.config.lockout_minutes = 3;
    s.lane = std::make_unique<pos::actions::Lane>(*s.files.db, s.files.config);
    for (int i = 1; i <= 4; ++i) {
        json wrong = s.run(R"({"op":"login","operator":"1001","pin":"0000"})");
        CHECK(error_code(wrong) == "wrong_pin");
        CHECK(wrong["error"]["message"] == "wrong PIN for operator 1001: enter it again (" + std::to_string(5 - i) +
                                               " more wrong PIN(s) lock it for 3 minutes)");
    }
    json fifth = s.run(R"({"op":"login","operator":"1001","pin":"0000"})");
    CHECK(error_code(fifth) == "locked_out");
    CHECK(fifth["error"]["message"] ==
          "wrong PIN for operator 1001: that was the 5th wrong PIN in a row, the operator is "
          "locked out for 3 minute(s) (a manager can reset the PIN)");
    // The right PIN does not get in while locked, whatever time the script gives: lockouts run
    // on the system clock (docs/security.md "Trusted time"); the message says how long is left.
    json locked = s.run(R"({"op":"login","operator":"1001","pin":"1234","now":"2026-11-23T10:16:00+08:00"})");
    CHECK(error_code(locked) == "locked_out");
    CHECK(locked["error"]["message"] ==
          "operator 1001 is locked out after 5 wrong PINs: try again in 3 minute(s), "
          "or ask a manager to reset the PIN");
    // Another operator is not affected; once the lock has run out the operator logs in again
    // (the wait is simulated by moving the stored end of the lock into the past).
    s.ok(R"({"op":"login","operator":"1002","pin":"2345"})");
    s.ok(R"({"op":"logout"})");
    REQUIRE(s.files.db->connection().exec("UPDATE users SET locked_until = '1' WHERE operator = '1001'").ok());
    s.ok(R"({"op":"login","operator":"1001","pin":"1234"})");
    CHECK(text(s, "SELECT failed_pins || '/' || locked_until FROM users WHERE operator = '1001'") == "0/");
    // Five wrong PINs and the try while locked, each with its reason.
    CHECK(text(s, "SELECT count(*) FROM audit WHERE kind = 'login_failed' AND actor = '1001'") == "6");
    CHECK(text(s,
               "SELECT json_extract(detail, '$.reason') FROM audit WHERE kind = 'login_failed' ORDER BY seq DESC LIMIT "
               "1") == "locked out");
    CHECK(text(s, "SELECT count(*) FROM audit WHERE kind = 'lockout' AND actor = '1001'") == "1");
}

TEST_CASE("security: wrong approver PINs count toward the approver's lockout") {
    DemoLane s;
    selling(s);
    for (int i = 0; i < 4; ++i) {
        CHECK(error_code(s.run(R"({"op":"void_line","line":1,"approver":"9001","pin":"0000"})")) == "wrong_pin");
    }
    CHECK(error_code(s.run(R"({"op":"void_line","line":1,"approver":"9001","pin":"0000"})")) == "locked_out");
    CHECK(error_code(s.run(R"({"op":"void_line","line":1,"approver":"9001","pin":"999999"})")) == "locked_out");
    CHECK(s.lane->ticket().lines()[0].voided == false);
}

TEST_CASE("security: an operator changes their PIN with the old one, a manager resets it and lifts a lockout") {
    DemoLane s;
    add_staff(s);
    pos::actions::Lane& lane = *s.lane;
    auto wrong_old = lane.change_pin("1001", "999999", "4321", s.now);
    REQUIRE_FALSE(wrong_old.ok());
    CHECK(wrong_old.error().code == pos::core::ErrorCode::wrong_pin);
    auto short_pin = lane.change_pin("1001", "1234", "12", s.now);
    REQUIRE_FALSE(short_pin.ok());
    CHECK(short_pin.error().message == "the PIN must be 4 to 8 digits");
    auto short_approver = lane.change_pin("9001", "999999", "1234", s.now);
    REQUIRE_FALSE(short_approver.ok());
    CHECK(short_approver.error().message == "the PIN of a supervisor must be 6 to 8 digits");
    REQUIRE(lane.change_pin("1001", "1234", "4321", s.now).ok());
    CHECK(error_code(s.run(R"({"op":"login","operator":"1001","pin":"1234"})")) == "wrong_pin");
    s.ok(R"({"op":"login","operator":"1001","pin":"4321"})");
    s.ok(R"({"op":"logout"})");

    for (int i = 0; i < 5; ++i) (void)s.run(R"({"op":"login","operator":"1002","pin":"0000"})");
    CHECK(error_code(s.run(R"({"op":"login","operator":"1002","pin":"2345"})")) == "locked_out");
    auto by_supervisor = lane.reset_pin({"9001", "999999"}, "1002", "5555", s.now);
    REQUIRE_FALSE(by_supervisor.ok());
    CHECK(by_supervisor.error().message ==
          "resetting a PIN: operator 9001 is a supervisor and cannot approve user_admin: a manager or above must "
          "approve");
    auto own = lane.reset_pin({"9100", "888888"}, "9100", "555500", s.now);
    REQUIRE_FALSE(own.ok());
    CHECK(own.error().message.find("cannot approve their own request") != std::string::npos);
    REQUIRE(lane.reset_pin({"9100", "888888"}, "1002", "5555", s.now).ok());
    s.ok(R"({"op":"login","operator":"1002","pin":"5555"})");
    CHECK(text(s, "SELECT group_concat(kind || ':' || actor || ':' || ref, ' ') FROM audit WHERE kind LIKE 'pin_%'") ==
          "pin_failed:1001:1001 pin_change:1001:1001 pin_reset:9100:1002");
}

TEST_CASE("security: a card tender keeps the terminal reference and the last four digits, never a card number") {
    DemoLane s;
    selling(s);
    json pan = s.run(R"({"op":"tender","method":"card","reference":"6222021234567890"})");
    CHECK(error_code(pan) == "bad_input");
    CHECK(pan["error"]["message"].get<std::string>().find("the reference looks like a full card number") == 0);
    CHECK(s.lane->ticket().tenders().empty());
    CHECK(error_code(s.run(R"({"op":"tender","method":"card","reference":"000123","last4":"12345"})")) == "bad_input");
    CHECK(error_code(s.run(R"({"op":"tender","method":"mobile","last4":"1234"})")) == "bad_input");
    json paid = s.ok(R"({"op":"tender","method":"card","reference":"000123","last4":"4321"})");
    CHECK(text(s, "SELECT reference FROM sale_tenders WHERE sale_id = '" + paid["sale_id"].get<std::string>() + "'") ==
          "000123 ****4321");
}

TEST_CASE("security: every event lands in the audit log, chained, and verify finds it intact") {
    DemoLane s;
    selling(s);
    s.ok(R"({"op":"void_line","line":1,"approver":"9001","pin":"999999"})");
    s.ok(R"({"op":"scan","code":"6921168176748"})");
    s.ok(R"({"op":"override_price","line":2,"price":"1.50","approver":"9001","pin":"999999"})");
    json sale = s.ok(R"({"op":"tender","method":"cash","amount":"10.00"})");
    s.ok(R"({"op":"no_sale","reason":"change"})");
    s.ok(R"({"op":"pay_in","amount":"5.00","reason":"float top-up"})");
    s.ok(R"({"op":"close_shift","counted":{"cash":{"100":2,"5":1,"1":1,"0.5":1}}})");
    s.ok(R"({"op":"logout"})");
    CHECK(text(s, "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM audit ORDER BY seq)") ==
          "login shift_open void override sale no_sale pay_in shift_close logout");
    CHECK(text(s, "SELECT approver FROM audit WHERE kind = 'void'") == "9001");
    CHECK(text(s, "SELECT ref FROM audit WHERE kind = 'sale'") == sale["sale_id"].get<std::string>());
    // Records ride to the store in the next outbox row; the logout waits for the next one.
    CHECK(text(s, "SELECT sum(json_array_length(payload, '$.audit')) FROM outbox") == "8");
    CHECK(text(s, "SELECT count(*) FROM outbox WHERE kind = 'audit'") == "0");
    CHECK(text(s, "SELECT last_seq FROM audit_shipped") == "8");
    auto verdict = pos::actions::verify_lane_audit(*s.files.db);
    REQUIRE(verdict.ok());
    CHECK(verdict->records == 9);
    CHECK_FALSE(verdict->broken.has_value());
    // The triggers refuse edits through SQL.
    auto update = s.files.db->connection().exec("UPDATE audit SET actor = '1002' WHERE seq = 3");
    REQUIRE_FALSE(update.ok());
    CHECK(update.error().message.find("the audit log is append-only: its records cannot be changed") !=
          std::string::npos);
    CHECK_FALSE(s.files.db->connection().exec("DELETE FROM audit WHERE seq = 9").ok());
}

TEST_CASE("security: a sale whose audit record cannot be written is not committed") {
    DemoLane s;
    selling(s);
    REQUIRE(s.files.db->connection()
                .exec("CREATE TRIGGER audit_full BEFORE INSERT ON audit WHEN NEW.kind = 'sale' "
                      "BEGIN SELECT RAISE(ABORT, 'audit refused for the test'); END")
                .ok());
    json refused = s.run(R"({"op":"tender","method":"cash","amount":"10.00"})");
    CHECK(error_code(refused) == "storage");
    CHECK(text(s, "SELECT count(*) FROM sales") == "0");
    CHECK(text(s, "SELECT count(*) FROM outbox WHERE kind = 'sale'") == "0");
    CHECK(s.lane->ticket().has_live_lines());
    REQUIRE(s.files.db->connection().exec("DROP TRIGGER audit_full").ok());
    s.ok(R"({"op":"tender","method":"cash","amount":"10.00"})");
    CHECK(text(s, "SELECT count(*) FROM sales") == "1");
}

TEST_CASE("security: hostile text in action scripts is refused with a clear message and changes nothing") {
    DemoLane s;
    selling(s);
    // Scanned data: quotes, control characters, a very long code, SQL.
    for (const char* code : {R"(6921168176748\" OR 1=1 --)", "\\u001b[2J6921168176748", "'; DROP TABLE sales; --"}) {
        CAPTURE(code);
        json refused = s.run(std::string(R"({"op":"scan","code":")") + code + "\"}");
        CHECK(refused["ok"] == false);
        CHECK_FALSE(refused["error"]["message"].get<std::string>().empty());
    }
    json long_code = s.run(R"({"op":"scan","code":")" + std::string(100000, '6') + "\"}");
    CHECK(long_code["ok"] == false);
    CHECK(s.lane->ticket().lines().size() == 1);
    json reference = s.run(R"({"op":"tender","method":"mobile","reference":"a\nb"})");
    CHECK(reference["error"]["code"] == "bad_input");
    s.ok(R"({"op":"tender","method":"cash","amount":"10.00"})");
    // Free text: control characters and length.
    json escape = s.run(R"({"op":"no_sale","reason":"open\u001b[2J"})");
    CHECK(
        escape["error"]["message"] ==
        "the reason has a control character (line break, tab or other invisible character) at character 5: remove it");
    json huge = s.run(R"({"op":"pay_in","amount":"1.00","reason":")" + std::string(5000, 'x') + "\"}");
    CHECK(huge["error"]["message"] == "the reason is 5000 characters long: at most 200 are kept");
    CHECK(text(s, "SELECT count(*) FROM cash_movements") == "0");
    // Invalid UTF-8 never reaches the lane: the line is not JSON.
    std::istringstream script("{\"op\":\"no_sale\",\"reason\":\"\xff\xfe\"}\n");
    std::ostringstream results;
    auto summary = pos::actions::run_session(*s.lane, script, results, [&] { return s.now; });
    CHECK(summary.failed == 1);
    CHECK(results.str().find("line 1 is not valid JSON") != std::string::npos);
    // Quotes and SQL in a reason are data: stored exactly, bound not spliced.
    s.ok(R"({"op":"pay_in","amount":"1.00","reason":"it's \"fine\"; DROP TABLE sales; --"})");
    CHECK(text(s, "SELECT reason FROM cash_movements") == R"(it's "fine"; DROP TABLE sales; --)");
}
