// The attacks of issue #17 on approvals, PINs, admin commands and time, repeated through the real
// posctl: each must fail safely with a clear message, and every admin act leaves one audit record
// (acts at the store in store.db's own chain).
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>

#include <fmt/format.h>

#include "db/shared/audit_log.hpp"
#include "db/shared/sqlite.hpp"
#include "pos/actions/access/audit.hpp"
#include "tests/support/posctl.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"

using pos::testing::posctl;
using pos::testing::posctl_input;
using pos::testing::ProcessResult;
using pos::testing::TempDir;

namespace {

std::string lane_text(const TempDir& dir, const std::string& sql) {
    auto connection = pos::testing::raw_open(dir.file("data/lane.db"));
    auto answer = connection->query_text(sql);
    REQUIRE_MESSAGE(answer.ok(), sql);
    return answer->value_or("NULL");
}

ProcessResult script(const TempDir& dir, const std::string& lines) {
    std::ofstream(dir.file("script.jsonl"), std::ios::trunc) << lines;
    return posctl(dir, {"session", "run", dir.file("script.jsonl")});
}

}  // namespace

TEST_CASE("access: user add asks a manager through the permission table, and nobody makes a role above their own") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    // The attack: an admin added with nobody's approval. Now the acting operator is read first.
    ProcessResult nobody = posctl_input(dir, {"user", "add", "7777", "--name", "X", "--role", "admin"}, "\n\n777700\n");
    CHECK(nobody.exit_code == 1);
    CHECK(nobody.err == "posctl: adding operator 7777 needs a manager: give their number and PIN\n");
    ProcessResult cashier =
        posctl_input(dir, {"user", "add", "7777", "--name", "X", "--role", "cashier"}, "1001\n1234\n777700\n");
    CHECK(cashier.exit_code == 1);
    CHECK(cashier.err.find("operator 1001 is a cashier and cannot approve user_admin") != std::string::npos);
    ProcessResult admin =
        posctl_input(dir, {"user", "add", "7777", "--name", "X", "--role", "admin"}, "8801\n888888\n777700\n");
    CHECK(admin.exit_code == 1);
    CHECK(admin.err == "posctl: operator 8801 is a manager and cannot give the role admin: an admin must do it\n");
    // An approver's PIN has at least 6 digits.
    ProcessResult short_pin =
        posctl_input(dir, {"user", "add", "7777", "--name", "X", "--role", "supervisor"}, "8801\n888888\n7777\n");
    CHECK(short_pin.exit_code == 2);
    CHECK(short_pin.err == "posctl: the PIN of a supervisor must be 6 to 8 digits\n");
    ProcessResult added =
        posctl_input(dir, {"user", "add", "7777", "--name", "X", "--role", "supervisor"}, "8801\n888888\n777700\n");
    CAPTURE(added.err);
    CHECK(added.exit_code == 0);
    CHECK(lane_text(dir, "SELECT actor || '/' || ref FROM audit WHERE kind = 'user_add'") == "8801/7777");
    // Enabling and disabling: the same table, one audit record each.
    ProcessResult self = posctl_input(dir, {"user", "disable", "8801"}, "8801\n888888\n");
    CHECK(self.exit_code == 1);
    CHECK(self.err.find("needs a second person") != std::string::npos);
    REQUIRE(posctl_input(dir, {"user", "disable", "7777"}, "8801\n888888\n").exit_code == 0);
    CHECK(lane_text(dir, "SELECT actor || '/' || ref FROM audit WHERE kind = 'user_disable'") == "8801/7777");
    CHECK(posctl(dir, {"audit", "verify"}).exit_code == 0);
}

TEST_CASE("access: a catalog import that changes a price needs a manager and records every old and new price") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    REQUIRE(posctl(dir, {"catalog", "export", dir.file("catalog.csv")}).exit_code == 0);
    std::string csv = pos::testing::read_whole(dir.file("catalog.csv"));
    // 101001 sells at 2.00: the attack set it to 0.01 with no approval and no record.
    size_t row = csv.find("\n101001,");
    REQUIRE(row != std::string::npos);
    size_t end = csv.find('\n', row + 1);
    std::string line = csv.substr(row + 1, end - row - 1);
    std::string cheap = line;
    size_t price = cheap.find(",2.00,");
    REQUIRE(price != std::string::npos);
    cheap.replace(price, 6, ",0.01,");
    csv.replace(row + 1, line.size(), cheap);
    std::ofstream(dir.file("cheap.csv")) << csv;

    ProcessResult refused = posctl_input(dir, {"catalog", "import", dir.file("cheap.csv")}, "9001\n999999\n");
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("operator 9001 is a supervisor and cannot approve catalog_import") != std::string::npos);
    ProcessResult wrong = posctl_input(dir, {"catalog", "import", dir.file("cheap.csv")}, "8801\n000000\n");
    CHECK(wrong.exit_code == 1);
    CHECK(wrong.err.find("wrong PIN for operator 8801") != std::string::npos);
    CHECK(pos::testing::store_text(dir, "SELECT price_fen FROM items WHERE sku = '101001'") == "200");

    ProcessResult imported = posctl_input(dir, {"catalog", "import", dir.file("cheap.csv")}, "8801\n888888\n");
    CAPTURE(imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK(pos::testing::store_text(dir, "SELECT price_fen FROM items WHERE sku = '101001'") == "1");
    CHECK(pos::testing::store_text(dir,
                                   "SELECT actor || ' ' || json_extract(detail, '$.price_changes') FROM "
                                   "store_audit WHERE kind = 'catalog_import'") ==
          R"(8801 [{"name":"农夫山泉饮用天然水","new":"0.01","old":"2.00","sku":"101001"}])");
    // An act at the store: not in the lane's chain.
    CHECK(lane_text(dir, "SELECT count(*) FROM audit WHERE kind = 'catalog_import' OR detail LIKE '%at_store%'") ==
          "0");
    ProcessResult verified = posctl(dir, {"audit", "verify", "--store"});
    CHECK(verified.exit_code == 0);
    CHECK(verified.out.find("audit log of the store itself") != std::string::npos);
}

TEST_CASE("access: no --pin on any command line, promotions, price changes and forced closes ask a PIN on stdin") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    std::ofstream(dir.file("prices.csv")) << "sku,old_price,new_price\n101001,2.00,2.20\n";
    ProcessResult with_pin = posctl(dir, {"price-change", "create", "--file", dir.file("prices.csv"), "--effective",
                                          "2099-01-01", "--reason", "x", "--by", "8801", "--pin", "888888"});
    CHECK(with_pin.exit_code == 2);
    CHECK(
        posctl(dir, {"day", "close", "--force", "--reason", "x", "--approver", "9001", "--pin", "999999"}).exit_code ==
        2);
    CHECK(posctl(dir, {"stock", "count", "open", "--by", "8801", "--pin", "888888"}).exit_code == 2);

    std::ofstream(dir.file("promo.json"))
        << R"({"id":"TEA","name":"茶","kind":"price","starts":"2026-11-20","ends":"2099-11-30","skus":["101003"],"price":"1.00"})";
    ProcessResult cashier_promo = posctl_input(dir, {"promo", "add", dir.file("promo.json")}, "1001\n1234\n");
    CHECK(cashier_promo.exit_code == 1);
    CHECK(cashier_promo.err.find("cannot approve promotion") != std::string::npos);
    REQUIRE(posctl_input(dir, {"promo", "add", dir.file("promo.json")}, "8801\n888888\n").exit_code == 0);
    REQUIRE(posctl_input(dir, {"promo", "end", "TEA"}, "8801\n888888\n").exit_code == 0);
    ProcessResult created = posctl_input(dir,
                                         {"price-change", "create", "--file", dir.file("prices.csv"), "--effective",
                                          "2099-01-01", "--reason", "供应商调价"},
                                         "9001\n999999\n");
    CAPTURE(created.err);
    REQUIRE(created.exit_code == 0);
    CHECK(pos::testing::store_text(dir, "SELECT group_concat(kind || ':' || actor, ' ') FROM store_audit") ==
          "promotion_add:8801 promotion_end:8801 price_change_create:9001");
    CHECK(posctl(dir, {"audit", "verify", "--store"}).exit_code == 0);

    // A shift left open blocks the day; a supervisor forces it with the PIN on stdin, and the act is
    // the store's: one record in the store's chain, none in the lane's.
    REQUIRE(script(dir, R"({"op":"login","operator":"1001","pin":"1234"})"
                        "\n"
                        R"({"op":"open_shift","float":"200.00"})"
                        "\n")
                .exit_code == 0);
    REQUIRE(posctl(dir, {"sync", "--once"}).exit_code == 0);
    CHECK(posctl(dir, {"day", "close"}).exit_code != 0);
    ProcessResult forced =
        posctl_input(dir, {"day", "close", "--force", "--reason", "收银机故障", "--approver", "9001"}, "999999\n");
    CAPTURE(forced.err);
    REQUIRE(forced.exit_code == 0);
    CHECK(pos::testing::store_text(dir,
                                   "SELECT actor || ' ' || approver || ' ' || json_extract(detail, '$.via_lane') "
                                   "FROM store_audit WHERE kind = 'end_of_day_force'") == "9001 9001 1");
    CHECK(lane_text(dir, "SELECT count(*) FROM audit WHERE kind = 'end_of_day_force'") == "0");
    CHECK(posctl(dir, {"audit", "verify", "--store"}).exit_code == 0);
}

TEST_CASE("access: script times never move lockouts, and only a demo or test lane takes them at all") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    // Fifteen wrong PINs dated 16 minutes apart, then the right one: still locked out.
    std::string lines;
    for (int i = 0; i < 15; ++i) {
        lines += R"({"op":"login","operator":"1001","pin":"0000","now":"2026-11-23T)" +
                 fmt::format("{:02}:{:02}", 8 + (i * 16) / 60, (i * 16) % 60) + R"(:00+08:00"})" + "\n";
    }
    lines += R"({"op":"login","operator":"1001","pin":"1234","now":"2026-11-23T13:00:00+08:00"})"
             "\n";
    ProcessResult attack = script(dir, lines);
    std::string last = attack.out.substr(attack.out.rfind('{'));
    CAPTURE(attack.out);
    CHECK(last.find("\"locked_out\"") != std::string::npos);
    // Five wrong PINs dated 2099 lock for lockout_minutes from now, not until 2099.
    std::string future;
    for (int i = 0; i < 5; ++i)
        future += R"({"op":"login","operator":"9001","pin":"000000","now":"2099-01-01T09:00:00+08:00"})"
                  "\n";
    script(dir, future);
    // Locked until some minutes from now (seconds since 1970), nowhere near 2099 (4,070,908,800).
    CHECK(lane_text(dir,
                    "SELECT CAST(locked_until AS INTEGER) BETWEEN 1700000000 AND 4000000000 FROM users "
                    "WHERE operator = '9001'") == "1");
    CHECK(lane_text(dir, "SELECT count(*) FROM audit WHERE at LIKE '2099%' OR at LIKE '2026-11-23T08%'") == "0");

    // A lane that is not a demo lane refuses the script's clock.
    TempDir real;
    REQUIRE(posctl(real, {"init"}).exit_code == 0);
    REQUIRE(posctl_input(real, {"user", "add", "8801", "--name", "M", "--role", "manager"}, "880100\n").exit_code == 0);
    std::ofstream(real.file("script.jsonl"))
        << R"({"op":"login","operator":"8801","pin":"880100","now":"2026-11-23T09:00:00+08:00"})"
           "\n";
    ProcessResult refused = posctl(real, {"session", "run", real.file("script.jsonl")});
    CHECK(refused.exit_code == 1);
    CHECK(refused.out.find("this lane keeps the system clock") != std::string::npos);
    ProcessResult day = posctl(real, {"day", "close", "--now", "2026-11-23T22:00:00+08:00"});
    CHECK(day.exit_code == 1);
    CHECK(day.err.find("--now is taken only on a demo or test lane") != std::string::npos);
    ProcessResult count = posctl_input(
        real, {"stock", "count", "open", "--by", "8801", "--now", "2026-11-23T22:00:00+08:00"}, "880100\n");
    CHECK(count.exit_code == 1);
    CHECK(count.err.find("--now is taken only on a demo or test lane") != std::string::npos);
}

TEST_CASE("access: a clock set back past the last record is recorded and shown") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    {
        // The last record dated in the future, as if the clock had been ahead and was then set back.
        auto connection = pos::db::Connection::open(dir.file("data/lane.db"), false);
        REQUIRE(connection.ok());
        auto last = pos::db::last_audit_row(**connection);
        REQUIRE(last.ok());
        std::optional<pos::core::AuditEntry> previous;
        if (*last) previous = pos::actions::to_entry(**last);
        pos::core::AuditEntry ahead{0, "2099-01-01T09:00:00+08:00", 1, "logout", "1001", {}, "1001", "{}", {}, {}};
        auto chained =
            pos::core::chained(ahead, previous, [](std::string_view bytes) { return pos::actions::sha256_hex(bytes); });
        REQUIRE(pos::db::append_audit_row(
                    **connection, {chained.seq, chained.at, chained.lane, chained.kind, chained.actor, chained.approver,
                                   chained.ref, chained.detail, chained.prev_hash, chained.hash})
                    .ok());
    }
    script(dir, R"({"op":"login","operator":"1001","pin":"1234"})"
                "\n");
    CHECK(lane_text(dir, "SELECT json_extract(detail, '$.last_recorded') FROM audit WHERE kind = 'clock_backwards'") ==
          "2099-01-01T09:00:00+08:00");
    ProcessResult verify = posctl(dir, {"audit", "verify"});
    CHECK(verify.exit_code == 0);
    CHECK(verify.out.find("the clock went backwards at record") != std::string::npos);
}

TEST_CASE("access: lane.db, store.db and pos.toml are the owner's alone, demo users are at the store too") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    for (const char* name : {"data/lane.db", "data/store.db", "data/pos.toml"}) {
        struct stat info {};
        REQUIRE(stat(dir.file(name).c_str(), &info) == 0);
        CAPTURE(name);
        CHECK((info.st_mode & 0777) == 0600);
    }
    CHECK(
        pos::testing::store_text(
            dir, "SELECT group_concat(who, ' ') FROM (SELECT operator || ':' || role AS who FROM users ORDER BY 1)") ==
        "1001:cashier 1002:cashier 8801:manager 9001:supervisor");
}
