// Records kept aside in store.db instead of being stored or dropped.
#include "db/store/kept_aside.hpp"

#include "db/store/store_db.hpp"

namespace pos::db {

DbStatus keep_aside(Connection& store, const KeptAside& record) {
    auto insert = store.prepare(
        "INSERT INTO kept_aside (lane, kind, ref, why, reason, stored, delivered, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lane, kind, ref, why, delivered) DO NOTHING");
    if (!insert) return insert.error();
    Statement& row = (**insert).bind(1, record.lane).bind(2, record.kind).bind(3, record.ref).bind(4, record.why);
    row.bind(5, record.reason);
    if (record.stored)
        row.bind(6, *record.stored);
    else
        row.bind_null(6);
    return row.bind(7, record.delivered).bind(8, record.received_at).run();
}

DbResult<std::vector<KeptAside>> open_kept_aside(Connection& store, std::optional<int64_t> lane) {
    auto query = store.prepare(
        "SELECT id, lane, kind, ref, why, reason, stored, delivered, received_at FROM kept_aside "
        "WHERE resolved_at IS NULL AND (?1 IS NULL OR lane = ?1) ORDER BY id");
    if (!query) return query.error();
    Statement& rows = **query;
    if (lane)
        rows.bind(1, *lane);
    else
        rows.bind_null(1);
    std::vector<KeptAside> found;
    auto read = each_row(rows, [&](const Statement& row) {
        std::optional<std::string> stored;
        if (!row.column_is_null(6)) stored = row.column_text(6);
        found.push_back(KeptAside{row.column_int(0), row.column_int(1), row.column_text(2), row.column_text(3),
                                  row.column_text(4), row.column_text(5), std::move(stored), row.column_text(7),
                                  row.column_text(8)});
    });
    if (!read) return read.error();
    return found;
}

DbResult<std::vector<KeptAside>> open_kept_aside(StoreDb& store, std::optional<int64_t> lane) {
    return open_kept_aside(store.connection(), lane);
}

}  // namespace pos::db
