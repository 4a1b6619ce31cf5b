// Issue #17's attacks on what the store keeps, repeated through the real programs: pos-store on
// 127.0.0.1, real lanes (posctl), and a hostile peer speaking pos-store's protocol with a real
// lane token. Each must fail safely with a clear message and nothing lost (docs/security.md
// "Threat table").
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>

#include <nlohmann/json.hpp>

#include "db/shared/audit_log.hpp"
#include "db/shared/sqlite.hpp"
#include "pos/actions/access/audit.hpp"
#include "sync/http_store_sink.hpp"
#include "tests/support/pos_store.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"

using nlohmann::json;
using pos::testing::ProcessResult;
using pos::testing::TempDir;
using namespace std::chrono_literals;

namespace {

ProcessResult posctl(const std::string& data, std::vector<std::string> args) {
    args.insert(args.begin(), {POS_POSCTL, "--data", data});
    return pos::testing::run(args, data);
}

// Runs an action script on the lane; every line must answer ok.
void session(const std::string& data, const std::string& script) {
    std::ofstream(data + "/script.jsonl", std::ios::trunc) << script;
    ProcessResult run = posctl(data, {"session", "run", data + "/script.jsonl"});
    CAPTURE(run.out);
    CAPTURE(run.err);
    REQUIRE(run.exit_code == 0);
}

constexpr const char* login = R"({"op":"login","operator":"1001","pin":"1234"})"
                              "\n";
constexpr const char* close_shift =
    R"({"op":"close_shift","counted":{"cash":{"100":2}},"reason":"count","approver":"8801","pin":"888888"})"
    "\n";

// pos-store with its store directory, and lanes 1 and 2 syncing to it with their own tokens.
struct StoreWithLanes {
    TempDir dir;
    std::unique_ptr<pos::testing::PosStoreProcess> store;
    std::string token1;
    std::string token2;
    std::string lane1;
    std::string lane2;

    StoreWithLanes() {
        REQUIRE(posctl(dir.file("store"), {"init", "--demo"}).exit_code == 0);
        store = std::make_unique<pos::testing::PosStoreProcess>(dir);
        token1 = pos::testing::issue_store_token(dir, 1);
        token2 = pos::testing::issue_store_token(dir, 2);
        lane1 = pos::testing::demo_lane_with_store(dir, 1, store->url(), token1);
        lane2 = pos::testing::demo_lane_with_store(dir, 2, store->url(), token2);
    }
    // The protocol as any holder of `token` can speak it.
    [[nodiscard]] pos::sync::HttpStoreOptions peer(const std::string& token, int lane) const {
        return {store->url(), token, lane, 2000ms, 15000ms, pos::testing::store_pin(dir)};
    }
    [[nodiscard]] std::string store_db() const { return dir.file("store/store.db"); }
};

std::string lane_text(const std::string& data, const std::string& sql) {
    auto connection = pos::testing::raw_open(data + "/lane.db");
    auto answer = connection->query_text(sql);
    REQUIRE(answer.ok());
    return answer->value_or("");
}

json sync_status(const std::string& data) {
    ProcessResult status = posctl(data, {"sync", "--status", "--format", "json"});
    CAPTURE(status.err);
    REQUIRE(status.exit_code == 0);
    return json::parse(status.out);
}

// What someone with write access to lane.db does: rewrite a record and recompute every hash
// after it, so that `audit verify` alone finds the chain intact.
void rewrite_history(const std::string& data, const std::string& sql) {
    auto connection = pos::testing::raw_open(data + "/lane.db");
    REQUIRE(connection->exec("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; " + sql).ok());
    auto rows = pos::db::read_audit_rows(*connection, std::nullopt);
    REQUIRE(rows.ok());
    std::string previous = pos::core::genesis_hash();
    for (pos::db::AuditRow& row : *rows) {
        row.prev_hash = previous;
        row.hash = pos::actions::sha256_hex(pos::core::canonical_encoding(pos::actions::to_entry(row)));
        REQUIRE(connection
                    ->exec("UPDATE audit SET prev_hash = '" + row.prev_hash + "', hash = '" + row.hash +
                           "' WHERE seq = " + std::to_string(row.seq))
                    .ok());
        previous = row.hash;
    }
}

}  // namespace

TEST_CASE("anchor: lane 2 cannot close lane 1's shift, and lane 1's real close is stored") {
    StoreWithLanes shop;
    session(shop.lane1, pos::testing::selling_script(1));
    REQUIRE(posctl(shop.lane1, {"sync", "--once"}).exit_code == 0);
    // Lane 2 closes a shift of its own, so it has a genuine shift close to copy.
    session(shop.lane2, std::string(login) +
                            R"({"op":"open_shift","float":"200.00"})"
                            "\n" +
                            close_shift);

    // Lane 2 reads lane 1's shift id from GET /v1/sales, as any lane may for a return.
    auto sale = pos::sync::fetch_sale_for_return(shop.peer(shop.token2, 2), pos::db::SaleQuery{std::nullopt, 1, 1});
    REQUIRE(sale.ok());
    std::string victim_shift = sale->sale.shift_id;
    json forged = json::parse(lane_text(shop.lane2, "SELECT payload FROM outbox WHERE kind = 'shift_close'"));
    forged["shift_id"] = victim_shift;
    forged.erase("audit");
    pos::sync::HttpStoreSink intruder(shop.peer(shop.token2, 2));
    auto refused = intruder.deliver({{1, "shift_close", victim_shift, forged.dump(), "2026-11-23T18:00:00+08:00"}}, "");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == pos::db::DbErrorCode::refused);
    CHECK(refused.error().message.find("names shift " + victim_shift +
                                       ", which is lane 1's: a lane writes only into "
                                       "its own shifts; nothing of this batch was stored") != std::string::npos);
    CHECK(pos::testing::query_count(shop.store_db(), "SELECT count(*) FROM shift_closes") == 0);

    // Lane 1's own close then reaches the store, its own.
    session(shop.lane1, std::string(login) + close_shift);
    ProcessResult sync = posctl(shop.lane1, {"sync", "--once"});
    CAPTURE(sync.err);
    CHECK(sync.exit_code == 0);
    CHECK(pos::testing::query_count(shop.store_db(), "SELECT count(*) FROM shift_closes WHERE shift_id = '" +
                                                         victim_shift + "' AND lane = 1") == 1);
    CHECK(sync_status(shop.lane1)["kept_aside"].empty());
}

TEST_CASE("anchor: records without a lane are refused whole") {
    StoreWithLanes shop;
    pos::sync::HttpStoreSink peer(shop.peer(shop.token2, 2));
    auto refused = peer.deliver(
        {{1, "cash_movement", "m-1", R"({"id":"m-1","kind":"pay_in","amount":"9.00"})", "2026-11-23T18:00:00+08:00"}},
        "");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == pos::db::DbErrorCode::refused);
    CHECK(refused.error().message ==
          "pos-store: the cash_movement record m-1 names no lane: pos-store takes only records of the lane whose token "
          "sent "
          "them; nothing of this batch was stored");
    CHECK(pos::testing::query_count(shop.store_db(), "SELECT count(*) FROM received") == 0);
}

TEST_CASE("anchor: a void's approver rewritten in lane.db with the chain recomputed is named against the store") {
    StoreWithLanes shop;
    session(shop.lane1, std::string(login) + R"({"op":"open_shift","float":"200.00"})"
                                             "\n"
                                             R"({"op":"scan","code":"6921168176748"})"
                                             "\n"
                                             R"({"op":"scan","code":"6921168861569"})"
                                             "\n"
                                             R"({"op":"void_line","line":2,"approver":"9001","pin":"999999"})"
                                             "\n"
                                             R"({"op":"tender","method":"cash","amount":"10.00"})"
                                             "\n");
    REQUIRE(posctl(shop.lane1, {"sync", "--once"}).exit_code == 0);
    std::string void_seq = lane_text(shop.lane1, "SELECT seq FROM audit WHERE kind = 'void'");
    REQUIRE_FALSE(void_seq.empty());

    rewrite_history(shop.lane1, "UPDATE audit SET approver = '9002' WHERE kind = 'void'");
    ProcessResult alone = posctl(shop.lane1, {"audit", "verify"});
    CHECK(alone.exit_code == 0);  // the lane's own chain is consistent again: only the store can tell
    ProcessResult anchored = posctl(shop.lane1, {"audit", "verify", "--against-store"});
    CAPTURE(anchored.out);
    CHECK(anchored.exit_code == 1);
    CHECK(anchored.err.find("DIFFERS from the store's copy at record " + void_seq + ": record " + void_seq +
                            " (void at ") != std::string::npos);
    CHECK(anchored.err.find(R"(approver is "9002" in lane.db but "9001" at the store)") != std::string::npos);
}

TEST_CASE("anchor: a forged audit record sent first does not make the genuine one vanish") {
    StoreWithLanes shop;
    session(shop.lane1, pos::testing::selling_script(1));
    REQUIRE(posctl(shop.lane1, {"sync", "--once"}).exit_code == 0);
    size_t sent = size_t(pos::testing::query_count(shop.lane1 + "/lane.db", "SELECT count(*) FROM audit"));
    session(shop.lane1, std::string(login) + R"({"op":"no_sale","reason":"change"})"
                                             "\n");
    // The genuine next record waits on lane 1; a forger holding lane 1's token sends a different
    // one under the same number first, linked correctly to the store's chain.
    auto connection = pos::testing::raw_open(shop.lane1 + "/lane.db");
    auto rows = pos::db::read_audit_rows(*connection, std::nullopt);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() > sent);
    pos::db::AuditRow genuine = (*rows)[sent];
    REQUIRE(genuine.kind == "login");
    pos::db::AuditRow forged = genuine;
    forged.detail = R"({"reason":"forged"})";
    forged.hash = pos::actions::sha256_hex(pos::core::canonical_encoding(pos::actions::to_entry(forged)));
    pos::sync::HttpStoreSink forger(shop.peer(shop.token1, 1));
    auto taken = forger.deliver(
        {{1, "audit", "1:forged", R"({"lane":1,"audit":[)" + pos::db::audit_payload(forged) + "]}", forged.at}}, "");
    REQUIRE(taken.ok());

    // The genuine record arrives: 409, kept aside beside the forged one, an alarm on the lane.
    ProcessResult sync = posctl(shop.lane1, {"sync", "--once"});
    CAPTURE(sync.out);
    CAPTURE(sync.err);
    CHECK(sync.exit_code == 0);
    CHECK(pos::testing::query_count(shop.lane1 + "/lane.db", "SELECT count(*) FROM outbox WHERE synced_at IS NULL") ==
          0);
    json status = sync_status(shop.lane1);
    REQUIRE(status["kept_aside"].size() == 1);
    CHECK(status["kept_aside"][0]["why"] == "conflict");
    CHECK(status["kept_aside"][0]["reason"].get<std::string>().rfind(
              "the store already holds a different audit record " + std::to_string(genuine.seq) + " of lane 1: detail",
              0) == 0);
    ProcessResult text = posctl(shop.lane1, {"sync", "--status"});
    CHECK(text.out.find("ALARM: 1 record(s) kept aside at the store, tell the manager:") != std::string::npos);
    std::string both =
        "SELECT count(*) FROM kept_aside WHERE kind = 'audit' AND why = 'conflict' AND stored LIKE "
        "'%forged%' AND delivered = '" +
        pos::db::audit_payload(genuine) + "'";
    CHECK(pos::testing::query_count(shop.store_db(), both) == 1);
    ProcessResult anchored = posctl(shop.lane1, {"audit", "verify", "--against-store"});
    CHECK(anchored.exit_code == 1);
    CHECK(anchored.err.find("DIFFERS from the store's copy at record " + std::to_string(genuine.seq)) !=
          std::string::npos);
    CHECK(anchored.err.find("ALARM: the store kept aside audit record 1:" + std::to_string(genuine.seq)) !=
          std::string::npos);
}

TEST_CASE("anchor: one record the store cannot read no longer blocks its batch or the end of day") {
    StoreWithLanes shop;
    session(shop.lane1, pos::testing::selling_script(2) + close_shift);
    // The first sale's record is damaged on its way (its receipt number no longer a number).
    auto connection = pos::testing::raw_open(shop.lane1 + "/lane.db");
    REQUIRE(connection
                ->exec("UPDATE outbox SET payload = json_set(payload, '$.receipt_no', 'one') WHERE seq = (SELECT "
                       "min(seq) FROM outbox WHERE kind = 'sale')")
                .ok());
    std::string damaged = lane_text(shop.lane1, "SELECT ref FROM outbox WHERE kind = 'sale' ORDER BY seq LIMIT 1");
    connection.reset();

    ProcessResult sync = posctl(shop.lane1, {"sync", "--once"});
    CAPTURE(sync.out);
    CAPTURE(sync.err);
    CHECK(sync.exit_code == 0);
    CHECK(pos::testing::query_count(shop.lane1 + "/lane.db", "SELECT count(*) FROM outbox WHERE synced_at IS NULL") ==
          0);
    json status = sync_status(shop.lane1);
    REQUIRE(status["kept_aside"].size() == 1);
    CHECK(status["kept_aside"][0]["why"] == "quarantine");
    CHECK(status["kept_aside"][0]["ref"] == damaged);
    CHECK(status["kept_aside"][0]["reason"].get<std::string>().find("receipt_no must be a whole number") !=
          std::string::npos);
    // Everything behind it reached the store: the other sale, the shift and its close; the
    // damaged one is held aside there with its reason.
    CHECK(pos::testing::query_count(shop.store_db(), "SELECT count(*) FROM sales WHERE lane = 1") == 1);
    CHECK(pos::testing::query_count(shop.store_db(), "SELECT count(*) FROM shift_closes WHERE lane = 1") == 1);
    CHECK(pos::testing::query_count(shop.store_db(),
                                    "SELECT count(*) FROM kept_aside WHERE why = 'quarantine' AND "
                                    "ref = '" +
                                        damaged + "'") == 1);
    // The lane's chain is still whole at the store: the damaged record's audit records were kept.
    ProcessResult anchored = posctl(shop.lane1, {"audit", "verify", "--against-store"});
    CAPTURE(anchored.err);
    CHECK(anchored.exit_code == 0);
    // And the manager can close the day at the store: nothing of the lane is left waiting.
    ProcessResult day = posctl(shop.dir.file("store"), {"day", "status", "--format", "json"});
    CAPTURE(day.out);
    CAPTURE(day.err);
    REQUIRE(day.exit_code == 0);
    CHECK(json::parse(day.out)["blockers"].empty());

    // The manager looks at it at the store and marks it dealt with; the lane's alarm then ends.
    std::string store = shop.dir.file("store");
    ProcessResult listed = posctl(store, {"kept-aside", "list"});
    CHECK(listed.out.starts_with("#1  lane 1  quarantine sale " + damaged));
    auto resolve = [&](const std::string& who) {
        return pos::testing::run_with_input(
            {POS_POSCTL, "--data", store, "kept-aside", "resolve", "1", "--note", "damaged on the lane's disk"}, who,
            store);
    };
    ProcessResult cashier = resolve("1001\n1234\n");
    CHECK(cashier.exit_code == 1);
    CHECK(cashier.err.find("cannot approve kept_aside_resolve") != std::string::npos);
    CHECK(sync_status(shop.lane1)["kept_aside"].size() == 1);
    ProcessResult resolved = resolve("8801\n888888\n");
    CAPTURE(resolved.err);
    REQUIRE(resolved.exit_code == 0);
    CHECK(resolve("8801\n888888\n").err.find("was resolved already") != std::string::npos);
    CHECK(posctl(store, {"kept-aside", "list"}).out == "nothing kept aside is waiting\n");
    CHECK(posctl(store, {"kept-aside", "list", "--all"}).out.find("resolved ") != std::string::npos);
    CHECK(pos::testing::query_count(shop.store_db(),
                                    "SELECT count(*) FROM store_audit WHERE kind = 'kept_aside_resolve' AND "
                                    "actor = '8801' AND ref = '1'") == 1);
    CHECK(posctl(store, {"audit", "verify", "--store"}).exit_code == 0);
    // The lane asks pos-store at its next pass and drops the alarm; the record stays at the store.
    REQUIRE(posctl(shop.lane1, {"sync", "--once"}).exit_code == 0);
    CHECK(sync_status(shop.lane1)["kept_aside"].empty());
    CHECK(pos::testing::query_count(shop.store_db(), "SELECT count(*) FROM kept_aside") == 1);
}

TEST_CASE("anchor: a PIN changed on a lane reaches pos-store, which checks the old one and locks guessers") {
    StoreWithLanes shop;
    // Both lanes take the store's operators first: 1001 is then kept at the store.
    REQUIRE(posctl(shop.lane1, {"sync", "--once"}).exit_code == 0);
    REQUIRE(posctl(shop.lane2, {"sync", "--once"}).exit_code == 0);
    auto change = [&](const std::string& input) {
        return pos::testing::run_with_input({POS_POSCTL, "--data", shop.lane2, "user", "pin", "1001"}, input,
                                            shop.lane2);
    };
    ProcessResult changed = change("1234\n4321\n");
    CAPTURE(changed.err);
    REQUIRE(changed.exit_code == 0);
    CHECK(changed.out.find("was changed at the store") != std::string::npos);
    CHECK(pos::testing::query_count(shop.store_db(),
                                    "SELECT count(*) FROM store_audit WHERE kind = 'pin_change' AND actor = '1001' AND "
                                    "json_extract(detail, '$.via_lane') = 2") == 1);
    auto login = [&](const std::string& lane, const std::string& pin) {
        std::ofstream(lane + "/login.jsonl", std::ios::trunc)
            << R"({"op":"login","operator":"1001","pin":")" << pin << "\"}\n";
        return posctl(lane, {"session", "run", lane + "/login.jsonl"});
    };
    // Lane 2 keeps the new PIN at once; lane 1 never saw the change, and takes it at its next sync.
    CHECK(login(shop.lane2, "4321").exit_code == 0);
    REQUIRE(posctl(shop.lane1, {"sync", "--once"}).exit_code == 0);
    CHECK(login(shop.lane1, "4321").exit_code == 0);

    // Someone with lane 2's token guessing: five wrong old PINs lock 1001 at the store, and lane 2
    // counts them too; nothing changed.
    for (int i = 0; i < 4; ++i) {
        ProcessResult wrong = change("0000\n5555\n");
        CHECK(wrong.exit_code == 1);
        CHECK(wrong.err.find("wrong PIN for operator 1001: nothing was changed") != std::string::npos);
    }
    ProcessResult fifth = change("0000\n5555\n");
    CHECK(fifth.err.find("locked at the store for 15 minutes") != std::string::npos);
    CHECK(fifth.err.find("and locked out on this lane") != std::string::npos);
    CHECK(pos::testing::query_count(shop.lane2 + "/lane.db",
                                    "SELECT count(*) FROM audit WHERE kind = 'pin_failed' AND actor = '1001' AND "
                                    "json_extract(detail, '$.reason') = 'wrong PIN'") == 5);
    // Lane 2 now refuses at once, without asking the store; lane 1 asks, and the store refuses even
    // the right PIN unchecked.
    ProcessResult lane_locked = change("4321\n5555\n");
    CHECK(lane_locked.exit_code == 1);
    CHECK(lane_locked.err.find("is locked out after 5 wrong PINs") != std::string::npos);
    ProcessResult locked = pos::testing::run_with_input({POS_POSCTL, "--data", shop.lane1, "user", "pin", "1001"},
                                                        "4321\n5555\n", shop.lane1);
    CHECK(locked.exit_code == 1);
    CHECK(locked.err.find("is locked at the store") != std::string::npos);
    CHECK(pos::testing::query_count(shop.store_db(), "SELECT count(*) FROM store_audit WHERE kind = 'pin_failed'") ==
          5);
    CHECK(pos::testing::query_count(shop.store_db(), "SELECT count(*) FROM store_audit WHERE kind = 'pin_change'") ==
          1);
    CHECK(posctl(shop.dir.file("store"), {"audit", "verify", "--store"}).exit_code == 0);
}

TEST_CASE("anchor: what a hostile lane sent reaches the manager's terminal without its escape sequences") {
    TempDir dir;
    std::string store = dir.file("store");
    REQUIRE(posctl(store, {"init", "--demo"}).exit_code == 0);
    // As the store keeps a record it could not read: verbatim, whatever the lane put in it.
    auto written = pos::testing::raw_open(store + "/store.db")
                       ->exec(
                           "INSERT INTO kept_aside (lane, kind, ref, why, reason, delivered, received_at) VALUES "
                           "(2, 'sale', 'S-1' || char(27) || '[2J', 'quarantine', 'unreadable' || char(7), "
                           "'{\"note\":\"' || char(27) || ']0;pwned' || char(7) || '\"}', '2026-12-07T10:00:00')");
    REQUIRE(written.ok());
    for (const std::vector<std::string>& shown :
         {std::vector<std::string>{"kept-aside", "list"}, std::vector<std::string>{"kept-aside", "show", "1"}}) {
        ProcessResult printed = posctl(store, shown);
        CAPTURE(printed.out);
        REQUIRE(printed.exit_code == 0);
        CHECK(printed.out.find('\x1b') == std::string::npos);
        CHECK(printed.out.find('\x07') == std::string::npos);
        CHECK(printed.out.find("S-1\\x1b[2J") != std::string::npos);
    }
    CHECK(posctl(store, {"kept-aside", "show", "1"}).out.find(R"({"note":"\x1b]0;pwned\x07"})") != std::string::npos);
}
