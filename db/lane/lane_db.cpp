// lane.db: opening with an integrity check, and the writes a sale needs, each in one transaction.
#include "db/lane/lane_db.hpp"

#include <fmt/format.h>

#include "db/lane/name_grams.hpp"
#include "db/shared/catalog_tables.hpp"
#include "db/shared/integrity_check.hpp"
#include "db/shared/migrations.hpp"
#include "db/shared/sale_rows.hpp"

namespace pos::db {
namespace {

DbStatus insert_outbox(Connection& connection, const std::string& kind, const std::string& ref,
                       const std::string& payload, const std::string& created_at) {
    auto statement = connection.prepare("INSERT INTO outbox (kind, ref, payload, created_at) VALUES (?, ?, ?, ?)");
    if (!statement) return statement.error();
    return (*statement)->bind(1, kind).bind(2, ref).bind(3, payload).bind(4, created_at).run();
}

// The lane's own record of weighed lines (migration 0025): store.db's sale_lines has no such columns.
DbStatus insert_line_weights(Connection& connection, const SaleRecord& sale) {
    auto weights = connection.prepare(
        "INSERT INTO sale_line_weights (sale_id, line_no, grams, source, keyed_by) VALUES (?, ?, ?, ?, ?)");
    if (!weights) return weights.error();
    for (const SaleLineRecord& line : sale.lines) {
        if (line.weight_source.empty()) continue;
        Statement& w = (*weights)->reset();
        w.bind(1, sale.id).bind(2, line.line_no).bind(3, line.quantity_milli).bind(4, line.weight_source);
        w.bind(5, line.weight_keyed_by);
        if (auto inserted = w.run(); !inserted) return inserted;
    }
    return support::Done{};
}

DbStatus insert_sale_rows(Connection& connection, const SaleRecord& sale) {
    auto header = connection.prepare(
        "INSERT INTO sales (id, receipt_no, lane, shift_id, operator, completed_at, total_fen, rounding_fen, "
        "paid_fen, change_fen, item_count_milli, kind, original_sale_id, reason, approved_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!header) return header.error();
    Statement& row = **header;
    row.bind(1, sale.id).bind(2, sale.receipt_no).bind(3, sale.lane).bind(4, sale.shift_id).bind(5, sale.operator_id);
    row.bind(6, sale.completed_at).bind(7, sale.total_fen).bind(8, sale.rounding_fen).bind(9, sale.paid_fen);
    row.bind(10, sale.change_fen).bind(11, sale.item_count_milli);
    bind_return_columns(row, sale, 12);
    if (auto inserted = row.run(); !inserted) return inserted;
    if (auto lines = insert_sale_lines_and_tenders(connection, sale); !lines) return lines;
    return insert_line_weights(connection, sale);
}

}  // namespace

DbResult<std::unique_ptr<LaneDb>> LaneDb::open(const std::string& path, bool create) {
    auto connection = open_checked(path, create, lane_migrations(), IntegrityScope::lane_without_catalog());
    if (!connection) return connection.error();
    return std::unique_ptr<LaneDb>(new LaneDb(std::move(*connection)));
}

DbStatus LaneDb::replace_catalog(const std::vector<ItemRecord>& items) {
    auto transaction = Transaction::begin(*connection_);
    if (!transaction) return transaction.error();
    if (auto written = write_catalog(*connection_, items); !written) return written;
    if (auto indexed = rebuild_name_grams(*connection_); !indexed) return indexed;
    return transaction->commit();
}

DbResult<std::vector<ItemRecord>> LaneDb::all_items() { return read_catalog(*connection_); }

DbResult<std::optional<ItemRecord>> LaneDb::find_item_by_gtin(const std::string& gtin) {
    return db::find_item_by_gtin(*connection_, gtin);
}

DbResult<std::optional<ItemRecord>> LaneDb::find_item_by_plu(const std::string& plu) {
    return db::find_item_by_plu(*connection_, plu);
}

DbResult<std::optional<ItemRecord>> LaneDb::find_item_by_sku(const std::string& sku) {
    return db::find_item_by_sku(*connection_, sku);
}

DbStatus LaneDb::save_user(const UserRecord& user) {
    auto statement = connection_->prepare(
        "INSERT INTO users (operator, name, role, pin_hash, active) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (operator) DO UPDATE SET name = excluded.name, role = excluded.role, "
        "pin_hash = excluded.pin_hash, active = excluded.active");
    if (!statement) return statement.error();
    return (*statement)
        ->bind(1, user.operator_id)
        .bind(2, user.name)
        .bind(3, user.role)
        .bind(4, user.pin_hash)
        .bind(5, int64_t(user.active))
        .run();
}

DbResult<std::optional<UserRecord>> LaneDb::find_user(const std::string& operator_id) {
    auto statement =
        connection_->prepare("SELECT operator, name, role, pin_hash, active FROM users WHERE operator = ?");
    if (!statement) return statement.error();
    Statement& query = (*statement)->bind(1, operator_id);
    auto row = query.step();
    if (!row) return row.error();
    if (!*row) return std::optional<UserRecord>{};
    UserRecord user{query.column_text(0), query.column_text(1), query.column_text(2), query.column_text(3),
                    query.column_int(4) != 0};
    query.reset();
    return std::optional<UserRecord>(std::move(user));
}

DbResult<std::optional<ShiftRecord>> LaneDb::find_open_shift(int64_t lane) {
    auto statement = connection_->prepare(
        "SELECT id, lane, operator, opened_at, float_fen FROM shifts WHERE lane = ? AND closed_at IS NULL");
    if (!statement) return statement.error();
    Statement& query = (*statement)->bind(1, lane);
    auto row = query.step();
    if (!row) return row.error();
    if (!*row) return std::optional<ShiftRecord>{};
    ShiftRecord shift{query.column_text(0), query.column_int(1), query.column_text(2),
                      query.column_text(3), query.column_int(4), std::nullopt};
    query.reset();
    return std::optional<ShiftRecord>(std::move(shift));
}

DbStatus LaneDb::open_shift(const ShiftRecord& shift, const std::string& outbox_payload) {
    auto transaction = Transaction::begin(*connection_);
    if (!transaction) return transaction.error();
    auto statement =
        connection_->prepare("INSERT INTO shifts (id, lane, operator, opened_at, float_fen) VALUES (?, ?, ?, ?, ?)");
    if (!statement) return statement.error();
    auto inserted = (*statement)
                        ->bind(1, shift.id)
                        .bind(2, shift.lane)
                        .bind(3, shift.operator_id)
                        .bind(4, shift.opened_at)
                        .bind(5, shift.float_fen)
                        .run();
    if (!inserted) return inserted;
    if (auto queued = insert_outbox(*connection_, "shift", shift.id, outbox_payload, shift.opened_at); !queued) {
        return queued;
    }
    return transaction->commit();
}

DbResult<int64_t> LaneDb::commit_sale(SaleRecord sale, const std::function<std::string(const SaleRecord&)>& payload,
                                      const std::function<DbStatus()>& guard) {
    auto transaction = Transaction::begin(*connection_);
    if (!transaction) return transaction.error();
    if (guard) {
        if (auto allowed = guard(); !allowed) return allowed.error();
    }
    // Inside BEGIN IMMEDIATE no other writer can take the same number.
    auto last = connection_->query_text("SELECT coalesce(max(receipt_no), 0) FROM sales");
    if (!last) return last.error();
    sale.receipt_no = std::stoll(last->value_or("0")) + 1;
    if (auto rows = insert_sale_rows(*connection_, sale); !rows) return rows.error();
    if (auto queued = insert_outbox(*connection_, "sale", sale.id, payload(sale), sale.completed_at); !queued) {
        return queued.error();
    }
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return sale.receipt_no;
}

DbResult<std::optional<SaleRecord>> LaneDb::find_sale(const std::string& id) { return read_sale(*connection_, id); }

DbResult<std::vector<SaleLineWeight>> LaneDb::sale_line_weights(const std::string& sale_id) {
    auto statement = connection_->prepare(
        "SELECT line_no, grams, source, keyed_by FROM sale_line_weights WHERE sale_id = ? ORDER BY line_no");
    if (!statement) return statement.error();
    (*statement)->bind(1, sale_id);
    std::vector<SaleLineWeight> weights;
    for (;;) {
        auto row = (*statement)->step();
        if (!row) return row.error();
        if (!*row) break;
        weights.push_back(SaleLineWeight{(*statement)->column_int(0), (*statement)->column_int(1),
                                         (*statement)->column_text(2), (*statement)->column_text(3)});
    }
    return weights;
}

DbResult<std::vector<std::string>> LaneDb::sale_ids() {
    auto statement = connection_->prepare("SELECT id FROM sales ORDER BY receipt_no");
    if (!statement) return statement.error();
    std::vector<std::string> ids;
    for (;;) {
        auto row = (*statement)->step();
        if (!row) return row.error();
        if (!*row) break;
        ids.push_back((*statement)->column_text(0));
    }
    return ids;
}

DbResult<std::optional<int64_t>> LaneDb::last_receipt_no() {
    auto statement = connection_->prepare("SELECT MAX(receipt_no) FROM sales");
    if (!statement) return statement.error();
    auto row = (*statement)->step();
    if (!row) return row.error();
    std::optional<int64_t> number;
    if (*row && !(*statement)->column_is_null(0)) number = (*statement)->column_int(0);
    (*statement)->reset();  // ends the read so the connection does not hold an old snapshot
    return number;
}

DbResult<std::optional<std::string>> LaneDb::sale_id_of_receipt(int64_t receipt_no) {
    auto statement = connection_->prepare("SELECT id FROM sales WHERE receipt_no = ?");
    if (!statement) return statement.error();
    Statement& query = (*statement)->bind(1, receipt_no);
    auto row = query.step();
    if (!row) return row.error();
    std::optional<std::string> id;
    if (*row) id = query.column_text(0);
    query.reset();  // ends the read so the connection does not hold an old snapshot
    return id;
}

DbResult<int64_t> LaneDb::count_items_up_to(int64_t limit) {
    auto count = connection_->query_text(fmt::format("SELECT count(*) FROM (SELECT 1 FROM items LIMIT {})", limit + 1));
    if (!count) return count.error();
    return std::stoll(count->value_or("0"));
}

DbResult<Transaction> LaneDb::begin_transaction() { return Transaction::begin_composite(*connection_); }

DbStatus LaneDb::stop_automatic_checkpoints() { return connection_->exec("PRAGMA wal_autocheckpoint=0"); }

DbStatus LaneDb::checkpoint() { return connection_->exec("PRAGMA wal_checkpoint(PASSIVE)"); }

DbStatus LaneDb::check_whole_file(const std::string& consequence, const std::stop_token& stop) {
    return check_integrity(*connection_, IntegrityScope::whole_file(), consequence, stop);
}

DbStatus LaneDb::leave_wal() {
    auto mode = connection_->query_text("PRAGMA journal_mode=DELETE");
    if (!mode) return mode.error();
    if (mode->value_or("") != "delete") return DbError{DbErrorCode::other, "the journal could not be written"};
    return support::Done{};
}

DbResult<std::vector<OutboxRecord>> LaneDb::unsynced(int64_t limit) {
    auto statement = connection_->prepare(
        "SELECT seq, kind, ref, payload, created_at FROM outbox WHERE synced_at IS NULL ORDER BY seq LIMIT ?");
    if (!statement) return statement.error();
    Statement& query = (*statement)->bind(1, limit);
    std::vector<OutboxRecord> rows;
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        rows.push_back(OutboxRecord{query.column_int(0), query.column_text(1), query.column_text(2),
                                    query.column_text(3), query.column_text(4)});
    }
    return rows;
}

}  // namespace pos::db
