// Sync: passes drain the lane's outbox into store.db in batches, mark only what the store
// acknowledged, keep the status in lane.db; the worker retries with backoff off the cashier's thread.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>

#include "db/lane/outbox.hpp"
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

int64_t count(Connection& connection, const std::string& sql) {
    auto answer = connection.query_text(sql);
    REQUIRE(answer.ok());
    return std::stoll(answer->value_or("-1"));
}

// A lane with one shift and `sales` sales: 1 + sales outbox rows.
std::unique_ptr<LaneDb> selling_lane(const std::string& path, int sales) {
    auto lane = LaneDb::open(path, true);
    REQUIRE(lane.ok());
    ShiftRecord shift{"shift-1", 1, "1001", "2026-11-23T09:00:00+08:00", 20000, {}};
    REQUIRE((*lane)->open_shift(shift, pos::testing::sync_shift_json(shift)).ok());
    for (int n = 0; n < sales; ++n) {
        auto committed =
            (*lane)->commit_sale(pos::testing::sync_sale("sale-" + std::to_string(n), 1, "shift-1"),
                                 [](const SaleRecord& sale) { return pos::testing::sync_sale_json(sale); });
        REQUIRE(committed.ok());
    }
    return std::move(*lane);
}

std::unique_ptr<StoreDb> open_store(const std::string& path) {
    auto store = StoreDb::open(path, true);
    REQUIRE(store.ok());
    return std::move(*store);
}

// A store that fails the first `failures` deliveries with `code`, then passes batches on.
class FlakyStore final : public StoreSink {
public:
    FlakyStore(StoreDb& store, int failures, DbErrorCode code) : store_(store), failures_(failures), code_(code) {}
    DbResult<std::vector<Acknowledged>> deliver(const std::vector<OutboxRecord>& batch,
                                                const std::string& now) override {
        ++calls;
        if (failures_ > 0) {
            --failures_;
            return DbError{code_, "store.db: database is locked: another program is writing to it"};
        }
        return store_.apply_batch(batch, now);
    }
    std::atomic<int> calls{0};

private:
    StoreDb& store_;
    int failures_;
    DbErrorCode code_;
};

}  // namespace

TEST_CASE("sync_worker: a pass drains the outbox in batches and marks every row synced") {
    TempDir dir;
    auto lane = selling_lane(dir.file("lane.db"), 10);
    auto store = open_store(dir.file("store.db"));
    DirectStoreSink sink(std::move(store));
    SyncOutcome outcome = sync_pass(*lane, sink, 3, fixed_now);
    CHECK_FALSE(outcome.error);
    CHECK(outcome.counts.sent == 11);
    CHECK(outcome.counts.stored == 11);
    CHECK(outcome.counts.already == 0);
    CHECK(outcome.counts.batches == 4);
    CHECK(count(lane->connection(), "SELECT count(*) FROM outbox WHERE synced_at IS NULL") == 0);
    auto status = read_sync_status(*lane);
    REQUIRE(status.ok());
    CHECK(status->queue_depth == 0);
    CHECK_FALSE(status->oldest_unsynced);
    CHECK(status->last_sync_at == "2026-11-23T10:00:00+08:00");
    CHECK(status->last_error.empty());

    auto reopened = open_store(dir.file("store.db"));
    CHECK(count(reopened->connection(), "SELECT count(*) FROM sales") == 10);
    CHECK(count(reopened->connection(), "SELECT count(*) FROM sale_lines") == 30);
    CHECK(count(reopened->connection(), "SELECT count(*) FROM shifts") == 1);
    CHECK(count(reopened->connection(), "SELECT count(DISTINCT receipt_no) FROM sales") == 10);

    SyncOutcome nothing = sync_pass(*lane, sink, 3, fixed_now);
    CHECK(nothing.counts.sent == 0);
    CHECK_FALSE(nothing.error);
}

TEST_CASE("sync_worker: a lost acknowledgement (store applied and lane not marked) is sent again and stored once") {
    TempDir dir;
    auto lane = selling_lane(dir.file("lane.db"), 6);
    auto store = open_store(dir.file("store.db"));
    // The store applies the first 4 records, then the acknowledgement is lost.
    auto batch = lane->unsynced(4);
    REQUIRE(batch.ok());
    REQUIRE(store->apply_batch(*batch, "2026-11-23T09:59:00+08:00").ok());
    DirectStoreSink sink(std::move(store));
    SyncOutcome outcome = sync_pass(*lane, sink, 5, fixed_now);
    CHECK_FALSE(outcome.error);
    CHECK(outcome.counts.sent == 7);
    CHECK(outcome.counts.already == 4);
    CHECK(outcome.counts.stored == 3);
    auto reopened = open_store(dir.file("store.db"));
    CHECK(count(reopened->connection(), "SELECT count(*) FROM sales") == 6);
    CHECK(count(reopened->connection(), "SELECT count(*) FROM sale_lines") == 18);
    CHECK(count(reopened->connection(), "SELECT count(*) FROM sale_tenders") == 6);
    CHECK(count(reopened->connection(), "SELECT count(*) FROM received") == 7);
}

TEST_CASE("sync_worker: a failed delivery marks nothing and is kept as the last error") {
    TempDir dir;
    auto lane = selling_lane(dir.file("lane.db"), 3);
    auto store = open_store(dir.file("store.db"));
    FlakyStore flaky(*store, 2, DbErrorCode::busy);
    SyncOutcome failed = sync_pass(*lane, flaky, 10, fixed_now);
    REQUIRE(failed.error);
    CHECK(failed.error->code == DbErrorCode::busy);
    CHECK(failed.counts.sent == 0);
    CHECK(sync_pass(*lane, flaky, 10, fixed_now).error);
    auto status = read_sync_status(*lane);
    REQUIRE(status.ok());
    CHECK(status->queue_depth == 4);
    CHECK(status->oldest_unsynced == "2026-11-23T09:00:00+08:00");
    CHECK(status->last_error_code == "busy");
    CHECK(status->last_error == "store.db: database is locked: another program is writing to it");
    CHECK(status->failures == 2);
    CHECK_FALSE(status->last_sync_at);

    SyncOutcome recovered = sync_pass(*lane, flaky, 10, fixed_now);
    CHECK_FALSE(recovered.error);
    CHECK(recovered.counts.stored == 4);
    status = read_sync_status(*lane);
    REQUIRE(status.ok());
    CHECK(status->queue_depth == 0);
    CHECK(status->failures == 0);
    CHECK(status->last_error.empty());
    CHECK(count(store->connection(), "SELECT count(*) FROM sales") == 3);
}

TEST_CASE("sync_worker: a store that acknowledges part of a batch gets the rest again") {
    struct PartialStore final : StoreSink {
        StoreDb& store;
        explicit PartialStore(StoreDb& s) : store(s) {}
        DbResult<std::vector<Acknowledged>> deliver(const std::vector<OutboxRecord>& batch,
                                                    const std::string& now) override {
            auto acked = store.apply_batch(batch, now);
            if (acked && acked->size() > 1) acked->pop_back();
            return acked;
        }
    };
    TempDir dir;
    auto lane = selling_lane(dir.file("lane.db"), 2);
    auto store = open_store(dir.file("store.db"));
    PartialStore partial(*store);
    SyncOutcome outcome = sync_pass(*lane, partial, 3, fixed_now);
    REQUIRE(outcome.error);
    CHECK(outcome.counts.stored == 2);
    CHECK(count(lane->connection(), "SELECT count(*) FROM outbox WHERE synced_at IS NULL") == 1);
    DirectStoreSink direct(open_store(dir.file("store.db")));
    SyncOutcome rest = sync_pass(*lane, direct, 3, fixed_now);
    CHECK_FALSE(rest.error);
    CHECK(rest.counts.already == 1);
    CHECK(count(store->connection(), "SELECT count(*) FROM sales") == 2);
}

TEST_CASE("sync_worker: requeue_since sends again what a restored store lost and the store keeps each once") {
    TempDir dir;
    auto lane = selling_lane(dir.file("lane.db"), 4);
    {
        DirectStoreSink sink(open_store(dir.file("store.db")));
        REQUIRE_FALSE(sync_pass(*lane, sink, 10, fixed_now).error);
    }
    auto requeued = requeue_since(*lane, "2026-11-23");
    REQUIRE(requeued.ok());
    CHECK(*requeued == 5);
    auto none = requeue_since(*lane, "2026-11-24");
    REQUIRE(none.ok());
    CHECK(*none == 0);
    DirectStoreSink sink(open_store(dir.file("store.db")));
    SyncOutcome again = sync_pass(*lane, sink, 10, fixed_now);
    CHECK(again.counts.already == 5);
    CHECK(again.counts.stored == 0);
}

TEST_CASE("sync_worker: the worker retries with backoff until the store takes the batch") {
    TempDir dir;
    auto lane = selling_lane(dir.file("lane.db"), 5);
    auto store = open_store(dir.file("store.db"));
    auto flaky = std::make_shared<FlakyStore>(*store, 3, DbErrorCode::busy);
    struct Shared final : StoreSink {
        std::shared_ptr<FlakyStore> inner;
        explicit Shared(std::shared_ptr<FlakyStore> i) : inner(std::move(i)) {}
        DbResult<std::vector<Acknowledged>> deliver(const std::vector<OutboxRecord>& b, const std::string& n) override {
            return inner->deliver(b, n);
        }
    };
    std::atomic<int> opens{0};
    SyncWorker worker(
        dir.file("lane.db"),
        [&]() -> DbResult<std::unique_ptr<StoreSink>> {
            ++opens;
            return std::unique_ptr<StoreSink>(new Shared(flaky));
        },
        fixed_now, SyncWorkerOptions{2, 50ms, 10ms, 40ms});
    worker.start();
    SyncSnapshot snapshot;
    CHECK(pos::testing::eventually("the worker idle with all six records stored", [&] {
        snapshot = worker.snapshot();
        return snapshot.totals.stored == 6 && snapshot.state == SyncState::idle;
    }));
    worker.stop();
    CHECK(worker.snapshot().state == SyncState::stopped);
    CHECK(snapshot.totals.stored == 6);
    CHECK(snapshot.totals.already == 0);
    CHECK(snapshot.status.queue_depth == 0);
    CHECK_FALSE(snapshot.error);
    CHECK(flaky->calls == 3 + 3);  // three refusals, then three batches of two
    CHECK(opens == 4);             // the store is reopened after every failure
    CHECK(count(store->connection(), "SELECT count(*) FROM sales") == 5);
}

TEST_CASE("sync_worker: the cashier commits sales at full speed while the store is stuck and stop is prompt") {
    TempDir dir;
    auto lane = selling_lane(dir.file("lane.db"), 1);
    // A store that does not answer, like a store.db locked by another writer, until the test lets
    // it refuse the batch. (How fast the lane sells meanwhile is measured by tests/bench/sync_bench.)
    struct StuckStore final : StoreSink {
        pos::testing::Signal& entered;
        pos::testing::Signal& answer;
        StuckStore(pos::testing::Signal& e, pos::testing::Signal& a) : entered(e), answer(a) {}
        DbResult<std::vector<Acknowledged>> deliver(const std::vector<OutboxRecord>&, const std::string&) override {
            entered.notify();
            (void)answer.wait_count("the test to let the store answer", 1, std::chrono::minutes(5));
            return DbError{DbErrorCode::busy, "store.db: database is locked"};
        }
    };
    pos::testing::Signal delivering;
    pos::testing::Signal let_answer;
    // Backoff of an hour: a stop that waited for the next try would never come back in time.
    SyncWorker worker(
        dir.file("lane.db"),
        [&]() -> DbResult<std::unique_ptr<StoreSink>> {
            return std::unique_ptr<StoreSink>(new StuckStore(delivering, let_answer));
        },
        fixed_now, SyncWorkerOptions{50, 2000ms, std::chrono::hours(1), std::chrono::hours(1)});
    // A test that fails early still lets the store answer, so the worker can stop.
    struct AnswerOnExit {
        pos::testing::Signal& answer;
        ~AnswerOnExit() {
            if (answer.count() == 0) answer.notify();
        }
    } answer_on_exit{let_answer};
    worker.start();
    REQUIRE(delivering.wait_count("the worker inside deliver()", 1));
    // Twenty sales commit while the store has not answered: a commit never waits on the worker.
    for (int n = 0; n < 20; ++n) {
        auto committed = lane->commit_sale(pos::testing::sync_sale("more-" + std::to_string(n), 1, "shift-1"),
                                           [](const SaleRecord& sale) { return pos::testing::sync_sale_json(sale); });
        REQUIRE(committed.ok());
    }
    CHECK(count(lane->connection(), "SELECT count(*) FROM sales") == 21);
    CHECK(worker.snapshot().state == SyncState::sending);  // still inside deliver()
    // Stop returns once the delivery in flight has: it neither waits out the backoff nor tries again.
    auto stopping = std::async(std::launch::async, [&worker] { worker.stop(); });
    let_answer.notify();
    REQUIRE(stopping.wait_for(60s) == std::future_status::ready);
    CHECK(delivering.count() == 1);
    SyncSnapshot snapshot = worker.snapshot();
    CHECK(snapshot.state == SyncState::stopped);
    CHECK(snapshot.error->code == DbErrorCode::busy);
    CHECK(snapshot.status.queue_depth == 22);
    CHECK(snapshot.status.last_error_code == "busy");
}
