// posctl audit verify against real lane.db files edited by hand: raw SQL with the append-only
// triggers dropped, as someone with the sqlite3 shell would. Each kind of tampering is named by
// its record and exits 1; the store's copy of the chain is verified per lane after a sync.
#include <doctest/doctest.h>

#include <fstream>

#include "db/shared/sqlite.hpp"
#include "pos/actions/access/audit.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/posctl.hpp"
#include "tests/support/sync_lane.hpp"

using pos::testing::posctl;
using pos::testing::ProcessResult;
using pos::testing::TempDir;

namespace {

// A demo lane with a day's events: logins (one failed), a shift, a void, two sales, a no-sale, a close.
void busy_lane(const TempDir& dir) {
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    std::ofstream(dir.file("day.jsonl"))
        << R"({"op":"login","operator":"1001","pin":"0000","now":"2026-11-23T09:00:00+08:00"})"
           "\n"
           R"({"op":"login","operator":"1001","pin":"1234","now":"2026-11-23T09:00:10+08:00"})"
           "\n"
           R"({"op":"open_shift","float":"200.00","now":"2026-11-23T09:01:00+08:00"})"
           "\n"
           R"({"op":"scan","code":"6921168176748"})"
           "\n"
           R"({"op":"scan","code":"6921168861569"})"
           "\n"
           R"({"op":"void_line","line":2,"approver":"9001","pin":"999999","now":"2026-11-23T09:05:00+08:00"})"
           "\n"
           R"({"op":"tender","method":"cash","amount":"10.00","now":"2026-11-23T09:06:00+08:00"})"
           "\n"
           R"({"op":"scan","code":"6921168176748"})"
           "\n"
           R"({"op":"tender","method":"card","reference":"000777","last4":"4321","now":"2026-11-23T09:10:00+08:00"})"
           "\n"
           R"({"op":"no_sale","reason":"change","now":"2026-11-23T09:12:00+08:00"})"
           "\n"
           R"({"op":"close_shift","counted":{"cash":{"100":2,"1":2},"card":"2.00"},"now":"2026-11-23T17:00:00+08:00"})"
           "\n"
           R"({"op":"logout","now":"2026-11-23T17:01:00+08:00"})"
           "\n";
    ProcessResult run = posctl(dir, {"session", "run", dir.file("day.jsonl")});
    CAPTURE(run.out);
    REQUIRE(run.exit_code == 1);  // the first line, a wrong PIN, fails on purpose
}

// What someone with the sqlite3 shell does: drop the triggers, then edit.
void tamper(const TempDir& dir, const std::string& sql) {
    auto connection = pos::db::Connection::open(dir.file("data/lane.db"), false);
    REQUIRE(connection.ok());
    auto done = (*connection)->exec("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; " + sql);
    REQUIRE_MESSAGE(done.ok(), done.error().message);
}

}  // namespace

TEST_CASE("audit: verify passes an untouched lane and show lists every event") {
    TempDir dir;
    busy_lane(dir);
    ProcessResult verify = posctl(dir, {"audit", "verify"});
    CAPTURE(verify.err);
    CHECK(verify.exit_code == 0);
    CHECK(verify.out.find("records, chain intact") != std::string::npos);
    ProcessResult show = posctl(dir, {"audit", "show"});
    CHECK(show.exit_code == 0);
    for (const char* kind :
         {"login_failed", "login", "shift_open", "void", "sale", "no_sale", "shift_close", "logout"}) {
        CAPTURE(kind);
        CHECK(show.out.find(std::string("  ") + kind + " ") != std::string::npos);
    }
    CHECK(show.out.find("approved by 9001") != std::string::npos);
    // Records are dated by the system clock, never by the script's "now" (docs/security.md "Trusted time").
    ProcessResult since = posctl(dir, {"audit", "show", "--since", "2000-01-01"});
    CHECK(since.out.find("shift_close") != std::string::npos);
    CHECK(since.out.find("2026-11-23T09:") == std::string::npos);
    ProcessResult later = posctl(dir, {"audit", "show", "--since", "2999-01-01"});
    CHECK(later.out == "no audit records since 2999-01-01\n");
}

TEST_CASE("audit: a record changed by hand is named") {
    TempDir dir;
    busy_lane(dir);
    tamper(dir, "UPDATE audit SET approver = '1002' WHERE kind = 'void'");
    ProcessResult verify = posctl(dir, {"audit", "verify"});
    CHECK(verify.exit_code == 1);
    CHECK(verify.err.find("is BROKEN at record 4: record 4 (void at ") != std::string::npos);
    CHECK(verify.err.find(" by 1001) was changed or moved") != std::string::npos);
}

TEST_CASE("audit: a record changed with its hash recomputed is named through the next record's link") {
    TempDir dir;
    busy_lane(dir);
    // The tamperer edits sale record 6 and stores the SHA-256 of its new canonical encoding
    // (the encoding is public): record 6 checks out alone, record 7's link to it does not.
    tamper(dir, "UPDATE audit SET detail = '{}' WHERE seq = 6");
    {
        auto connection = pos::db::Connection::open(dir.file("data/lane.db"), false);
        REQUIRE(connection.ok());
        auto rows = pos::db::read_audit_rows(**connection, std::nullopt);
        REQUIRE(rows.ok());
        REQUIRE(rows->size() == 9);
        std::string rehashed =
            pos::actions::sha256_hex(pos::core::canonical_encoding(pos::actions::to_entry((*rows)[5])));
        REQUIRE((*connection)->exec("UPDATE audit SET hash = '" + rehashed + "' WHERE seq = 6").ok());
    }
    ProcessResult verify = posctl(dir, {"audit", "verify"});
    CHECK(verify.exit_code == 1);
    CHECK(verify.err.find("BROKEN at record 6: record 6 (sale at ") != std::string::npos);
    CHECK(verify.err.find(" by 1001) was changed, with its hash rewritten, or records were reordered: record 7 "
                          "recorded a different hash for it") != std::string::npos);
}

TEST_CASE("audit: a record removed from the middle or the end is named") {
    TempDir middle;
    busy_lane(middle);
    tamper(middle, "DELETE FROM audit WHERE seq = 4");
    ProcessResult verify = posctl(middle, {"audit", "verify"});
    CHECK(verify.exit_code == 1);
    CHECK(verify.err.find(
              "BROKEN at record 4: record 4 is missing: removed from the log (the next record present is 5)") !=
          std::string::npos);

    TempDir end;
    busy_lane(end);
    // Records 8 (the shift close, already queued for the store) and 9 (the logout, not yet).
    tamper(end, "DELETE FROM audit WHERE seq >= 8");
    ProcessResult cut = posctl(end, {"audit", "verify"});
    CHECK(cut.exit_code == 1);
    CHECK(cut.err.find("BROKEN at record 8: record 8 was removed from the end of the log") != std::string::npos);
}

TEST_CASE("audit: records reordered by hand are named") {
    TempDir dir;
    busy_lane(dir);
    // Swap records 7 and 8 (renumbering them so seq still counts up).
    tamper(dir,
           "UPDATE audit SET seq = -7 WHERE seq = 7; UPDATE audit SET seq = 7 WHERE seq = 8; "
           "UPDATE audit SET seq = 8 WHERE seq = -7");
    ProcessResult verify = posctl(dir, {"audit", "verify"});
    CHECK(verify.exit_code == 1);
    CHECK(verify.err.find("BROKEN at record 7") != std::string::npos);
    CHECK(verify.err.find("was changed or moved") != std::string::npos);
}

TEST_CASE("audit: the chain travels to the store with the sales and verifies there per lane") {
    TempDir dir;
    busy_lane(dir);
    ProcessResult sync = posctl(dir, {"sync", "--once"});
    CAPTURE(sync.err);
    REQUIRE(sync.exit_code == 0);
    ProcessResult store = posctl(dir, {"audit", "verify", "--store"});
    CAPTURE(store.err);
    CHECK(store.exit_code == 0);
    CHECK(store.out.find("audit log of lane 1 at the store") != std::string::npos);
    CHECK(store.out.find("chain intact") != std::string::npos);
    // Editing the lane afterwards does not touch the store's copy, which still verifies.
    tamper(dir, "UPDATE audit SET actor = '1002' WHERE seq = 3");
    CHECK(posctl(dir, {"audit", "verify"}).exit_code == 1);
    CHECK(posctl(dir, {"audit", "verify", "--store"}).exit_code == 0);
    // The store's copy edited by hand is caught too.
    auto connection = pos::db::Connection::open(dir.file("data/store.db"), false);
    REQUIRE(connection.ok());
    REQUIRE((*connection)->exec("DROP TRIGGER audit_no_update; UPDATE audit SET detail = '{}' WHERE seq = 7").ok());
    connection->reset();
    ProcessResult broken = posctl(dir, {"audit", "verify", "--store"});
    CHECK(broken.exit_code == 1);
    CHECK(broken.err.find("audit log of lane 1 at the store") != std::string::npos);
    CHECK(broken.err.find("BROKEN at record 7") != std::string::npos);
}

TEST_CASE("audit: records after the last sale (a logout, a failed login) reach the store at the next sync") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    std::ofstream(dir.file("day.jsonl")) << R"({"op":"login","operator":"1001","pin":"1234"})"
                                            "\n"
                                            R"({"op":"open_shift","float":"200.00"})"
                                            "\n"
                                            R"({"op":"scan","code":"6921168176748"})"
                                            "\n"
                                            R"({"op":"tender","method":"cash","amount":"10.00"})"
                                            "\n"
                                            R"({"op":"logout"})"
                                            "\n"
                                            R"({"op":"login","operator":"1002","pin":"0000"})"
                                            "\n";
    ProcessResult run = posctl(dir, {"session", "run", dir.file("day.jsonl")});
    CAPTURE(run.out);
    REQUIRE(run.exit_code == 1);  // the last line, a wrong PIN, fails on purpose
    std::string lane_db = dir.file("data/lane.db");
    int64_t records = pos::testing::query_count(lane_db, "SELECT count(*) FROM audit");
    CHECK(pos::testing::query_count(lane_db, "SELECT count(*) FROM audit WHERE kind IN ('logout', 'login_failed')") ==
          2);

    ProcessResult sync = posctl(dir, {"sync", "--once"});
    CAPTURE(sync.err);
    REQUIRE(sync.exit_code == 0);
    CHECK(pos::testing::store_text(dir, "SELECT count(*) FROM audit") == std::to_string(records));
    CHECK(pos::testing::store_text(dir,
                                   "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM audit WHERE seq > "
                                   "(SELECT seq FROM audit WHERE kind = 'sale') ORDER BY seq)") ==
          "logout login_failed");
    // They travelled as one outbox row of their own, after the sale's.
    CHECK(pos::testing::query_count(lane_db,
                                    "SELECT count(*) FROM outbox WHERE kind = 'audit' AND synced_at IS NOT NULL") == 1);
    ProcessResult store = posctl(dir, {"audit", "verify", "--store"});
    CAPTURE(store.err);
    CHECK(store.exit_code == 0);
    CHECK(posctl(dir, {"audit", "verify"}).exit_code == 0);

    // Nothing new: the next sync queues nothing more.
    REQUIRE(posctl(dir, {"sync", "--once"}).exit_code == 0);
    CHECK(pos::testing::query_count(lane_db, "SELECT count(*) FROM outbox WHERE kind = 'audit'") == 1);
}

TEST_CASE("audit: posctl user pin and reset-pin read PINs from standard input and are audited") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    std::string data = dir.file("data");
    auto shell = [&](const std::string& command) { return pos::testing::run({"/bin/sh", "-c", command}, dir.path()); };
    std::string p = std::string(POS_POSCTL) + " --data " + data;
    // The demo manager 8801 approves (number, PIN), then the new manager's PIN.
    CHECK(
        shell("printf '8801\\n888888\\n888888\\n' | " + p + " user add 9100 --name Manager --role manager").exit_code ==
        0);
    ProcessResult changed = shell("printf '1234\\n4321\\n' | " + p + " user pin 1001");
    CAPTURE(changed.err);
    CHECK(changed.exit_code == 0);
    CHECK(changed.out.rfind("the PIN of operator 1001 was changed\n", 0) == 0);
    ProcessResult wrong = shell("printf '1234\\n5678\\n' | " + p + " user pin 1001");
    CHECK(wrong.exit_code == 1);
    CHECK(wrong.err.find("wrong PIN for operator 1001") != std::string::npos);
    ProcessResult refused = shell("printf '999999\\n5555\\n' | " + p + " user reset-pin 1001 --manager 9001");
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("cannot approve user_admin") != std::string::npos);
    ProcessResult reset = shell("printf '888888\\n5555\\n' | " + p + " user reset-pin 1001 --manager 9100");
    CAPTURE(reset.err);
    CHECK(reset.exit_code == 0);
    ProcessResult show = posctl(dir, {"audit", "show"});
    CHECK(show.out.find("user_add") != std::string::npos);
    CHECK(show.out.find("pin_change") != std::string::npos);
    CHECK(show.out.find("pin_reset") != std::string::npos);
    CHECK(posctl(dir, {"audit", "verify"}).exit_code == 0);
}
