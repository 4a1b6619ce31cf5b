// store.db's integrity at a writer's open: every table but the history at each open, the whole
// file once a day (recorded in the file), so damage in the history is still found and refused.
#include <doctest/doctest.h>

#include <fstream>
#include <stop_token>

#include "db/store/store_db.hpp"
#include "tests/support/sync_records.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using pos::testing::TempDir;

namespace {

std::string text(Connection& connection, const std::string& sql) {
    auto answer = connection.query_text(sql);
    REQUIRE(answer.ok());
    return answer->value_or("");
}

// Sets when the last whole-file check passed, on a connection that checks nothing.
void set_checked_at(const std::string& path, const std::string& sql_time) {
    auto raw = Connection::open(path, false);
    REQUIRE(raw.ok());
    REQUIRE((*raw)->exec("UPDATE integrity_checked SET checked_at = " + sql_time).ok());
}

// A store with a shift and 400 sales (the sales table spans many pages), checkpointed and closed.
void make_store(const std::string& path) {
    auto store = StoreDb::open(path, true);
    REQUIRE(store.ok());
    ShiftRecord shift{"shift-1", 2, "1001", "2026-11-23T09:00:00+08:00", 20000, {}};
    std::vector<OutboxRecord> batch{{1, "shift", "shift-1", pos::testing::sync_shift_json(shift), shift.opened_at}};
    for (int n = 0; n < 400; ++n) {
        std::string id = "sale-" + std::to_string(n);
        batch.push_back(OutboxRecord{n + 2, "sale", id,
                                     pos::testing::sync_sale_json(pos::testing::sync_sale(id, 2, "shift-1")),
                                     "2026-11-23T09:05:00+08:00"});
    }
    REQUIRE((*store)->apply_batch(batch, "2026-11-23T10:00:00+08:00").ok());
    REQUIRE((*store)->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
}

// Overwrites the last leaf page of `table` with garbage, as a failing disk would.
void damage_leaf_of(const std::string& path, const std::string& table) {
    int64_t page = 0;
    {
        auto raw = Connection::open(path, false);
        REQUIRE(raw.ok());
        page = std::stoll(text(**raw, "SELECT pageno FROM dbstat WHERE name = '" + table +
                                          "' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1"));
    }
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(std::streamoff((page - 1) * 4096));
    std::string garbage(4096, '\x5a');
    file.write(garbage.data(), std::streamsize(garbage.size()));
}

}  // namespace

TEST_CASE("store integrity: a writer's open checks the whole file once a day and records when it passed") {
    TempDir dir;
    {
        auto store = StoreDb::open(dir.file("store.db"), true);
        REQUIRE(store.ok());
        CHECK(text((*store)->connection(),
                   "SELECT julianday('now') - julianday(checked_at) < 0.01 "
                   "FROM integrity_checked") == "1");
    }
    set_checked_at(dir.file("store.db"), "datetime('now', '-2 hours')");
    {
        auto store = StoreDb::open(dir.file("store.db"), false);  // checked today: not again
        REQUIRE(store.ok());
        // Still about two hours old (0.083 days): not recorded again. No equality with a second
        // read later, which a clock tick between the two would break.
        CHECK(text((*store)->connection(),
                   "SELECT julianday('now') - julianday(checked_at) > 0.08 "
                   "FROM integrity_checked") == "1");
    }
    set_checked_at(dir.file("store.db"), "datetime('now', '-25 hours')");
    {
        auto store = StoreDb::open(dir.file("store.db"), false);  // a day old: checked and recorded
        REQUIRE(store.ok());
        CHECK(text((*store)->connection(),
                   "SELECT julianday('now') - julianday(checked_at) < 0.01 "
                   "FROM integrity_checked") == "1");
    }
}

TEST_CASE("store integrity: a damaged page of the history is refused by the day's whole-file check") {
    // Every table that grows with the days is left to the daily check, not only the sales.
    for (const char* table : {"sales", "shifts", "received"}) {
        CAPTURE(table);
        TempDir dir;
        make_store(dir.file("store.db"));
        damage_leaf_of(dir.file("store.db"), table);
        set_checked_at(dir.file("store.db"), "datetime('now', '-25 hours')");
        auto refused = StoreDb::open(dir.file("store.db"), false);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == DbErrorCode::corrupt);
        CHECK(refused.error().message.find("failed its integrity check") != std::string::npos);
        CHECK(refused.error().message.find("nothing will be written to it") != std::string::npos);
        // Not recorded as passed: every later open checks again and refuses again.
        CHECK_FALSE(StoreDb::open(dir.file("store.db"), false).ok());
    }
}

TEST_CASE("store integrity: a damaged page of a table outside the history is refused at every open") {
    TempDir dir;
    make_store(dir.file("store.db"));
    damage_leaf_of(dir.file("store.db"), "catalog_version");
    auto refused = StoreDb::open(dir.file("store.db"), false);  // the whole file was checked minutes ago
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == DbErrorCode::corrupt);
}

TEST_CASE("store integrity: a writer that runs the day's check itself opens first, then the check refuses") {
    TempDir dir;
    make_store(dir.file("store.db"));
    damage_leaf_of(dir.file("store.db"), "sales");
    set_checked_at(dir.file("store.db"), "datetime('now', '-25 hours')");
    auto store = StoreDb::open(dir.file("store.db"), false, StoreDb::DailyCheck::by_caller);
    REQUIRE(store.ok());  // the sync worker's open: the whole file is its next step, not the open's
    auto checked = (*store)->check_whole_file_daily({});
    REQUIRE_FALSE(checked.ok());
    CHECK(checked.error().code == DbErrorCode::corrupt);
    CHECK_FALSE((*store)->check_whole_file_daily({}).ok());  // not recorded: refused again
}

TEST_CASE("store integrity: a stopped daily check is neither damage nor recorded, and runs again") {
    TempDir dir;
    make_store(dir.file("store.db"));
    set_checked_at(dir.file("store.db"), "datetime('now', '-25 hours')");
    auto store = StoreDb::open(dir.file("store.db"), false, StoreDb::DailyCheck::by_caller);
    REQUIRE(store.ok());
    std::stop_source closing;
    closing.request_stop();
    auto stopped = (*store)->check_whole_file_daily(closing.get_token());
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error().code == DbErrorCode::other);
    CHECK(stopped.error().message.find("was stopped before its end") != std::string::npos);
    CHECK(text((*store)->connection(), "SELECT checked_at = datetime('now', '-25 hours') FROM integrity_checked") ==
          "1");
    REQUIRE((*store)->check_whole_file_daily({}).ok());
    CHECK(text((*store)->connection(),
               "SELECT julianday('now') - julianday(checked_at) < 0.01 FROM integrity_checked") == "1");
}
