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

namespace {

constexpr const char* kept_aside_columns =
    "SELECT id, lane, kind, ref, why, reason, stored, delivered, received_at, resolved_at, resolved_by, resolution "
    "FROM kept_aside ";

std::optional<std::string> optional_text(const Statement& row, int column) {
    if (row.column_is_null(column)) return std::nullopt;
    return row.column_text(column);
}

DbResult<std::vector<KeptAside>> read_kept_aside(Statement& rows) {
    std::vector<KeptAside> found;
    auto read = each_row(rows, [&](const Statement& row) {
        found.push_back(KeptAside{row.column_int(0), row.column_int(1), row.column_text(2), row.column_text(3),
                                  row.column_text(4), row.column_text(5), optional_text(row, 6), row.column_text(7),
                                  row.column_text(8), optional_text(row, 9), optional_text(row, 10),
                                  optional_text(row, 11)});
    });
    if (!read) return read.error();
    return found;
}

}  // namespace

DbResult<std::vector<KeptAside>> open_kept_aside(Connection& store, std::optional<int64_t> lane) {
    auto query = store.prepare(std::string(kept_aside_columns) +
                               "WHERE resolved_at IS NULL AND (?1 IS NULL OR lane = ?1) ORDER BY id");
    if (!query) return query.error();
    Statement& rows = **query;
    if (lane)
        rows.bind(1, *lane);
    else
        rows.bind_null(1);
    return read_kept_aside(rows);
}

DbResult<std::vector<KeptAside>> open_kept_aside(StoreDb& store, std::optional<int64_t> lane) {
    return open_kept_aside(store.connection(), lane);
}

DbResult<int64_t> unresolved_kept_aside_count(StoreDb& store, int64_t lane) {
    auto query = store.connection().prepare(
        "SELECT count(*) FROM kept_aside WHERE resolved_at IS NULL AND (lane = ?1 OR lane = 0 OR ?1 = 0)");
    if (!query) return query.error();
    Statement& row = (**query).bind(1, lane);
    auto stepped = row.step();
    if (!stepped) return stepped.error();
    int64_t count = *stepped ? row.column_int(0) : 0;
    row.reset();
    return count;
}

DbResult<std::vector<KeptAside>> all_kept_aside(StoreDb& store) {
    auto query = store.connection().prepare(std::string(kept_aside_columns) + "ORDER BY id");
    if (!query) return query.error();
    return read_kept_aside(**query);
}

DbResult<KeptAsideResolution> resolve_kept_aside(StoreDb& store, int64_t id, const std::string& by,
                                                 const std::string& resolution, const std::string& at) {
    Connection& connection = store.connection();
    auto update = connection.prepare(
        "UPDATE kept_aside SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL");
    if (!update) return update.error();
    if (auto done = (**update).bind(1, at).bind(2, by).bind(3, resolution).bind(4, id).run(); !done) {
        return done.error();
    }
    KeptAsideResolution outcome;
    outcome.changed = connection.changes() > 0;
    auto query = connection.prepare(std::string(kept_aside_columns) + "WHERE id = ?");
    if (!query) return query.error();
    auto rows = read_kept_aside((**query).bind(1, id));
    if (!rows) return rows.error();
    if (!rows->empty()) outcome.row = std::move(rows->front());
    return outcome;
}

}  // namespace pos::db
