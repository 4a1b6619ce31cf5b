// store.db's own audit chain (table store_audit): rows appended and read with bound parameters.
// The hashing is pos/core/audit_chain.hpp; the lanes' chains as received are db/shared/audit_log.hpp.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "db/shared/audit_log.hpp"

namespace pos::db {

// Builds the next row from the last one (none for the first) and appends it, in one BEGIN
// IMMEDIATE transaction, so two posctl at once cannot both chain to the same record.
using ChainNext = std::function<AuditRow(const std::optional<AuditRow>& last)>;
[[nodiscard]] DbStatus append_store_own_audit_row(StoreDb& store, const ChainNext& next);
// Every record in seq order.
[[nodiscard]] DbResult<std::vector<AuditRow>> read_store_own_audit_rows(StoreDb& store);

}  // namespace pos::db
