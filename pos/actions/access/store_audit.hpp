// The store's own audit chain (store.db store_audit): acts done at the store (operators,
// catalog imports, promotions, price changes, forced day closes) recorded there, never in the
// chain of the lane whose posctl ran them, and verified like a lane's chain.
#pragma once

#include "db/store/store_db.hpp"
#include "pos/actions/access/audit.hpp"

namespace pos::actions {

// Appends the event to store.db's chain, dated by the system clock; `via_lane` (the lane whose
// posctl did it) goes into the detail. A clock set back past the last record is recorded first.
[[nodiscard]] core::Status record_store_audit(db::StoreDb& store, AuditEvent event, int64_t via_lane);

// Walks the store's own chain (lane 0 in the verdict).
[[nodiscard]] core::Result<AuditVerdict> verify_store_own_audit(db::StoreDb& store);
[[nodiscard]] core::Result<std::vector<core::AuditEntry>> store_own_audit_entries(db::StoreDb& store);

}  // namespace pos::actions
