// The sync worker: sends the lane's outbox to the store in batches, idempotent by record UUID,
// with retry and exponential backoff, on its own thread and its own lane.db connection, so the
// cashier never waits on it. Its state is polled (snapshot()); no exception crosses threads.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "db/shared/catalog_sync.hpp"
#include "db/shared/directory_sync.hpp"
#include "db/lane/lane_db.hpp"
#include "db/lane/outbox.hpp"
#include "db/store/store_db.hpp"

namespace pos::sync {

// Where batches go: store.db directly (one machine) or a pos-store service.
class StoreSink {
public:
    virtual ~StoreSink() = default;
    // Stores the batch and acknowledges every record (new, already there, or kept aside at the
    // store with its reason); nothing of it on a failure.
    // Blocks for at most the store's busy timeout.
    [[nodiscard]] virtual db::DbResult<std::vector<db::Acknowledged>> deliver(
        const std::vector<db::OutboxRecord>& batch, const std::string& now) = 0;
    // The store's catalog when it differs from the lane's version `have`, else nothing
    // (catalog flow-down). A sink without a catalog never has a newer one.
    [[nodiscard]] virtual db::DbResult<std::optional<db::CatalogSnapshot>> catalog_if_newer(
        const db::CatalogVersion& /*have*/) {
        return std::optional<db::CatalogSnapshot>{};
    }
    // The store's users and members newer than the lane's versions `have` (users and members
    // flow-down, db/shared/directory_sync.hpp); empty() when current. A sink without them has none.
    [[nodiscard]] virtual db::DbResult<db::DirectorySnapshot> directory_if_newer(const db::DirectoryVersion& have) {
        return db::DirectorySnapshot{have.store_id, {}, {}, {}, {}};
    }
    // How many of this lane's records the store holds aside unresolved; nothing when the sink
    // cannot tell (then the lane keeps its alarms).
    [[nodiscard]] virtual db::DbResult<std::optional<int64_t>> unresolved_kept_aside() {
        return std::optional<int64_t>{};
    }
    // The store's whole-file check of the day, when this process owes it (a store.db opened with
    // StoreDb::DailyCheck::by_caller); `stop` ends it early. pos-store checks its own file.
    [[nodiscard]] virtual db::DbStatus check_store_daily(const std::stop_token& /*stop*/) { return support::Done{}; }
};

// Direct mode: this process opens store.db itself; `lane` is the lane it sends for (0: any).
class DirectStoreSink final : public StoreSink {
public:
    explicit DirectStoreSink(std::unique_ptr<db::StoreDb> store, int64_t lane = 0)
        : store_(std::move(store)), lane_(lane) {}
    [[nodiscard]] db::DbResult<std::vector<db::Acknowledged>> deliver(const std::vector<db::OutboxRecord>& batch,
                                                                      const std::string& now) override {
        return store_->apply_batch(batch, now);
    }
    [[nodiscard]] db::DbResult<std::optional<db::CatalogSnapshot>> catalog_if_newer(
        const db::CatalogVersion& have) override;
    [[nodiscard]] db::DbResult<db::DirectorySnapshot> directory_if_newer(const db::DirectoryVersion& have) override;
    [[nodiscard]] db::DbResult<std::optional<int64_t>> unresolved_kept_aside() override;
    [[nodiscard]] db::DbStatus check_store_daily(const std::stop_token& stop) override {
        return store_->check_whole_file_daily(stop);
    }

private:
    std::unique_ptr<db::StoreDb> store_;
    int64_t lane_;
};

using SyncClock = std::function<std::string()>;
using OpenStoreSink = std::function<db::DbResult<std::unique_ptr<StoreSink>>()>;

struct SyncCounts {
    int64_t sent = 0;        // records delivered
    int64_t stored = 0;      // new at the store
    int64_t already = 0;     // the store had them (a lost acknowledgement, now healed)
    int64_t kept_aside = 0;  // the store kept them aside (conflict, fork, quarantine): alarms
    int64_t batches = 0;
};

struct SyncOutcome {
    SyncCounts counts;
    std::optional<db::DbError> error;  // why the pass stopped before the queue was empty
};

// Drains the outbox: read a batch, deliver it, mark what the store acknowledged, repeat until
// empty, an error, or keep_going() answers false. Records the outcome in lane.db's sync status.
[[nodiscard]] SyncOutcome sync_pass(db::LaneDb& lane, StoreSink& store, int64_t batch_size, const SyncClock& now,
                                    const std::function<bool()>& keep_going = {});

// Fetches the store's catalog if it is newer than the lane's replica and applies it in one
// transaction. True when the lane's catalog changed.
[[nodiscard]] db::DbResult<bool> refresh_catalog(db::LaneDb& lane, StoreSink& store, const std::string& now);

// Fetches the store's users and members if newer than the lane's and applies them in one
// transaction (db/shared/directory_sync.hpp). True when users or members came from the store (false
// when current, or when the store has never had any).
[[nodiscard]] db::DbResult<bool> refresh_directory(db::LaneDb& lane, StoreSink& store, const std::string& now);

struct SyncWorkerOptions {
    int64_t batch_size = 50;
    std::chrono::milliseconds interval{2000};    // between passes when all is well
    std::chrono::milliseconds first_retry{500};  // after the first failure; doubles each time
    std::chrono::milliseconds max_retry{60000};
    // Whether a new catalog, users or members may be applied now: `pos` answers false while a
    // ticket is open, so prices, operators and credit limits change between sales, never in the
    // middle of one.
    std::function<bool()> between_sales = [] { return true; };
    // The whole of lane.db is checked (PRAGMA quick_check) on this thread, the first time
    // `full_check_after` after start, then every `full_check_every`; lane.db's open checks only
    // the tables a sale writes (db/shared/integrity_check.hpp). Zero: never.
    std::chrono::milliseconds full_check_after{std::chrono::minutes(2)};
    std::chrono::milliseconds full_check_every{std::chrono::hours(24)};
    // Called on this thread after each pass that reached the store: a one-machine store pushes to
    // its head office here (chain/head_office_round.hpp), paced by the callee. Empty: nothing.
    std::function<void()> after_pass = {};
};

enum class SyncState { starting, idle, sending, retrying, stopped };

struct SyncSnapshot {
    SyncState state = SyncState::starting;
    db::SyncStatus status;  // as last read from lane.db
    SyncCounts totals;      // since the worker started
    int64_t passes = 0;
    std::optional<db::DbError> error;  // the last pass's error, if it failed
    std::chrono::milliseconds retry_in{0};
    int64_t catalog_updates = 0;    // catalogs applied since the worker started
    int64_t directory_updates = 0;  // users and members flow-downs applied since the worker started
    int64_t full_checks = 0;        // whole-file checks of lane.db done since the worker started
    // The last whole-file check of lane.db failed (kept until one passes): the lane sells on,
    // since the tables a sale writes passed their check at start, but the file needs the technician.
    std::optional<db::DbError> integrity_error;
};

class SyncWorker {
public:
    SyncWorker(std::string lane_path, OpenStoreSink open_store, SyncClock now, SyncWorkerOptions options);
    ~SyncWorker();  // stops and joins
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void start();
    void stop();
    // A sale was committed: send soon rather than at the next interval (ignored while backing off).
    void wake();
    [[nodiscard]] SyncSnapshot snapshot() const;

private:
    void run(const std::stop_token& stop);
    void publish(const std::function<void(SyncSnapshot&)>& change);
    // Sleeps for `duration`, or until stop (or wake, when wakeable); false when stopping.
    bool pause(const std::stop_token& stop, std::chrono::milliseconds duration, bool wakeable);
    // The background whole-file check of lane.db, when it is due.
    void check_whole_file(db::LaneDb& lane, std::chrono::steady_clock::time_point& next, const std::stop_token& stop);

    std::string lane_path_;
    OpenStoreSink open_store_;
    SyncClock now_;
    SyncWorkerOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable_any changed_;
    bool woken_ = false;
    SyncSnapshot snapshot_;
    std::jthread thread_;
};

}  // namespace pos::sync
