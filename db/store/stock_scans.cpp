// Filing the lanes' stock scans into counts and receipts, and reading them back.
#include "db/store/stock_scans.hpp"

#include <optional>

#include <fmt/format.h>

namespace pos::db {
namespace {

struct DocumentState {
    std::string kind;
    std::string number;
    std::string status;
};

DbResult<std::optional<DocumentState>> document_state(Connection& connection, int64_t id) {
    auto statement = connection.prepare("SELECT kind, number, status FROM stock_documents WHERE id = ?");
    if (!statement) return statement.error();
    Statement& query = **statement;
    query.bind(1, id);
    auto row = query.step();
    if (!row) return row.error();
    std::optional<DocumentState> state;
    if (*row) state = DocumentState{query.column_text(0), query.column_text(1), query.column_text(2)};
    query.reset();
    return state;
}

DbResult<bool> document_has_item(Connection& connection, int64_t id, const std::string& sku) {
    auto statement = connection.prepare("SELECT 1 FROM stock_document_lines WHERE document_id = ? AND sku = ?");
    if (!statement) return statement.error();
    Statement& query = **statement;
    query.bind(1, id).bind(2, sku);
    auto row = query.step();
    if (!row) return row.error();
    bool found = *row;
    query.reset();
    return found;
}

// Why the scan cannot go into its document, or "" when it can.
DbResult<std::string> refusal(Connection& connection, const StockScanRecord& scan) {
    auto state = document_state(connection, scan.document_id);
    if (!state) return state.error();
    if (!*state) return fmt::format("there is no stock document {}", scan.document_id);
    const DocumentState& document = **state;
    bool count = scan.mode == "count";
    if (count && document.kind != "count")
        return fmt::format("stock document {} ({}) is not a count", scan.document_id, document.number);
    if (!count && document.kind != "receipt" && document.kind != "transfer_in")
        return fmt::format("stock document {} ({}) is not a delivery", scan.document_id, document.number);
    if (document.status != "open")
        return fmt::format("stock document {} ({}) was {} before the scan arrived", scan.document_id, document.number,
                           document.status);
    auto listed = document_has_item(connection, scan.document_id, scan.sku);
    if (!listed) return listed.error();
    if (!*listed)
        return fmt::format("item {} is not in stock document {} ({})", scan.sku, scan.document_id, document.number);
    return std::string{};
}

DbStatus add_to_count(Connection& connection, const StockScanRecord& scan) {
    // Scanned twice adds: the counter counted the item in two places.
    auto statement = connection.prepare(
        "INSERT INTO stock_count_entries (document_id, counter, sheet, sku, quantity_milli, counted_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, counter, sheet, sku) DO UPDATE SET "
        "quantity_milli = quantity_milli + excluded.quantity_milli, "
        "counted_at = max(counted_at, excluded.counted_at)");
    if (!statement) return statement.error();
    return (*statement)
        ->bind(1, scan.document_id)
        .bind(2, scan.operator_id)
        .bind(3, lane_sheet_name(scan.lane))
        .bind(4, scan.sku)
        .bind(5, scan.quantity_milli)
        .bind(6, scan.at)
        .run();
}

DbStatus add_to_receipt(Connection& connection, const StockScanRecord& scan) {
    auto statement = connection.prepare(
        "UPDATE stock_document_lines SET received_milli = coalesce(received_milli, 0) + ?, "
        "damaged_milli = damaged_milli + ?, reason = CASE WHEN ? <> '' THEN ? ELSE reason END "
        "WHERE document_id = ? AND sku = ?");
    if (!statement) return statement.error();
    return (*statement)
        ->bind(1, scan.quantity_milli)
        .bind(2, scan.damaged_milli)
        .bind(3, scan.reason)
        .bind(4, scan.reason)
        .bind(5, scan.document_id)
        .bind(6, scan.sku)
        .run();
}

}  // namespace

std::string lane_sheet_name(int64_t lane) { return fmt::format("lane {}", lane); }

DbResult<bool> file_stock_scan(Connection& connection, const StockScanRecord& scan, const std::string& received_at) {
    auto insert = connection.prepare(
        "INSERT INTO stock_scans (id, lane, document_id, mode, sku, quantity_milli, damaged_milli, reason, "
        "weighed_by, operator, at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO NOTHING");
    if (!insert) return insert.error();
    Statement& row = **insert;
    row.bind(1, scan.id).bind(2, scan.lane).bind(3, scan.document_id).bind(4, scan.mode).bind(5, scan.sku);
    row.bind(6, scan.quantity_milli).bind(7, scan.damaged_milli).bind(8, scan.reason).bind(9, scan.weighed_by);
    row.bind(10, scan.operator_id).bind(11, scan.at).bind(12, received_at);
    if (auto inserted = row.run(); !inserted) return inserted.error();
    if (connection.changes() == 0) return false;
    auto refused = refusal(connection, scan);
    if (!refused) return refused.error();
    if (!refused->empty()) {
        auto mark = connection.prepare("UPDATE stock_scans SET refused = ? WHERE id = ?");
        if (!mark) return mark.error();
        if (auto marked = (*mark)->bind(1, *refused).bind(2, scan.id).run(); !marked) return marked.error();
        return true;
    }
    auto filed = scan.mode == "count" ? add_to_count(connection, scan) : add_to_receipt(connection, scan);
    if (!filed) return filed.error();
    return true;
}

DbResult<std::vector<FiledStockScan>> stock_scans_of(StoreDb& store, int64_t document_id) {
    auto statement = store.connection().prepare(
        "SELECT id, lane, document_id, mode, sku, quantity_milli, damaged_milli, reason, weighed_by, operator, at, "
        "refused FROM stock_scans WHERE document_id = ? ORDER BY at, rowid");
    if (!statement) return statement.error();
    Statement& query = **statement;
    query.bind(1, document_id);
    std::vector<FiledStockScan> scans;
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        FiledStockScan filed;
        StockScanRecord& scan = filed.scan;
        scan.id = query.column_text(0);
        scan.lane = query.column_int(1);
        scan.document_id = query.column_int(2);
        scan.mode = query.column_text(3);
        scan.sku = query.column_text(4);
        scan.quantity_milli = query.column_int(5);
        scan.damaged_milli = query.column_int(6);
        scan.reason = query.column_text(7);
        scan.weighed_by = query.column_text(8);
        scan.operator_id = query.column_text(9);
        scan.at = query.column_text(10);
        filed.refused = query.column_text(11);
        scans.push_back(filed);
    }
    query.reset();
    return scans;
}

}  // namespace pos::db
