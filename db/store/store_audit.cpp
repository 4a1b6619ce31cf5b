// store.db's own audit chain (db/store/store_audit.hpp).
#include "db/store/store_audit.hpp"

#include <fmt/format.h>

#include "db/shared/audit_log.hpp"
#include "db/store/store_db.hpp"

namespace pos::db {
namespace {

std::string select_rows(std::string_view order) {
    return fmt::format("SELECT {} FROM store_audit {}", audit_columns, order);
}

}  // namespace

DbStatus append_store_own_audit_row(StoreDb& store, const ChainNext& next) {
    auto transaction = Transaction::begin(store.connection());
    if (!transaction) return transaction.error();
    auto query = store.connection().prepare(select_rows("ORDER BY seq DESC LIMIT 1"));
    if (!query) return query.error();
    auto last = audit_rows_from(**query);
    if (!last) return last.error();
    AuditRow row = next(last->empty() ? std::optional<AuditRow>{} : std::optional<AuditRow>(last->front()));
    auto insert = store.connection().prepare(
        fmt::format("INSERT INTO store_audit ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", audit_columns));
    if (!insert) return insert.error();
    bind_audit_row(**insert, row);
    if (auto inserted = (*insert)->run(); !inserted) return inserted;
    return transaction->commit();
}

DbResult<std::vector<AuditRow>> read_store_own_audit_rows(StoreDb& store) {
    auto query = store.connection().prepare(select_rows("ORDER BY seq"));
    if (!query) return query.error();
    return audit_rows_from(**query);
}

}  // namespace pos::db
