// store.db: opening, the catalog master, and the lanes' sales and shifts as sync delivers them.
#include "db/store_db.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/catalog_tables.hpp"
#include "db/migrations.hpp"
#include "db/outbox_payload.hpp"

namespace pos::db {
namespace {

// Inserts the sale unless its UUID is already there; lines and tenders only with a new row.
DbResult<bool> insert_sale(Connection& connection, const SaleRecord& sale, const std::string& received_at) {
    auto header = connection.prepare(
        "INSERT INTO sales (id, receipt_no, lane, shift_id, operator, completed_at, total_fen, rounding_fen, "
        "paid_fen, change_fen, item_count_milli, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO NOTHING");
    if (!header) return header.error();
    Statement& row = **header;
    row.bind(1, sale.id).bind(2, sale.receipt_no).bind(3, sale.lane).bind(4, sale.shift_id).bind(5, sale.operator_id);
    row.bind(6, sale.completed_at).bind(7, sale.total_fen).bind(8, sale.rounding_fen).bind(9, sale.paid_fen);
    row.bind(10, sale.change_fen).bind(11, sale.item_count_milli).bind(12, received_at);
    if (auto inserted = row.run(); !inserted) return inserted.error();
    if (connection.changes() == 0) return false;

    auto lines = connection.prepare(
        "INSERT INTO sale_lines (sale_id, line_no, kind, sku, gtin, name_zh, name_en, spec, unit, department, "
        "sale_unit, quantity_milli, unit_price_fen, amount_fen, voided, voided_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!lines) return lines.error();
    for (const SaleLineRecord& line : sale.lines) {
        Statement& l = (*lines)->reset();
        l.bind(1, sale.id).bind(2, line.line_no).bind(3, line.kind).bind(4, line.sku).bind(5, line.gtin);
        l.bind(6, line.name_zh).bind(7, line.name_en).bind(8, line.spec).bind(9, line.unit).bind(10, line.department);
        l.bind(11, line.sale_unit).bind(12, line.quantity_milli).bind(13, line.unit_price_fen);
        l.bind(14, line.amount_fen).bind(15, int64_t(line.voided)).bind(16, line.voided_by);
        if (auto inserted = l.run(); !inserted) return inserted.error();
    }
    auto tenders = connection.prepare(
        "INSERT INTO sale_tenders (sale_id, seq, method, amount_fen, reference) VALUES (?, ?, ?, ?, ?)");
    if (!tenders) return tenders.error();
    for (const TenderRecord& tender : sale.tenders) {
        Statement& t = (*tenders)->reset();
        t.bind(1, sale.id).bind(2, tender.seq).bind(3, tender.method).bind(4, tender.amount_fen).bind(5, tender.reference);
        if (auto inserted = t.run(); !inserted) return inserted.error();
    }
    return true;
}

DbResult<bool> insert_shift(Connection& connection, const ShiftRecord& shift, const std::string& received_at) {
    auto statement = connection.prepare(
        "INSERT INTO shifts (id, lane, operator, opened_at, float_fen, closed_at, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
    if (!statement) return statement.error();
    Statement& row = (**statement).bind(1, shift.id).bind(2, shift.lane).bind(3, shift.operator_id);
    row.bind(4, shift.opened_at).bind(5, shift.float_fen).bind(7, received_at);
    if (shift.closed_at) row.bind(6, *shift.closed_at);
    else row.bind_null(6);
    if (auto inserted = row.run(); !inserted) return inserted.error();
    return connection.changes() == 1;
}

// The journal of every delivered record; true when this (kind, ref) is new.
DbResult<bool> insert_received(Connection& connection, const OutboxRecord& record, std::optional<int64_t> lane,
                               const std::string& received_at) {
    auto statement = connection.prepare(
        "INSERT INTO received (kind, ref, lane, payload, created_at, received_at) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (kind, ref) DO NOTHING");
    if (!statement) return statement.error();
    Statement& row = (**statement).bind(1, record.kind).bind(2, record.ref);
    if (lane) row.bind(3, *lane);
    else row.bind_null(3);
    row.bind(4, record.payload).bind(5, record.created_at).bind(6, received_at);
    if (auto inserted = row.run(); !inserted) return inserted.error();
    return connection.changes() == 1;
}

std::optional<int64_t> payload_lane(const std::string& payload) {
    nlohmann::json root = nlohmann::json::parse(payload, nullptr, false);
    if (root.is_object() && root.contains("lane") && root["lane"].is_number_integer()) return root["lane"].get<int64_t>();
    return std::nullopt;
}

DbError unreadable(const OutboxRecord& record, const DbError& error) {
    return DbError{error.code, fmt::format("{} {} (outbox #{}): {}; nothing in this batch was stored, the lane keeps it",
                                           record.kind, record.ref, record.seq, error.message)};
}

}  // namespace

DbResult<std::unique_ptr<StoreDb>> StoreDb::open(const std::string& path, bool create) {
    auto connection = open_checked(path, create, store_migrations());
    if (!connection) return connection.error();
    return std::unique_ptr<StoreDb>(new StoreDb(std::move(*connection)));
}

DbStatus StoreDb::replace_catalog(const std::vector<ItemRecord>& items) { return db::replace_catalog(*connection_, items); }

DbResult<std::vector<ItemRecord>> StoreDb::all_items() { return read_catalog(*connection_); }

DbResult<std::vector<Acknowledged>> StoreDb::apply_batch(const std::vector<OutboxRecord>& batch,
                                                         const std::string& received_at) {
    auto transaction = Transaction::begin(*connection_);
    if (!transaction) return transaction.error();
    std::vector<Acknowledged> acknowledged;
    acknowledged.reserve(batch.size());
    for (const OutboxRecord& record : batch) {
        std::optional<int64_t> lane;
        std::optional<bool> filed;  // set for kinds with their own table
        if (record.kind == "sale") {
            auto sale = parse_sale_payload(record.payload);
            if (!sale) return unreadable(record, sale.error());
            if (sale->id != record.ref) {
                return unreadable(record, DbError{DbErrorCode::other, "its sale_id differs from the outbox ref"});
            }
            lane = sale->lane;
            auto inserted = insert_sale(*connection_, *sale, received_at);
            if (!inserted) return inserted.error();
            filed = *inserted;
        } else if (record.kind == "shift") {
            auto shift = parse_shift_payload(record.payload);
            if (!shift) return unreadable(record, shift.error());
            if (shift->id != record.ref) {
                return unreadable(record, DbError{DbErrorCode::other, "its shift_id differs from the outbox ref"});
            }
            lane = shift->lane;
            auto inserted = insert_shift(*connection_, *shift, received_at);
            if (!inserted) return inserted.error();
            filed = *inserted;
        } else {
            lane = payload_lane(record.payload);
        }
        auto journaled = insert_received(*connection_, record, lane, received_at);
        if (!journaled) return journaled.error();
        acknowledged.push_back(Acknowledged{record.kind, record.ref, filed.value_or(*journaled)});
    }
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return acknowledged;
}

}  // namespace pos::db
