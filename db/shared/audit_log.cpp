// Audit rows in lane.db and store.db, and their outbox payload.
#include "db/shared/audit_log.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/lane/lane_db.hpp"
#include "db/store/store_db.hpp"

namespace pos::db {
namespace {

AuditRow read_row(const Statement& query) {
    return AuditRow{query.column_int(0),  query.column_text(1), query.column_int(2),  query.column_text(3),
                    query.column_text(4), query.column_text(5), query.column_text(6), query.column_text(7),
                    query.column_text(8), query.column_text(9)};
}

}  // namespace

DbResult<std::vector<AuditRow>> audit_rows_from(Statement& query) {
    std::vector<AuditRow> rows;
    while (true) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        rows.push_back(read_row(query));
    }
    query.reset();
    return rows;
}

Statement& bind_audit_row(Statement& statement, const AuditRow& row) {
    return statement.bind(1, row.seq)
        .bind(2, row.at)
        .bind(3, row.lane)
        .bind(4, row.kind)
        .bind(5, row.actor)
        .bind(6, row.approver)
        .bind(7, row.ref)
        .bind(8, row.detail)
        .bind(9, row.prev_hash)
        .bind(10, row.hash);
}

DbResult<std::optional<AuditRow>> last_audit_row(Connection& lane) {
    auto statement = lane.prepare(fmt::format("SELECT {} FROM audit ORDER BY seq DESC LIMIT 1", audit_columns));
    if (!statement) return statement.error();
    auto rows = audit_rows_from(**statement);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<AuditRow>{};
    return std::optional<AuditRow>(rows->front());
}

DbStatus append_audit_row(Connection& lane, const AuditRow& row) {
    auto insert =
        lane.prepare(fmt::format("INSERT INTO audit ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", audit_columns));
    if (!insert) return insert.error();
    return bind_audit_row(**insert, row).run();
}

DbResult<int64_t> last_outbox_seq(Connection& lane) {
    auto answer = lane.query_text("SELECT coalesce(max(seq), 0) FROM outbox");
    if (!answer) return answer.error();
    return std::stoll(answer->value_or("0"));
}

namespace {

// The records after the last one sent, in seq order.
DbResult<std::vector<AuditRow>> unsent_audit_rows(Connection& lane) {
    auto shipped = lane.query_text("SELECT last_seq FROM audit_shipped WHERE id = 1");
    if (!shipped) return shipped.error();
    int64_t last_sent = std::stoll(shipped->value_or("0"));
    auto unsent = lane.prepare(fmt::format("SELECT {} FROM audit WHERE seq > ? ORDER BY seq", audit_columns));
    if (!unsent) return unsent.error();
    return audit_rows_from((*unsent)->bind(1, last_sent));
}

DbStatus mark_audit_sent(Connection& lane, int64_t last_seq) {
    auto mark = lane.prepare("UPDATE audit_shipped SET last_seq = ? WHERE id = 1");
    if (!mark) return mark.error();
    return (*mark)->bind(1, last_seq).run();
}

nlohmann::json audit_list(const std::vector<AuditRow>& rows) {
    nlohmann::json attached = nlohmann::json::array();
    for (const AuditRow& row : rows) attached.push_back(nlohmann::json::parse(audit_payload(row)));
    return attached;
}

}  // namespace

DbResult<bool> queue_unsent_audit(Connection& lane, const std::string& now) {
    auto transaction = Transaction::begin(lane);
    if (!transaction) return transaction.error();
    auto rows = unsent_audit_rows(lane);
    if (!rows) return rows.error();
    if (rows->empty()) return false;
    const AuditRow& first = rows->front();
    const AuditRow& last = rows->back();
    std::string ref = fmt::format("{}:{}-{}", last.lane, first.seq, last.seq);
    nlohmann::json payload = {{"lane", last.lane}, {"audit", audit_list(*rows)}};
    auto insert = lane.prepare("INSERT INTO outbox (kind, ref, payload, created_at) VALUES ('audit', ?, ?, ?)");
    if (!insert) return insert.error();
    if (auto queued = (*insert)->bind(1, ref).bind(2, payload.dump()).bind(3, now).run(); !queued)
        return queued.error();
    if (auto marked = mark_audit_sent(lane, last.seq); !marked) return marked.error();
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return true;
}

DbStatus attach_unsent_audit(Connection& lane, int64_t outbox_seq) {
    auto rows = unsent_audit_rows(lane);
    if (!rows) return rows.error();
    if (rows->empty()) return support::Done{};
    auto current = lane.prepare("SELECT payload FROM outbox WHERE seq = ?");
    if (!current) return current.error();
    Statement& read = (*current)->bind(1, outbox_seq);
    auto found = read.step();
    if (!found) return found.error();
    if (!*found) return DbError{DbErrorCode::not_found, fmt::format("outbox row {} is missing", outbox_seq)};
    nlohmann::json payload = nlohmann::json::parse(read.column_text(0), nullptr, false);
    read.reset();
    if (!payload.is_object())
        return DbError{DbErrorCode::other, fmt::format("outbox row {} is not a JSON object", outbox_seq)};
    payload["audit"] = audit_list(*rows);
    auto update = lane.prepare("UPDATE outbox SET payload = ? WHERE seq = ?");
    if (!update) return update.error();
    if (auto done = (*update)->bind(1, payload.dump()).bind(2, outbox_seq).run(); !done) return done;
    return mark_audit_sent(lane, rows->back().seq);
}

DbResult<std::vector<AuditRow>> read_audit_rows(Connection& lane, const std::optional<std::string>& since) {
    if (since) {
        auto statement = lane.prepare(fmt::format("SELECT {} FROM audit WHERE at >= ? ORDER BY seq", audit_columns));
        if (!statement) return statement.error();
        return audit_rows_from((*statement)->bind(1, *since));
    }
    auto statement = lane.prepare(fmt::format("SELECT {} FROM audit ORDER BY seq", audit_columns));
    if (!statement) return statement.error();
    return audit_rows_from(**statement);
}

DbResult<std::optional<int64_t>> last_queued_audit_seq(Connection& lane) {
    auto answer = lane.query_text("SELECT last_seq FROM audit_shipped WHERE id = 1");
    if (!answer) return answer.error();
    if (!*answer || **answer == "0") return std::optional<int64_t>{};
    return std::optional<int64_t>(std::stoll(**answer));
}

DbStatus file_attached_audit(Connection& store, const std::string& payload) {
    nlohmann::json root = nlohmann::json::parse(payload, nullptr, false);
    if (!root.is_object() || !root.contains("audit")) return support::Done{};
    if (!root["audit"].is_array()) return DbError{DbErrorCode::other, "its audit records are not a list"};
    for (const nlohmann::json& record : root["audit"]) {
        auto row = parse_audit_payload(record.dump());
        if (!row) return row.error();
        auto inserted = insert_store_audit_row(store, *row);
        if (!inserted) return inserted.error();
    }
    return support::Done{};
}

DbResult<bool> insert_store_audit_row(Connection& store, const AuditRow& row) {
    auto insert = store.prepare(
        "INSERT INTO audit (seq, at, lane, kind, actor, approver, ref, detail, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lane, seq) DO NOTHING");
    if (!insert) return insert.error();
    if (auto done = bind_audit_row(**insert, row).run(); !done) return done.error();
    return store.changes() == 1;
}

DbResult<std::vector<AuditRow>> read_store_audit_rows(Connection& store, int64_t lane) {
    auto statement = store.prepare(fmt::format("SELECT {} FROM audit WHERE lane = ? ORDER BY seq", audit_columns));
    if (!statement) return statement.error();
    return audit_rows_from((*statement)->bind(1, lane));
}

DbResult<std::vector<int64_t>> store_audit_lanes(Connection& store) {
    auto statement = store.prepare("SELECT DISTINCT lane FROM audit ORDER BY lane");
    if (!statement) return statement.error();
    std::vector<int64_t> lanes;
    while (true) {
        auto row = (*statement)->step();
        if (!row) return row.error();
        if (!*row) break;
        lanes.push_back((*statement)->column_int(0));
    }
    (*statement)->reset();
    return lanes;
}

std::string audit_payload(const AuditRow& row) {
    nlohmann::json payload = {{"seq", row.seq},   {"at", row.at},         {"lane", row.lane},
                              {"kind", row.kind}, {"actor", row.actor},   {"approver", row.approver},
                              {"ref", row.ref},   {"detail", row.detail}, {"prev_hash", row.prev_hash},
                              {"hash", row.hash}};
    return payload.dump();
}

DbResult<AuditRow> parse_audit_payload(const std::string& json_text) {
    nlohmann::json root = nlohmann::json::parse(json_text, nullptr, false);
    auto bad = [](std::string_view what) {
        return DbError{DbErrorCode::other, fmt::format("an audit record from the lane cannot be read: {}", what)};
    };
    if (!root.is_object()) return bad("it is not a JSON object");
    AuditRow row;
    for (auto [name, out] : {std::pair{"seq", &row.seq}, std::pair{"lane", &row.lane}}) {
        if (!root.contains(name) || !root[name].is_number_integer())
            return bad(fmt::format("{} must be a whole number", name));
        *out = root[name].get<int64_t>();
    }
    for (auto [name, out] :
         {std::pair{"at", &row.at}, std::pair{"kind", &row.kind}, std::pair{"actor", &row.actor},
          std::pair{"approver", &row.approver}, std::pair{"ref", &row.ref}, std::pair{"detail", &row.detail},
          std::pair{"prev_hash", &row.prev_hash}, std::pair{"hash", &row.hash}}) {
        if (!root.contains(name) || !root[name].is_string()) return bad(fmt::format("{} must be text", name));
        *out = root[name].get<std::string>();
    }
    return row;
}

std::vector<int64_t> attached_audit_lanes(const std::string& payload) {
    std::vector<int64_t> lanes;
    nlohmann::json root = nlohmann::json::parse(payload, nullptr, false);
    if (!root.is_object() || !root.contains("audit") || !root["audit"].is_array()) return lanes;
    for (const nlohmann::json& record : root["audit"]) {
        // A record without a whole-number lane is refused later, when it is read (parse_audit_payload).
        if (record.is_object() && record.contains("lane") && record["lane"].is_number_integer()) {
            lanes.push_back(record["lane"].get<int64_t>());
        }
    }
    return lanes;
}

DbResult<std::optional<AuditRow>> last_audit_row(LaneDb& lane) { return last_audit_row(lane.connection()); }

DbStatus append_audit_row(LaneDb& lane, const AuditRow& row) { return append_audit_row(lane.connection(), row); }

DbResult<int64_t> last_outbox_seq(LaneDb& lane) { return last_outbox_seq(lane.connection()); }

DbStatus attach_unsent_audit(LaneDb& lane, int64_t outbox_seq) {
    return attach_unsent_audit(lane.connection(), outbox_seq);
}

DbResult<bool> queue_unsent_audit(LaneDb& lane, const std::string& now) {
    return queue_unsent_audit(lane.connection(), now);
}

DbResult<std::vector<AuditRow>> read_audit_rows(LaneDb& lane, const std::optional<std::string>& since) {
    return read_audit_rows(lane.connection(), since);
}

DbResult<std::optional<int64_t>> last_queued_audit_seq(LaneDb& lane) {
    return last_queued_audit_seq(lane.connection());
}

DbResult<std::vector<AuditRow>> read_store_audit_rows(StoreDb& store, int64_t lane) {
    return read_store_audit_rows(store.connection(), lane);
}

DbResult<std::vector<int64_t>> store_audit_lanes(StoreDb& store) { return store_audit_lanes(store.connection()); }

}  // namespace pos::db
