// Sync passes and the worker thread: deliver, then mark; back off on failure, never give up.
#include "sync/sync_worker.hpp"

#include <algorithm>
#include <random>

#include "db/shared/audit_log.hpp"
#include "db/store/kept_aside.hpp"
#include "db/store/promotions.hpp"

namespace pos::sync {
namespace {

// The lane's alarms go once the store holds nothing of it aside unresolved. Best effort: when the
// store cannot say, they stay until a later pass.
void drop_resolved_alarms(db::LaneDb& lane, StoreSink& store) {
    auto alarms = db::sync_alarm_count(lane);
    if (!alarms || *alarms == 0) return;
    auto unresolved = store.unresolved_kept_aside();
    if (!unresolved || !*unresolved || **unresolved > 0) return;
    (void)db::clear_sync_alarms(lane);
}

}  // namespace

SyncOutcome sync_pass(db::LaneDb& lane, StoreSink& store, int64_t batch_size, const SyncClock& now,
                      const std::function<bool()>& keep_going) {
    SyncOutcome outcome;
    auto fail = [&](db::DbError error) {
        // Best effort: when lane.db itself cannot be written the caller still gets the error.
        (void)db::record_sync_failure(lane, error, now());
        outcome.error = std::move(error);
        return outcome;
    };
    for (;;) {
        if (keep_going && !keep_going()) return outcome;
        auto batch = lane.unsynced(std::max<int64_t>(batch_size, 1));
        if (!batch) return fail(batch.error());
        if (batch->empty()) {
            // Audit records after the last outbox row (a logout, a failed login) ride on no sale:
            // they go in a row of their own once everything else is at the store.
            auto audit = db::queue_unsent_audit(lane, now());
            if (!audit) return fail(audit.error());
            if (*audit) continue;
            if (auto recorded = db::record_sync_success(lane, now()); !recorded) return fail(recorded.error());
            drop_resolved_alarms(lane, store);
            return outcome;
        }
        auto acknowledged = store.deliver(*batch, now());
        if (!acknowledged) return fail(acknowledged.error());
        // Only what the store acknowledged is marked; anything else stays queued.
        // A record the store kept aside (conflict, fork, quarantine) is held there with its reason:
        // it is marked like the rest, so it never blocks what follows, and its alarm is kept.
        std::vector<int64_t> seqs;
        std::vector<db::SyncAlarm> alarms;
        for (const db::OutboxRecord& record : *batch) {
            auto ack = std::find_if(acknowledged->begin(), acknowledged->end(), [&](const db::Acknowledged& a) {
                return a.kind == record.kind && a.ref == record.ref;
            });
            if (ack == acknowledged->end()) continue;
            seqs.push_back(record.seq);
            if (!ack->aside.empty()) {
                alarms.push_back(db::SyncAlarm{record.seq, record.kind, record.ref, ack->aside, ack->reason, now()});
                ++outcome.counts.kept_aside;
            }
            ++(ack->was_new ? outcome.counts.stored : outcome.counts.already);
        }
        outcome.counts.sent += int64_t(batch->size());
        ++outcome.counts.batches;
        if (auto alarmed = db::record_sync_alarms(lane, alarms); !alarmed) return fail(alarmed.error());
        if (auto marked = db::mark_synced(lane, seqs, now()); !marked) return fail(marked.error());
        if (seqs.size() < batch->size()) {
            return fail(db::DbError{db::DbErrorCode::other,
                                    "the store did not acknowledge every record of a batch; "
                                    "they stay queued and will be sent again"});
        }
    }
}

db::DbResult<std::optional<db::CatalogSnapshot>> DirectStoreSink::catalog_if_newer(const db::CatalogVersion& have) {
    // Price changes whose day has come go into the catalog first (docs/price-changes.md).
    if (auto applied = db::apply_due_price_changes_today(*store_); !applied) return applied.error();
    auto version = db::store_catalog_version(*store_);
    if (!version) return version.error();
    if (!db::differs(*version, have)) return std::optional<db::CatalogSnapshot>{};
    auto snapshot = db::read_catalog_snapshot(*store_);
    if (!snapshot) return snapshot.error();
    return std::optional<db::CatalogSnapshot>(std::move(*snapshot));
}

db::DbResult<std::optional<int64_t>> DirectStoreSink::unresolved_kept_aside() {
    auto count = db::unresolved_kept_aside_count(*store_, lane_);
    if (!count) return count.error();
    return std::optional<int64_t>(*count);
}

db::DbResult<bool> refresh_catalog(db::LaneDb& lane, StoreSink& store, const std::string& now) {
    auto have = db::applied_catalog_version(lane);
    if (!have) return have.error();
    auto newer = store.catalog_if_newer(*have);
    if (!newer) return newer.error();
    if (!*newer) return false;
    if (auto applied = db::apply_catalog_snapshot(lane, **newer, now); !applied) return applied.error();
    return true;
}

SyncWorker::SyncWorker(std::string lane_path, OpenStoreSink open_store, SyncClock now, SyncWorkerOptions options)
    : lane_path_(std::move(lane_path)), open_store_(std::move(open_store)), now_(std::move(now)), options_(options) {}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::start() {
    if (thread_.joinable()) return;
    thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void SyncWorker::stop() {
    if (!thread_.joinable()) return;
    thread_.request_stop();
    changed_.notify_all();
    thread_.join();
}

void SyncWorker::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    changed_.notify_all();
}

SyncSnapshot SyncWorker::snapshot() const {
    std::lock_guard lock(mutex_);
    return snapshot_;
}

void SyncWorker::publish(const std::function<void(SyncSnapshot&)>& change) {
    std::lock_guard lock(mutex_);
    change(snapshot_);
}

bool SyncWorker::pause(const std::stop_token& stop, std::chrono::milliseconds duration, bool wakeable) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, stop, duration, [&] { return wakeable && woken_; });
    woken_ = false;
    return !stop.stop_requested();
}

void SyncWorker::check_whole_file(db::LaneDb& lane, std::chrono::steady_clock::time_point& next,
                                  const std::stop_token& stop) {
    if (options_.full_check_every.count() <= 0 || std::chrono::steady_clock::now() < next) return;
    auto checked = lane.check_whole_file(
        "found by the background check of the whole file; the lane sells on, since "
        "the tables a sale writes passed their check when it started",
        stop);
    if (stop.stop_requested()) return;  // stopped, not judged: the next start checks again
    // Busy is not damage: try again at the next pass.
    if (!checked && checked.error().code == db::DbErrorCode::busy) return;
    next = std::chrono::steady_clock::now() + options_.full_check_every;
    if (!checked) (void)db::record_sync_failure(lane, checked.error(), now_());
    publish([&](SyncSnapshot& s) {
        ++s.full_checks;
        if (checked) {
            s.integrity_error.reset();
        } else {
            s.integrity_error = checked.error();
        }
    });
}

void SyncWorker::run(const std::stop_token& stop) {
    std::unique_ptr<db::LaneDb> lane;
    std::unique_ptr<StoreSink> store;
    int64_t failures = 0;
    // Jitter spreads the retries of many lanes that lost the store at the same moment.
    std::minstd_rand random(static_cast<unsigned>(
        std::hash<std::string>{}(lane_path_) ^ uint64_t(std::chrono::steady_clock::now().time_since_epoch().count())));
    auto backoff = [&] {
        auto base = options_.first_retry.count() << std::min<int64_t>(failures - 1, 20);
        auto capped = std::min<int64_t>(base, options_.max_retry.count());
        std::uniform_int_distribution<int64_t> jitter(capped * 8 / 10, capped);
        return std::chrono::milliseconds(jitter(random));
    };
    auto failed = [&](const db::DbError& error) {
        ++failures;
        store.reset();  // reopen next time: the file may have been restored or repaired meanwhile
        auto wait = backoff();
        std::optional<db::SyncStatus> status;
        if (lane) {
            (void)db::record_sync_failure(*lane, error, now_());
            if (auto read = db::read_sync_status(*lane)) status = *read;
        }
        publish([&](SyncSnapshot& s) {
            s.state = SyncState::retrying;
            s.error = error;
            s.retry_in = wait;
            ++s.passes;
            if (status) s.status = *status;
        });
        return wait;
    };

    auto next_full_check = std::chrono::steady_clock::now() + options_.full_check_after;
    while (!stop.stop_requested()) {
        if (!lane) {
            auto opened = db::LaneDb::open(lane_path_, false);
            if (!opened) {
                if (!pause(stop, failed(opened.error()), false)) break;
                continue;
            }
            lane = std::move(*opened);
        }
        // The selling connection in `pos` does not checkpoint (wal_autocheckpoint=0, so no sale
        // commit pays for one); this thread does, each pass, even while the store is away,
        // without waiting on anyone (PASSIVE).
        (void)lane->checkpoint();
        check_whole_file(*lane, next_full_check, stop);
        if (stop.stop_requested()) break;
        if (!store) {
            auto opened = open_store_();
            if (!opened) {
                if (!pause(stop, failed(opened.error()), false)) break;
                continue;
            }
            store = std::move(*opened);
        }
        // store.db's whole-file check of the day (one machine): before anything is written to the
        // file, and stopped by stop(), so `pos` does not wait seconds for it at exit.
        if (auto checked = store->check_store_daily(stop); !checked) {
            if (stop.stop_requested()) break;
            if (!pause(stop, failed(checked.error()), false)) break;
            continue;
        }
        publish([](SyncSnapshot& s) { s.state = SyncState::sending; });
        SyncOutcome outcome =
            sync_pass(*lane, *store, options_.batch_size, now_, [&] { return !stop.stop_requested(); });
        auto status = db::read_sync_status(*lane);
        publish([&](SyncSnapshot& s) {
            s.totals.sent += outcome.counts.sent;
            s.totals.stored += outcome.counts.stored;
            s.totals.already += outcome.counts.already;
            s.totals.batches += outcome.counts.batches;
            if (status) s.status = *status;
        });
        if (!outcome.error && options_.between_sales()) {
            auto refreshed = refresh_catalog(*lane, *store, now_());
            if (!refreshed) {
                (void)db::record_sync_failure(*lane, refreshed.error(), now_());
                outcome.error = refreshed.error();
            } else if (*refreshed) {
                publish([](SyncSnapshot& s) { ++s.catalog_updates; });
            }
        }
        if (!outcome.error && options_.between_sales()) {
            auto refreshed = refresh_directory(*lane, *store, now_());
            if (!refreshed) {
                (void)db::record_sync_failure(*lane, refreshed.error(), now_());
                outcome.error = refreshed.error();
            } else if (*refreshed) {
                publish([](SyncSnapshot& s) { ++s.directory_updates; });
            }
        }
        if (outcome.error) {
            // sync_pass (or the catalog refresh) has recorded the error in lane.db already.
            ++failures;
            store.reset();
            auto wait = backoff();
            publish([&](SyncSnapshot& s) {
                s.state = SyncState::retrying;
                s.error = outcome.error;
                s.retry_in = wait;
                ++s.passes;
            });
            if (!pause(stop, wait, false)) break;
            continue;
        }
        failures = 0;
        publish([](SyncSnapshot& s) {
            s.state = SyncState::idle;
            s.error.reset();
            s.retry_in = std::chrono::milliseconds(0);
            ++s.passes;
        });
        if (options_.after_pass) options_.after_pass();
        if (!pause(stop, options_.interval, true)) break;
    }
    publish([](SyncSnapshot& s) { s.state = SyncState::stopped; });
}

}  // namespace pos::sync
