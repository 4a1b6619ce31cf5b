// store.db's own audit chain (db/store/store_audit.hpp).
#include "db/store/store_audit.hpp"

#include "db/store/store_db.hpp"

namespace pos::db {
namespace {

constexpr const char* select_rows =
    "SELECT seq, at, lane, kind, actor, approver, ref, detail, prev_hash, hash FROM store_audit ";

DbResult<std::vector<AuditRow>> read_rows(Statement& query) {
    std::vector<AuditRow> rows;
    while (true) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        rows.push_back(AuditRow{query.column_int(0), query.column_text(1), query.column_int(2), query.column_text(3),
                                query.column_text(4), query.column_text(5), query.column_text(6), query.column_text(7),
                                query.column_text(8), query.column_text(9)});
    }
    query.reset();
    return rows;
}

}  // namespace

DbStatus append_store_own_audit_row(StoreDb& store, const ChainNext& next) {
    auto transaction = Transaction::begin(store.connection());
    if (!transaction) return transaction.error();
    auto query = store.connection().prepare(std::string(select_rows) + "ORDER BY seq DESC LIMIT 1");
    if (!query) return query.error();
    auto last = read_rows(**query);
    if (!last) return last.error();
    AuditRow row = next(last->empty() ? std::optional<AuditRow>{} : std::optional<AuditRow>(last->front()));
    auto insert = store.connection().prepare(
        "INSERT INTO store_audit (seq, at, lane, kind, actor, approver, ref, detail, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    (*insert)
        ->bind(1, row.seq)
        .bind(2, row.at)
        .bind(3, row.lane)
        .bind(4, row.kind)
        .bind(5, row.actor)
        .bind(6, row.approver)
        .bind(7, row.ref)
        .bind(8, row.detail)
        .bind(9, row.prev_hash)
        .bind(10, row.hash);
    if (auto inserted = (*insert)->run(); !inserted) return inserted;
    return transaction->commit();
}

DbResult<std::vector<AuditRow>> read_store_own_audit_rows(StoreDb& store) {
    auto query = store.connection().prepare(std::string(select_rows) + "ORDER BY seq");
    if (!query) return query.error();
    return read_rows(**query);
}

}  // namespace pos::db
