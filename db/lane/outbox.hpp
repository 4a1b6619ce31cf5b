// The lane's side of sync: marking delivered outbox rows, and the sync status kept in lane.db
// (queue depth, oldest unsynced record, last sync, last error) for `pos` and `posctl sync`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/lane/lane_db.hpp"

namespace pos::db {

// A record the store kept aside instead of storing it (lane migration 0036): the store holds it
// with its reason; the lane shows the alarm until a manager resolves it at the store.
struct SyncAlarm {
    int64_t seq = 0;  // the outbox row that carried it
    std::string kind;
    std::string ref;
    std::string why;  // "conflict", "fork" or "quarantine"
    std::string reason;
    std::string at;
};

struct SyncStatus {
    int64_t queue_depth = 0;                     // outbox rows the store has not acknowledged
    std::optional<std::string> oldest_unsynced;  // created_at of the oldest of them
    std::optional<std::string> last_attempt_at;
    std::optional<std::string> last_sync_at;  // the store last acknowledged (or had nothing to take)
    std::string last_error;                   // empty after a good pass
    std::string last_error_code;              // error_code_name of the last failure
    std::optional<std::string> last_error_at;
    int64_t failures = 0;           // consecutive failed passes
    std::vector<SyncAlarm> alarms;  // kept aside at the store, oldest first
};

// "busy", "disk_full", "corrupt", ...: stable names for scripts and the status bar.
[[nodiscard]] std::string_view error_code_name(DbErrorCode code);

[[nodiscard]] DbResult<SyncStatus> read_sync_status(LaneDb& lane);

// After the store acknowledged them: sets synced_at on these outbox rows and records a good
// pass, in one lane transaction (never held while the store is being written).
[[nodiscard]] DbStatus mark_synced(LaneDb& lane, const std::vector<int64_t>& seqs, const std::string& now);

// Keeps the alarms of records the store kept aside, once each (kind, ref, why). Call inside the
// transaction of mark_synced's pass or on its own.
[[nodiscard]] DbStatus record_sync_alarms(LaneDb& lane, const std::vector<SyncAlarm>& alarms);

// How many alarms the lane shows, and dropping them once the store says nothing of this lane is
// kept aside unresolved any more (a manager dealt with each: posctl kept-aside resolve).
[[nodiscard]] DbResult<int64_t> sync_alarm_count(LaneDb& lane);
[[nodiscard]] DbStatus clear_sync_alarms(LaneDb& lane);

// A pass that found nothing to send.
[[nodiscard]] DbStatus record_sync_success(LaneDb& lane, const std::string& now);

// A failed pass: the error is kept for `posctl sync` and the status bar; the outbox is untouched.
[[nodiscard]] DbStatus record_sync_failure(LaneDb& lane, const DbError& error, const std::string& now);

// Queues again every record created on or after `since` (an ISO date or time), e.g. after the
// store database was restored from an older backup. The store keeps each record once, so
// re-sending is always safe. Returns how many rows were queued again.
[[nodiscard]] DbResult<int64_t> requeue_since(LaneDb& lane, const std::string& since);

}  // namespace pos::db
