// posctl sync end to end, with real files and processes: delivery, a lost acknowledgement, a
// store locked by another writer while the lane sells, and a damaged store.db restored.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "tests/support/eventually.hpp"
#include "tests/support/process.hpp"
#include "tests/support/sync_lane.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/posctl.hpp"

using nlohmann::json;
using pos::testing::posctl;
using pos::testing::ProcessResult;
using pos::testing::TempDir;
using namespace std::chrono_literals;

namespace {

// Runs a selling script; every action must succeed.
void sell(const TempDir& dir, const std::string& script) {
    std::ofstream(dir.file("sell.jsonl"), std::ios::trunc) << script;
    ProcessResult run = posctl(dir, {"session", "run", dir.file("sell.jsonl")});
    CAPTURE(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("\"ok\":false") == std::string::npos);
}

json sync_json(const TempDir& dir, std::vector<std::string> args, int expected_exit = 0) {
    args.insert(args.begin(), {"sync", "--format", "json"});
    ProcessResult run = posctl(dir, args);
    CAPTURE(run.out);
    CAPTURE(run.err);
    CHECK(run.exit_code == expected_exit);
    json out = json::parse(run.out, nullptr, false);
    REQUIRE_FALSE(out.is_discarded());
    return out;
}

// Polls `posctl sync --status` until `done` holds (or `limit` passes); returns the last answer.
json wait_for_status(const TempDir& dir, std::string_view what, const std::function<bool(const json&)>& done,
                     std::chrono::seconds limit) {
    json status;
    pos::testing::eventually(
        what, [&] { return done(status = sync_json(dir, {"--status"})); }, limit);
    return status;
}

void copy_database(const std::string& from, const std::string& to) {
    namespace fs = std::filesystem;
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(to + suffix);
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

}  // namespace

TEST_CASE("sync: posctl sync --once delivers every sale and the shift once and then has nothing to send") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    sell(dir, pos::testing::selling_script(10));

    ProcessResult status = posctl(dir, {"sync", "--status"});
    CHECK(status.exit_code == 0);
    CHECK(status.out.find("queue: 11 waiting\n") != std::string::npos);
    CHECK(status.out.find("last sync: never\n") != std::string::npos);

    ProcessResult text = posctl(dir, {"sync", "--once", "--batch", "4"});
    CAPTURE(text.err);
    CHECK(text.exit_code == 0);
    CHECK(text.out.rfind("sent 11 records (11 stored, 0 already there) in 3 batches\nqueue: 0 waiting\n"
                         "oldest unsynced: none\nlast sync: ",
                         0) == 0);
    CHECK(text.out.find("last error: none\n") != std::string::npos);
    pos::testing::check_store_matches_lane(dir.file("data/lane.db"), dir.file("data/store.db"));

    json again = sync_json(dir, {"--once"});
    CHECK(again["sent"] == 0);
    CHECK(again["queue_depth"] == 0);
    CHECK(again["last_error"].is_null());
}

TEST_CASE("sync: the same records delivered twice (acknowledgement lost) are stored once") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    sell(dir, pos::testing::selling_script(10));
    json first = sync_json(dir, {"--once", "--batch", "3"});
    CHECK(first["stored"] == 11);
    // The store applied every batch, but the lane never heard back: nothing is marked.
    REQUIRE(pos::testing::raw_open(dir.file("data/lane.db"))->exec("UPDATE outbox SET synced_at = NULL").ok());
    json second = sync_json(dir, {"--once", "--batch", "3"});
    CHECK(second["sent"] == 11);
    CHECK(second["stored"] == 0);
    CHECK(second["already"] == 11);
    CHECK(pos::testing::query_count(dir.file("data/store.db"), "SELECT count(*) FROM sales") == 10);
    pos::testing::check_store_matches_lane(dir.file("data/lane.db"), dir.file("data/store.db"));
}

TEST_CASE("sync: a store locked by another writer delays no sale while sync reports busy and drains after") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    pid_t syncing = pos::testing::spawn(
        {POS_POSCTL, "--data", dir.file("data"), "sync", "--interval-ms", "100", "--max-retry-ms", "1000"},
        dir.file("sync.out"), dir.file("sync.err"));
    pos::testing::KillOnExit stop_syncing{syncing};
    sell(dir, pos::testing::selling_script(40));
    json drained = wait_for_status(
        dir, "an empty queue", [](const json& s) { return s["queue_depth"] == 0; }, 30s);
    INFO("sync status: ", drained.dump());
    INFO("posctl sync still running: ", pos::testing::still_running(syncing));
    INFO("posctl sync printed: ", pos::testing::read_whole(dir.file("sync.out")),
         pos::testing::read_whole(dir.file("sync.err")));
    REQUIRE(drained["queue_depth"] == 0);

    // Another program holds store.db's write lock for longer than its busy timeout.
    auto holder = pos::testing::raw_open(dir.file("data/store.db"));
    REQUIRE(holder->exec("BEGIN IMMEDIATE").ok());
    std::string more = pos::testing::selling_script(40, false);
    // Every sale commits while the lock is held: a sale never needs the store. (How fast the lane
    // sells meanwhile is timed by tests/bench/sync_bench: "lane sells, sync retrying a locked store.db".)
    sell(dir, more);
    CHECK(pos::testing::query_count(dir.file("data/lane.db"), "SELECT count(*) FROM sales") == 80);
    json busy = wait_for_status(
        dir, "sync to report busy", [](const json& s) { return s["last_error_code"] == "busy"; }, 20s);
    CHECK(busy["last_error_code"] == "busy");
    CHECK(busy["queue_depth"] == 40);
    CHECK(busy["last_error"].get<std::string>().find("store.db: ") != std::string::npos);
    CHECK(busy["last_error"].get<std::string>().find("database is locked") != std::string::npos);
    CHECK(pos::testing::query_count(dir.file("data/store.db"), "SELECT count(*) FROM sales") == 40);

    REQUIRE(holder->exec("ROLLBACK").ok());
    holder.reset();
    json after = wait_for_status(
        dir, "an empty queue", [](const json& s) { return s["queue_depth"] == 0; }, 20s);
    CHECK(after["queue_depth"] == 0);
    CHECK(after["last_error"].is_null());

    kill(syncing, SIGTERM);
    CHECK(pos::testing::wait_exit_code(stop_syncing.release()) == 0);
    std::string out = pos::testing::read_whole(dir.file("sync.out"));
    CHECK(out.find("queue: 0 waiting") != std::string::npos);
    CHECK(pos::testing::read_whole(dir.file("sync.err")).find("database is locked") != std::string::npos);
    pos::testing::check_store_matches_lane(dir.file("data/lane.db"), dir.file("data/store.db"));
}

TEST_CASE("sync: a damaged store.db is refused with a clear error and nothing lost and drains after the restore") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    copy_database(dir.file("data/store.db"), dir.file("backup.db"));  // the nightly backup, before any sale
    sell(dir, pos::testing::selling_script(20));
    CHECK(sync_json(dir, {"--once"})["stored"] == 21);
    sell(dir, pos::testing::selling_script(10, false));

    {
        // The operators' page overwritten, as a failing disk would. Every writer's open checks the
        // tables that stay small (this one); damage in the history or the catalog is the daily
        // whole-file check's to find (tests/db/store/daily_check_test.cpp).
        auto page = pos::testing::raw_open(dir.file("data/store.db"))
                        ->query_text("SELECT pageno FROM dbstat WHERE name = 'users' ORDER BY pageno LIMIT 1");
        REQUIRE(page.ok());
        REQUIRE(page->has_value());
        std::fstream file(dir.file("data/store.db"), std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(std::streamoff(std::stoll(**page) - 1) * 4096);
        std::string junk(4096, '\x5a');
        file.write(junk.data(), std::streamsize(junk.size()));
    }
    ProcessResult refused = posctl(dir, {"sync", "--once"});
    CHECK(refused.exit_code == 1);
    CHECK(refused.out.find("queue: 10 waiting\n") != std::string::npos);
    CHECK(refused.err.rfind("posctl: sync stopped, the lane keeps every unsent record: " + dir.file("data/store.db") +
                                " failed its integrity check (",
                            0) == 0);
    CHECK(refused.err.find("nothing will be written to it. Restore it from a backup or call the store technician.\n") !=
          std::string::npos);
    CHECK(pos::testing::query_count(dir.file("data/lane.db"), "SELECT count(*) FROM outbox WHERE synced_at IS NULL") ==
          10);
    CHECK(pos::testing::query_count(dir.file("data/lane.db"), "SELECT count(*) FROM sales") == 30);
    CHECK(sync_json(dir, {"--status"})["last_error_code"] == "corrupt");

    // The technician restores last night's backup: the 10 waiting sales arrive...
    copy_database(dir.file("backup.db"), dir.file("data/store.db"));
    json restored = sync_json(dir, {"--once"});
    CHECK(restored["stored"] == 10);
    CHECK(restored["already"] == 0);
    CHECK(pos::testing::query_count(dir.file("data/store.db"), "SELECT count(*) FROM sales") == 10);
    // ...and the sales synced since the backup are sent again; what the store has is kept once.
    json resent = sync_json(dir, {"--once", "--resend-since", "2000-01-01"});
    CHECK(resent["sent"] == 31);
    CHECK(resent["stored"] == 21);
    CHECK(resent["already"] == 10);
    pos::testing::check_store_matches_lane(dir.file("data/lane.db"), dir.file("data/store.db"));
}

TEST_CASE("sync: a lane with no store.db says where it looked and keeps its queue") {
    TempDir dir;
    REQUIRE(posctl(dir, {"init", "--demo"}).exit_code == 0);
    sell(dir, pos::testing::selling_script(2));
    std::filesystem::remove(dir.file("data/store.db"));
    ProcessResult missing = posctl(dir, {"sync", "--once"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err == "posctl: sync stopped, the lane keeps every unsent record: " + dir.file("data/store.db") +
                             " does not exist: run `posctl init` first\n");
    CHECK(missing.out.find("queue: 3 waiting\n") != std::string::npos);
}
