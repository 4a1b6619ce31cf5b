// The audit table in lane.db and store.db: append and read rows. The hashing and the chain rules
// are pos/core/audit_chain.hpp; this file only stores what it is given, with bound parameters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/shared/records.hpp"
#include "db/shared/sqlite.hpp"

namespace pos::db {

class LaneDb;
class StoreDb;

struct AuditRow {
    int64_t seq = 0;
    std::string at;
    int64_t lane = 0;
    std::string kind;
    std::string actor;
    std::string approver;
    std::string ref;
    std::string detail;
    std::string prev_hash;
    std::string hash;
};

// The columns of an audit table (lane.db audit, store.db audit and store_audit), in AuditRow's
// order: a SELECT of them reads back with audit_rows_from, an INSERT of them binds bind_audit_row.
inline constexpr const char* audit_columns = "seq, at, lane, kind, actor, approver, ref, detail, prev_hash, hash";
[[nodiscard]] DbResult<std::vector<AuditRow>> audit_rows_from(Statement& query);
Statement& bind_audit_row(Statement& statement, const AuditRow& row);

// lane.db: the last record, to chain the next one to. Call inside the writing transaction.
[[nodiscard]] DbResult<std::optional<AuditRow>> last_audit_row(Connection& lane);
// lane.db: appends the row, inside the caller's transaction.
[[nodiscard]] DbStatus append_audit_row(Connection& lane, const AuditRow& row);
// lane.db: the highest outbox seq (0 when empty), to tell whether a write queued a row.
[[nodiscard]] DbResult<int64_t> last_outbox_seq(Connection& lane);
// lane.db: adds every audit record not yet sent to the payload of outbox row `outbox_seq`
// (as "audit": [...]) and marks them sent. Inside the transaction that wrote both.
[[nodiscard]] DbStatus attach_unsent_audit(Connection& lane, int64_t outbox_seq);
// lane.db: every audit record not yet sent, queued as an outbox row of its own (kind "audit",
// ref "LANE:FIRST-LAST", payload {"lane":N,"audit":[...]}) and marked sent, in one transaction.
// For the records after the lane's last outbox row (a logout, a failed login): the sync worker
// calls it when the outbox is empty. False when there was nothing to queue.
[[nodiscard]] DbResult<bool> queue_unsent_audit(Connection& lane, const std::string& now);
// The lanes of the audit records an outbox payload carries ("audit": [...]); empty without any.
[[nodiscard]] std::vector<int64_t> attached_audit_lanes(const std::string& payload);
// lane.db: every record in seq order, or those at or after `since` (ISO 8601 text compare).
[[nodiscard]] DbResult<std::vector<AuditRow>> read_audit_rows(Connection& lane,
                                                              const std::optional<std::string>& since);
// lane.db: the highest seq ever queued for the store; catches records removed from the end.
[[nodiscard]] DbResult<std::optional<int64_t>> last_queued_audit_seq(Connection& lane);

// store.db: the rows an outbox payload carries ("audit": [...]), each kept once per (lane, seq).
[[nodiscard]] DbStatus file_attached_audit(Connection& store, const std::string& payload);

// store.db: keeps a delivered record once per (lane, seq); true when new.
[[nodiscard]] DbResult<bool> insert_store_audit_row(Connection& store, const AuditRow& row);
// store.db: one lane's chain in seq order, and the lanes that have one.
[[nodiscard]] DbResult<std::vector<AuditRow>> read_store_audit_rows(Connection& store, int64_t lane);
[[nodiscard]] DbResult<std::vector<int64_t>> store_audit_lanes(Connection& store);

// The same operations on an open database, as pos/ calls them; the Connection forms above are
// the db layer's own building blocks.
[[nodiscard]] DbResult<std::optional<AuditRow>> last_audit_row(LaneDb& lane);
[[nodiscard]] DbStatus append_audit_row(LaneDb& lane, const AuditRow& row);
[[nodiscard]] DbResult<int64_t> last_outbox_seq(LaneDb& lane);
[[nodiscard]] DbStatus attach_unsent_audit(LaneDb& lane, int64_t outbox_seq);
[[nodiscard]] DbResult<bool> queue_unsent_audit(LaneDb& lane, const std::string& now);
[[nodiscard]] DbResult<std::vector<AuditRow>> read_audit_rows(LaneDb& lane, const std::optional<std::string>& since);
[[nodiscard]] DbResult<std::optional<int64_t>> last_queued_audit_seq(LaneDb& lane);
[[nodiscard]] DbResult<std::vector<AuditRow>> read_store_audit_rows(StoreDb& store, int64_t lane);
[[nodiscard]] DbResult<std::vector<int64_t>> store_audit_lanes(StoreDb& store);

// A row as JSON with every column, and back.
[[nodiscard]] std::string audit_payload(const AuditRow& row);
[[nodiscard]] DbResult<AuditRow> parse_audit_payload(const std::string& json_text);

}  // namespace pos::db
