// The stock ledger and stock documents in store.db (migration 0016, docs/stock.md): movements are
// appended, never edited; documents (receipts, counts, transfers, write-offs) are created open,
// checked, and booked into the ledger in one transaction when a manager approves them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/store/store_db.hpp"

namespace pos::db {

struct StockMovementRecord {
    int64_t id = 0;
    std::string sku;
    std::string kind;  // opening, sale, return, receipt, transfer_out, transfer_in, count, write_off
    std::string document;
    int64_t line_no = 0;
    int64_t quantity_milli = 0;
    std::optional<int64_t> unit_cost_fen;  // goods in at a cost; otherwise at the moving average
    std::string at;
    std::string reason;
};

struct StockDocumentLine {
    int64_t line_no = 0;
    std::string sku;
    int64_t expected_milli = 0;  // on the delivery note / transfer; a count's snapshot
    int64_t unit_cost_fen = 0;
    std::optional<int64_t> received_milli;  // checked good quantity; unset until checked
    int64_t damaged_milli = 0;
    std::string reason;
};

struct StockDocumentRecord {
    int64_t id = 0;
    std::string kind;  // receipt, count, transfer_out, transfer_in, write_off
    std::string number;
    std::string party;
    std::string department;
    std::string note;
    std::string status = "open";  // open, booked, cancelled
    std::string created_by;
    std::string created_at;
    std::string approved_by;
    std::string approved_at;
    std::vector<StockDocumentLine> lines;
};

struct StockCountEntry {
    std::string counter;
    std::string sheet;
    std::string sku;
    int64_t quantity_milli = 0;
    std::string counted_at;
};

// Every movement of `sku` (every item when empty) in the order they were posted.
[[nodiscard]] DbResult<std::vector<StockMovementRecord>> stock_movements(StoreDb& store, const std::string& sku = {});
// Stock on hand per item: the sum of each item's movements dated at or before `instant` (all of
// them when empty), read from the on-hand table (migration 0049) less the movements after
// `instant`. Items with no movement by then are absent.
[[nodiscard]] DbResult<std::map<std::string, int64_t>> stock_on_hand(StoreDb& store, const std::string& instant = {});
// The sum of `sku`'s movements dated after `after` and at or before `until`.
[[nodiscard]] DbResult<int64_t> stock_moved_between(StoreDb& store, const std::string& sku, const std::string& after,
                                                    const std::string& until);

struct StockMovementTotal {
    std::string sku;
    std::string kind;
    int64_t quantity_milli = 0;
};
// Per item and kind, the movements dated after `after` and at or before `until`.
[[nodiscard]] DbResult<std::vector<StockMovementTotal>> stock_movement_totals(StoreDb& store, const std::string& after,
                                                                              const std::string& until);

// Per item, what sold (net of returns, as a positive quantity) in the `days` days up to `until`.
[[nodiscard]] DbResult<std::map<std::string, int64_t>> stock_sold_in_days(StoreDb& store, const std::string& until,
                                                                          int days);

// Records a new open document with its lines; returns its id. A second document of the same kind
// and number is refused (DbErrorCode::constraint).
[[nodiscard]] DbResult<int64_t> create_stock_document(StoreDb& store, const StockDocumentRecord& document);
[[nodiscard]] DbResult<std::optional<StockDocumentRecord>> find_stock_document(StoreDb& store, int64_t id);
// Every document of `kind` (every kind when empty), lines included, newest first.
[[nodiscard]] DbResult<std::vector<StockDocumentRecord>> list_stock_documents(StoreDb& store,
                                                                              const std::string& kind = {});
// Sets what the check found on each given line (by line number) of an open document, in one transaction.
[[nodiscard]] DbStatus check_stock_lines(StoreDb& store, int64_t id, const std::vector<StockDocumentLine>& lines);

// A counter's sheet for count `id`: replaces what the same counter loaded from the same sheet before.
[[nodiscard]] DbStatus replace_count_sheet(StoreDb& store, int64_t id, const std::string& counter,
                                           const std::string& sheet, const std::vector<StockCountEntry>& entries);
[[nodiscard]] DbResult<std::vector<StockCountEntry>> count_entries(StoreDb& store, int64_t id);

// Books an open document: its movements into the ledger, the document approved and booked, in one
// transaction. False when the document was not open any more (booked or cancelled meanwhile).
[[nodiscard]] DbResult<bool> book_stock_document(StoreDb& store, int64_t id, const std::string& approved_by,
                                                 const std::string& approved_at,
                                                 const std::vector<StockMovementRecord>& movements);
// Cancels an open document; false when it was not open.
[[nodiscard]] DbResult<bool> cancel_stock_document(StoreDb& store, int64_t id);

}  // namespace pos::db
