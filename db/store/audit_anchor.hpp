// The store's copy of each lane's audit chain, anchored (issue #17 point 6): an audit record that
// arrives is kept only when it continues the chain the store already holds for its lane. One whose
// (lane, seq) already holds a different record is a conflict, one whose prev_hash does not match
// the record before it (or that skips records) is a fork: both are kept aside with the store's
// version (db/store/kept_aside.hpp), never written over it, so history already sent cannot be
// rewritten from the lane.
#pragma once

#include <string>
#include <vector>

#include "db/shared/audit_log.hpp"
#include "db/shared/sqlite.hpp"
#include "db/store/kept_aside.hpp"

namespace pos::db {

// Files the audit records an outbox payload carries ("audit": [...]) into store.db's audit table,
// inside the batch's transaction. Returns what was kept aside instead; an unreadable audit record
// is an error (the caller quarantines the outbox record that carried it).
[[nodiscard]] DbResult<std::vector<KeptAside>> anchor_attached_audit(Connection& store, const std::string& payload,
                                                                     const std::string& received_at);

class StoreDb;

// What the store holds of one lane's chain, for `posctl audit verify --against-store`: the records
// it anchored, and those it kept aside (conflicts and forks, not yet resolved).
struct StoreAuditCopy {
    int64_t lane = 0;
    std::vector<AuditRow> records;
    std::vector<KeptAside> kept_aside;
};
[[nodiscard]] DbResult<StoreAuditCopy> read_store_audit_copy(StoreDb& store, int64_t lane);

}  // namespace pos::db
