// lane.db's integrity check: at open only the tables a sale writes (a damaged sale, outbox or
// shift page is refused before anything is written); the whole file in the background by the
// sync worker, which finds a damaged catalog page and reports it in its snapshot; and store.db's
// daily whole-file check, which the worker runs itself before it writes to the store.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "db/shared/integrity_check.hpp"
#include "db/lane/lane_db.hpp"
#include "sync/sync_worker.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/sync_records.hpp"
#include "tests/support/temp_dir.hpp"

using namespace pos::db;
using namespace pos::sync;
using pos::testing::TempDir;
using namespace std::chrono_literals;

namespace {

const SyncClock fixed_now = [] { return std::string("2026-11-23T10:00:00+08:00"); };

SaleRecord sale(int n) { return pos::testing::sync_sale("sale-" + std::to_string(n), 1, "shift-1"); }

// A lane with 2,000 items (many catalog pages), one shift and `sales` sales, checkpointed and closed.
void make_lane(const std::string& path, int sales) {
    auto lane = LaneDb::open(path, true);
    REQUIRE(lane.ok());
    std::vector<ItemRecord> items;
    for (int i = 0; i < 2000; ++i) {
        ItemRecord item;
        item.sku = std::to_string(200000 + i);
        item.gtins = {std::to_string(10000000000000 + i)};
        item.name_zh = "商品" + std::to_string(i);
        item.cost_fen = 100;
        item.price_fen = 150;
        items.push_back(item);
    }
    REQUIRE((*lane)->replace_catalog(items).ok());
    ShiftRecord shift{"shift-1", 1, "1001", "2026-11-23T09:00:00+08:00", 20000, {}};
    REQUIRE((*lane)->open_shift(shift, pos::testing::sync_shift_json(shift)).ok());
    for (int n = 0; n < sales; ++n) {
        REQUIRE(
            (*lane)->commit_sale(sale(n), [](const SaleRecord& s) { return pos::testing::sync_sale_json(s); }).ok());
    }
    REQUIRE((*lane)->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
}

// Overwrites one leaf page of `table` with garbage, as a failing disk would.
void damage_leaf_of(const std::string& path, const std::string& table) {
    int64_t page = 0;
    int64_t page_size = 0;
    {
        auto raw = Connection::open(path, false);
        REQUIRE(raw.ok());
        auto answer = (*raw)->query_text("SELECT pageno FROM dbstat WHERE name = '" + table +
                                         "' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1");
        REQUIRE(answer.ok());
        REQUIRE(answer->has_value());
        page = std::stoll(**answer);
        auto size = (*raw)->query_text("PRAGMA page_size");
        REQUIRE(size.ok());
        page_size = std::stoll(size->value_or("4096"));
    }
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(std::streamoff((page - 1) * page_size));
    std::string garbage(size_t(page_size), '\x5a');
    file.write(garbage.data(), std::streamsize(garbage.size()));
}

// Delivers to store.db; no catalog, so the lane's catalog is left as it is.
class StoreWithoutCatalog final : public StoreSink {
public:
    explicit StoreWithoutCatalog(std::unique_ptr<StoreDb> store) : store_(std::move(store)) {}
    DbResult<std::vector<Acknowledged>> deliver(const std::vector<OutboxRecord>& batch,
                                                const std::string& now) override {
        return store_->apply_batch(batch, now);
    }

private:
    std::unique_ptr<StoreDb> store_;
};

SyncSnapshot run_worker_until_checked(const std::string& lane_path, const std::string& store_path) {
    SyncWorkerOptions options;
    options.interval = 20ms;
    options.full_check_after = 0ms;
    SyncWorker worker(
        lane_path,
        [store_path]() -> DbResult<std::unique_ptr<StoreSink>> {
            auto store = StoreDb::open(store_path, true);
            if (!store) return store.error();
            return std::unique_ptr<StoreSink>(new StoreWithoutCatalog(std::move(*store)));
        },
        fixed_now, options);
    worker.start();
    SyncSnapshot snapshot;
    pos::testing::eventually(
        "a whole-file check and a pass that emptied the queue",
        [&] {
            snapshot = worker.snapshot();
            return snapshot.full_checks > 0 && snapshot.status.queue_depth == 0 && snapshot.passes > 0;
        },
        30s);
    worker.stop();
    return snapshot;
}

}  // namespace

TEST_CASE("integrity: a damaged page of a table a sale writes is refused at open before anything is written") {
    for (const char* table : {"sales", "sale_lines", "outbox"}) {
        CAPTURE(table);
        TempDir dir;
        std::string path = dir.file("lane.db");
        make_lane(path, 40);
        damage_leaf_of(path, table);
        auto before = std::filesystem::last_write_time(path);
        auto opened = LaneDb::open(path, false);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().code == DbErrorCode::corrupt);
        CHECK(opened.error().message.find("nothing will be written to it") != std::string::npos);
        CHECK(std::filesystem::last_write_time(path) == before);
    }
}

TEST_CASE("integrity: a damaged catalog page lets the lane open and sell and the whole-file check finds it") {
    TempDir dir;
    std::string path = dir.file("lane.db");
    make_lane(path, 5);
    damage_leaf_of(path, "items");
    auto opened = LaneDb::open(path, false);
    REQUIRE(opened.ok());
    CHECK((*opened)->commit_sale(sale(99), [](const SaleRecord& s) { return pos::testing::sync_sale_json(s); }).ok());
    auto whole = check_integrity((*opened)->connection(), IntegrityScope::whole_file());
    REQUIRE_FALSE(whole.ok());
    CHECK(whole.error().code == DbErrorCode::corrupt);
    CHECK(whole.error().message.find("failed its integrity check") != std::string::npos);
    CHECK(check_integrity((*opened)->connection(), IntegrityScope::lane_without_catalog()).ok());
}

TEST_CASE("integrity: the sync worker's background check shows a damaged catalog page and sales still drain") {
    TempDir dir;
    std::string path = dir.file("lane.db");
    make_lane(path, 5);
    damage_leaf_of(path, "item_barcodes");
    SyncSnapshot snapshot = run_worker_until_checked(path, dir.file("store.db"));
    CHECK(snapshot.full_checks >= 1);
    REQUIRE(snapshot.integrity_error.has_value());
    CHECK(snapshot.integrity_error->code == DbErrorCode::corrupt);
    CHECK(snapshot.integrity_error->message.find("background check of the whole file") != std::string::npos);
    CHECK(snapshot.integrity_error->message.find(path) != std::string::npos);
    CHECK(snapshot.status.queue_depth == 0);  // the shift and 5 sales reached the store all the same
    CHECK(snapshot.totals.sent >= 6);
}

TEST_CASE("integrity: the background check of a sound lane.db reports nothing") {
    TempDir dir;
    std::string path = dir.file("lane.db");
    make_lane(path, 5);
    SyncSnapshot snapshot = run_worker_until_checked(path, dir.file("store.db"));
    CHECK(snapshot.full_checks >= 1);
    CHECK_FALSE(snapshot.integrity_error.has_value());
    CHECK(snapshot.status.queue_depth == 0);
}

TEST_CASE("integrity: the sync worker runs store.db's due daily check before writing, and a damaged history stops it") {
    TempDir dir;
    std::string lane_path = dir.file("lane.db");
    std::string store_path = dir.file("store.db");
    make_lane(lane_path, 5);
    {
        // A store holding another lane's 300 sales (the sales table spans pages), then a damaged one.
        auto store = StoreDb::open(store_path, true);
        REQUIRE(store.ok());
        ShiftRecord shift{"shift-9", 9, "1001", "2026-11-22T09:00:00+08:00", 20000, {}};
        std::vector<OutboxRecord> batch{{1, "shift", "shift-9", pos::testing::sync_shift_json(shift), shift.opened_at}};
        for (int n = 0; n < 300; ++n) {
            std::string id = "old-sale-" + std::to_string(n);
            batch.push_back(OutboxRecord{n + 2, "sale", id,
                                         pos::testing::sync_sale_json(pos::testing::sync_sale(id, 9, "shift-9")),
                                         "2026-11-22T09:05:00+08:00"});
        }
        REQUIRE((*store)->apply_batch(batch, "2026-11-22T10:00:00+08:00").ok());
        REQUIRE(
            (*store)->connection().exec("UPDATE integrity_checked SET checked_at = datetime('now', '-25 hours')").ok());
        REQUIRE((*store)->connection().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    damage_leaf_of(store_path, "sales");
    SyncWorkerOptions options;
    options.interval = 20ms;
    options.first_retry = 20ms;
    options.max_retry = 50ms;
    options.full_check_after = std::chrono::hours(1);  // lane.db's own check is not the subject here
    SyncWorker worker(
        lane_path,
        [store_path]() -> DbResult<std::unique_ptr<StoreSink>> {
            auto store = StoreDb::open(store_path, false, StoreDb::DailyCheck::by_caller);
            if (!store) return store.error();  // the open itself checks only what stays small
            return std::unique_ptr<StoreSink>(new DirectStoreSink(std::move(*store)));
        },
        fixed_now, options);
    worker.start();
    SyncSnapshot snapshot;
    pos::testing::eventually(
        "the store's daily check refusing the file",
        [&] {
            snapshot = worker.snapshot();
            return snapshot.error.has_value();
        },
        30s);
    worker.stop();
    CHECK(snapshot.error->code == DbErrorCode::corrupt);
    CHECK(snapshot.error->message.find(store_path) != std::string::npos);
    CHECK(snapshot.totals.sent == 0);  // nothing was written to the damaged store
    auto lane = LaneDb::open(lane_path, false);
    REQUIRE(lane.ok());
    auto queued = (*lane)->unsynced(100);
    REQUIRE(queued.ok());
    CHECK(queued->size() == 6);  // the shift and 5 sales wait for a repaired store
}
