// The stock ledger and stock documents in store.db: append-only movements, documents booked in one transaction.
#include "db/store/stock.hpp"

namespace pos::db {
namespace {

StockMovementRecord read_movement(const Statement& row) {
    StockMovementRecord movement{row.column_int(0),  row.column_text(1), row.column_text(2),
                                 row.column_text(3), row.column_int(4),  row.column_int(5),
                                 std::nullopt,       row.column_text(7), row.column_text(8)};
    if (!row.column_is_null(6)) movement.unit_cost_fen = row.column_int(6);
    return movement;
}

constexpr const char* document_columns =
    "SELECT id, kind, number, party, department, note, status, created_by, created_at, approved_by, approved_at "
    "FROM stock_documents ";

StockDocumentRecord read_document(const Statement& row) {
    return StockDocumentRecord{row.column_int(0),  row.column_text(1), row.column_text(2),  row.column_text(3),
                               row.column_text(4), row.column_text(5), row.column_text(6),  row.column_text(7),
                               row.column_text(8), row.column_text(9), row.column_text(10), {}};
}

DbStatus read_lines(Connection& connection, StockDocumentRecord& document) {
    auto statement = connection.prepare(
        "SELECT line_no, sku, expected_milli, unit_cost_fen, received_milli, damaged_milli, reason "
        "FROM stock_document_lines WHERE document_id = ? ORDER BY line_no");
    if (!statement) return statement.error();
    return each_row((**statement).reset().bind(1, document.id), [&](const Statement& row) {
        StockDocumentLine line{row.column_int(0), row.column_text(1), row.column_int(2), row.column_int(3),
                               std::nullopt,      row.column_int(5),  row.column_text(6)};
        if (!row.column_is_null(4)) line.received_milli = row.column_int(4);
        document.lines.push_back(std::move(line));
    });
}

}  // namespace

DbResult<std::vector<StockMovementRecord>> stock_movements(StoreDb& store, const std::string& sku) {
    auto statement = store.connection().prepare(
        "SELECT id, sku, kind, document, line_no, quantity_milli, unit_cost_fen, at, reason FROM stock_movements "
        "WHERE ?1 = '' OR sku = ?1 ORDER BY sku, id");
    if (!statement) return statement.error();
    std::vector<StockMovementRecord> movements;
    auto read = each_row((**statement).reset().bind(1, sku),
                         [&](const Statement& row) { movements.push_back(read_movement(row)); });
    if (!read) return read.error();
    return movements;
}

DbResult<std::map<std::string, int64_t>> stock_on_hand(StoreDb& store, const std::string& instant) {
    // Today's on-hand less what moved after `instant`: the cost follows the movements since then,
    // not the ledger. INDEXED BY: with one bound the planner would rather walk the sku index (the
    // whole ledger) to group without sorting. julianday('') is NULL: nothing is after "now". A sku
    // is listed while it has a movement at or before `instant` (more than those after it).
    auto statement = store.connection().prepare(
        "SELECT h.sku, h.on_hand_milli - coalesce(a.moved, 0) FROM stock_on_hand h LEFT JOIN "
        "(SELECT sku, sum(quantity_milli) AS moved, count(*) AS movements FROM stock_movements "
        " INDEXED BY stock_movements_at WHERE julianday(at) > julianday(?1) GROUP BY sku) a ON a.sku = h.sku "
        "WHERE h.movements > coalesce(a.movements, 0)");
    if (!statement) return statement.error();
    std::map<std::string, int64_t> on_hand;
    auto read = each_row((**statement).reset().bind(1, instant),
                         [&](const Statement& row) { on_hand[row.column_text(0)] = row.column_int(1); });
    if (!read) return read.error();
    return on_hand;
}

DbResult<int64_t> stock_moved_between(StoreDb& store, const std::string& sku, const std::string& after,
                                      const std::string& until) {
    auto statement = store.connection().prepare(
        "SELECT coalesce(sum(quantity_milli), 0) FROM stock_movements WHERE sku = ?1 "
        "AND julianday(at) > julianday(?2) AND julianday(at) <= julianday(?3)");
    if (!statement) return statement.error();
    int64_t moved = 0;
    auto read = each_row((**statement).reset().bind(1, sku).bind(2, after).bind(3, until),
                         [&](const Statement& row) { moved = row.column_int(0); });
    if (!read) return read.error();
    return moved;
}

DbResult<std::vector<StockMovementTotal>> stock_movement_totals(StoreDb& store, const std::string& after,
                                                                const std::string& until) {
    auto statement = store.connection().prepare(
        "SELECT sku, kind, sum(quantity_milli) FROM stock_movements "
        "WHERE julianday(at) > julianday(?1) AND julianday(at) <= julianday(?2) GROUP BY sku, kind ORDER BY sku, kind");
    if (!statement) return statement.error();
    std::vector<StockMovementTotal> totals;
    auto read = each_row((**statement).reset().bind(1, after).bind(2, until), [&](const Statement& row) {
        totals.push_back({row.column_text(0), row.column_text(1), row.column_int(2)});
    });
    if (!read) return read.error();
    return totals;
}

DbResult<std::map<std::string, int64_t>> stock_sold_in_days(StoreDb& store, const std::string& until, int days) {
    auto statement = store.connection().prepare(
        "SELECT sku, -sum(quantity_milli) FROM stock_movements WHERE kind IN ('sale', 'return') "
        "AND julianday(at) > julianday(?1) - ?2 AND julianday(at) <= julianday(?1) GROUP BY sku");
    if (!statement) return statement.error();
    std::map<std::string, int64_t> sold;
    auto read = each_row((**statement).reset().bind(1, until).bind(2, int64_t{days}),
                         [&](const Statement& row) { sold[row.column_text(0)] = row.column_int(1); });
    if (!read) return read.error();
    return sold;
}

DbResult<int64_t> create_stock_document(StoreDb& store, const StockDocumentRecord& document) {
    Connection& connection = store.connection();
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    auto header = connection.prepare(
        "INSERT INTO stock_documents (kind, number, party, department, note, status, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, 'open', ?, ?)");
    if (!header) return header.error();
    Statement& row = (**header).reset().bind(1, document.kind).bind(2, document.number).bind(3, document.party);
    row.bind(4, document.department).bind(5, document.note).bind(6, document.created_by).bind(7, document.created_at);
    if (auto ran = row.run(); !ran) return ran.error();
    int64_t id = connection.last_insert_rowid();
    if (document.number.empty()) {
        // Documents the store numbers itself (counts, transfers out) take their id.
        auto numbered = connection.prepare("UPDATE stock_documents SET number = ?2 || id WHERE id = ?1");
        if (!numbered) return numbered.error();
        std::string prefix = document.kind == "count" ? "C" : document.kind == "transfer_out" ? "T" : "W";
        if (auto ran = (**numbered).reset().bind(1, id).bind(2, prefix).run(); !ran) return ran.error();
    }
    auto line = connection.prepare(
        "INSERT INTO stock_document_lines (document_id, line_no, sku, expected_milli, unit_cost_fen, received_milli, "
        "damaged_milli, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!line) return line.error();
    for (const StockDocumentLine& item : document.lines) {
        Statement& l = (**line).reset().bind(1, id).bind(2, item.line_no).bind(3, item.sku);
        l.bind(4, item.expected_milli).bind(5, item.unit_cost_fen).bind(7, item.damaged_milli).bind(8, item.reason);
        if (item.received_milli)
            l.bind(6, *item.received_milli);
        else
            l.bind_null(6);
        if (auto ran = l.run(); !ran) return ran.error();
    }
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return id;
}

DbResult<std::optional<StockDocumentRecord>> find_stock_document(StoreDb& store, int64_t id) {
    auto statement = store.connection().prepare(std::string(document_columns) + "WHERE id = ?");
    if (!statement) return statement.error();
    std::optional<StockDocumentRecord> found;
    auto read = each_row((**statement).reset().bind(1, id), [&](const Statement& row) { found = read_document(row); });
    if (!read) return read.error();
    if (found) {
        if (auto lines = read_lines(store.connection(), *found); !lines) return lines.error();
    }
    return found;
}

DbResult<std::vector<StockDocumentRecord>> list_stock_documents(StoreDb& store, const std::string& kind) {
    auto statement =
        store.connection().prepare(std::string(document_columns) + "WHERE ?1 = '' OR kind = ?1 ORDER BY id DESC");
    if (!statement) return statement.error();
    std::vector<StockDocumentRecord> documents;
    auto read = each_row((**statement).reset().bind(1, kind),
                         [&](const Statement& row) { documents.push_back(read_document(row)); });
    if (!read) return read.error();
    for (StockDocumentRecord& document : documents) {
        if (auto lines = read_lines(store.connection(), document); !lines) return lines.error();
    }
    return documents;
}

DbStatus check_stock_lines(StoreDb& store, int64_t id, const std::vector<StockDocumentLine>& lines) {
    Connection& connection = store.connection();
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    auto statement = connection.prepare(
        "UPDATE stock_document_lines SET received_milli = ?3, damaged_milli = ?4, reason = ?5 "
        "WHERE document_id = ?1 AND line_no = ?2 AND (SELECT status FROM stock_documents WHERE id = ?1) = 'open'");
    if (!statement) return statement.error();
    for (const StockDocumentLine& line : lines) {
        Statement& row = (**statement).reset().bind(1, id).bind(2, line.line_no).bind(4, line.damaged_milli);
        row.bind(5, line.reason);
        if (line.received_milli)
            row.bind(3, *line.received_milli);
        else
            row.bind_null(3);
        if (auto ran = row.run(); !ran) return ran;
        if (connection.changes() != 1)
            return DbError{DbErrorCode::other, "the document is no longer open or has no line " +
                                                   std::to_string(line.line_no) + "; nothing was changed"};
    }
    return transaction->commit();
}

DbStatus replace_count_sheet(StoreDb& store, int64_t id, const std::string& counter, const std::string& sheet,
                             const std::vector<StockCountEntry>& entries) {
    Connection& connection = store.connection();
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    auto cleared =
        connection.prepare("DELETE FROM stock_count_entries WHERE document_id = ? AND counter = ? AND sheet = ?");
    if (!cleared) return cleared.error();
    if (auto ran = (**cleared).reset().bind(1, id).bind(2, counter).bind(3, sheet).run(); !ran) return ran;
    auto insert = connection.prepare(
        "INSERT INTO stock_count_entries (document_id, counter, sheet, sku, quantity_milli, counted_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    for (const StockCountEntry& entry : entries) {
        Statement& row = (**insert).reset().bind(1, id).bind(2, counter).bind(3, sheet).bind(4, entry.sku);
        if (auto ran = row.bind(5, entry.quantity_milli).bind(6, entry.counted_at).run(); !ran) return ran;
    }
    return transaction->commit();
}

DbResult<std::vector<StockCountEntry>> count_entries(StoreDb& store, int64_t id) {
    auto statement = store.connection().prepare(
        "SELECT counter, sheet, sku, quantity_milli, counted_at FROM stock_count_entries WHERE document_id = ? "
        "ORDER BY sku, counter, sheet");
    if (!statement) return statement.error();
    std::vector<StockCountEntry> entries;
    auto read = each_row((**statement).reset().bind(1, id), [&](const Statement& row) {
        entries.push_back(
            {row.column_text(0), row.column_text(1), row.column_text(2), row.column_int(3), row.column_text(4)});
    });
    if (!read) return read.error();
    return entries;
}

DbResult<bool> book_stock_document(StoreDb& store, int64_t id, const std::string& approved_by,
                                   const std::string& approved_at, const std::vector<StockMovementRecord>& movements) {
    Connection& connection = store.connection();
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    auto status = connection.prepare(
        "UPDATE stock_documents SET status = 'booked', approved_by = ?, approved_at = ? WHERE id = ? AND status = "
        "'open'");
    if (!status) return status.error();
    if (auto ran = (**status).reset().bind(1, approved_by).bind(2, approved_at).bind(3, id).run(); !ran)
        return ran.error();
    if (connection.changes() != 1) return false;
    auto insert = connection.prepare(
        "INSERT INTO stock_movements (sku, kind, document, line_no, quantity_milli, unit_cost_fen, at, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    for (const StockMovementRecord& movement : movements) {
        Statement& row = (**insert).reset().bind(1, movement.sku).bind(2, movement.kind).bind(3, movement.document);
        row.bind(4, movement.line_no).bind(5, movement.quantity_milli).bind(7, movement.at).bind(8, movement.reason);
        if (movement.unit_cost_fen)
            row.bind(6, *movement.unit_cost_fen);
        else
            row.bind_null(6);
        if (auto ran = row.run(); !ran) return ran.error();
    }
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return true;
}

DbResult<bool> cancel_stock_document(StoreDb& store, int64_t id) {
    auto statement =
        store.connection().prepare("UPDATE stock_documents SET status = 'cancelled' WHERE id = ? AND status = 'open'");
    if (!statement) return statement.error();
    if (auto ran = (**statement).reset().bind(1, id).run(); !ran) return ran.error();
    return store.connection().changes() == 1;
}

}  // namespace pos::db
