// Sync bookkeeping in lane.db: outbox rows marked synced only after the store's acknowledgement.
#include "db/lane/outbox.hpp"

namespace pos::db {
namespace {

std::optional<std::string> optional_text(const Statement& row, int column) {
    if (row.column_is_null(column)) return std::nullopt;
    return row.column_text(column);
}

}  // namespace

std::string_view error_code_name(DbErrorCode code) {
    switch (code) {
        case DbErrorCode::busy: return "busy";
        case DbErrorCode::disk_full: return "disk_full";
        case DbErrorCode::corrupt: return "corrupt";
        case DbErrorCode::io: return "io";
        case DbErrorCode::read_only: return "read_only";
        case DbErrorCode::cant_open: return "cant_open";
        case DbErrorCode::constraint: return "constraint";
        case DbErrorCode::not_found: return "not_found";
        case DbErrorCode::schema: return "schema";
        case DbErrorCode::unreachable: return "unreachable";
        case DbErrorCode::refused: return "refused";
        case DbErrorCode::other: return "other";
    }
    return "other";
}

DbResult<SyncStatus> read_sync_status(LaneDb& lane) {
    Connection& connection = lane.connection();
    SyncStatus status;
    auto depth = connection.query_text("SELECT count(*) FROM outbox WHERE synced_at IS NULL");
    if (!depth) return depth.error();
    status.queue_depth = std::stoll(depth->value_or("0"));
    auto oldest = connection.query_text("SELECT created_at FROM outbox WHERE synced_at IS NULL ORDER BY seq LIMIT 1");
    if (!oldest) return oldest.error();
    status.oldest_unsynced = *oldest;

    auto statement = connection.prepare(
        "SELECT last_attempt_at, last_sync_at, last_error, last_error_code, last_error_at, failures "
        "FROM sync_status WHERE id = 1");
    if (!statement) return statement.error();
    Statement& row = **statement;
    auto found = row.step();
    if (!found) return found.error();
    if (*found) {
        status.last_attempt_at = optional_text(row, 0);
        status.last_sync_at = optional_text(row, 1);
        status.last_error = row.column_text(2);
        status.last_error_code = row.column_text(3);
        status.last_error_at = optional_text(row, 4);
        status.failures = row.column_int(5);
    }
    row.reset();

    auto alarms = connection.prepare("SELECT seq, kind, ref, why, reason, at FROM sync_alarms ORDER BY id");
    if (!alarms) return alarms.error();
    auto read = each_row(**alarms, [&](const Statement& alarm) {
        status.alarms.push_back(SyncAlarm{alarm.column_int(0), alarm.column_text(1), alarm.column_text(2),
                                          alarm.column_text(3), alarm.column_text(4), alarm.column_text(5)});
    });
    if (!read) return read.error();
    return status;
}

DbStatus record_sync_alarms(LaneDb& lane, const std::vector<SyncAlarm>& alarms) {
    if (alarms.empty()) return support::Done{};
    Connection& connection = lane.connection();
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    auto insert = connection.prepare(
        "INSERT INTO sync_alarms (seq, kind, ref, why, reason, at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (kind, ref, why) DO NOTHING");
    if (!insert) return insert.error();
    for (const SyncAlarm& alarm : alarms) {
        Statement& row = (*insert)->reset().bind(1, alarm.seq).bind(2, alarm.kind).bind(3, alarm.ref);
        if (auto kept = row.bind(4, alarm.why).bind(5, alarm.reason).bind(6, alarm.at).run(); !kept) return kept;
    }
    return transaction->commit();
}

DbResult<int64_t> sync_alarm_count(LaneDb& lane) {
    auto count = lane.connection().query_text("SELECT count(*) FROM sync_alarms");
    if (!count) return count.error();
    return std::stoll(count->value_or("0"));
}

DbStatus clear_sync_alarms(LaneDb& lane) {
    auto statement = lane.connection().prepare("DELETE FROM sync_alarms");
    if (!statement) return statement.error();
    return (*statement)->run();
}

DbStatus record_sync_success(LaneDb& lane, const std::string& now) {
    auto statement = lane.connection().prepare(
        "UPDATE sync_status SET last_attempt_at = ?1, last_sync_at = ?1, last_error = '', last_error_code = '', "
        "failures = 0 WHERE id = 1");
    if (!statement) return statement.error();
    return (*statement)->bind(1, now).run();
}

DbStatus mark_synced(LaneDb& lane, const std::vector<int64_t>& seqs, const std::string& now) {
    Connection& connection = lane.connection();
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    auto statement = connection.prepare("UPDATE outbox SET synced_at = ? WHERE seq = ? AND synced_at IS NULL");
    if (!statement) return statement.error();
    for (int64_t seq : seqs) {
        if (auto marked = (*statement)->reset().bind(1, now).bind(2, seq).run(); !marked) return marked;
    }
    if (auto recorded = record_sync_success(lane, now); !recorded) return recorded;
    return transaction->commit();
}

DbStatus record_sync_failure(LaneDb& lane, const DbError& error, const std::string& now) {
    auto statement = lane.connection().prepare(
        "UPDATE sync_status SET last_attempt_at = ?1, last_error = ?2, last_error_code = ?3, last_error_at = ?1, "
        "failures = failures + 1 WHERE id = 1");
    if (!statement) return statement.error();
    return (*statement)->bind(1, now).bind(2, error.message).bind(3, error_code_name(error.code)).run();
}

DbResult<int64_t> requeue_since(LaneDb& lane, const std::string& since) {
    Connection& connection = lane.connection();
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    auto statement =
        connection.prepare("UPDATE outbox SET synced_at = NULL WHERE created_at >= ? AND synced_at IS NOT NULL");
    if (!statement) return statement.error();
    if (auto requeued = (*statement)->bind(1, since).run(); !requeued) return requeued.error();
    int64_t count = connection.changes();
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return count;
}

}  // namespace pos::db
