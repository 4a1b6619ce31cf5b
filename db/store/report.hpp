// store.db, the daily report's side: one business day's rows read through indexes on the
// instants of shifts and sales (migration 0008), stock on hand, and the days around a date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/store/store_db.hpp"
#include "db/store/store_records.hpp"

namespace pos::db {

// A business day as a window of instants [start, end): ISO 8601 times compared with julianday.
struct DayWindow {
    std::string start = "1970-01-01T00:00:00Z";
    std::string end = "9999-12-31T00:00:00Z";
};

struct ReportShiftRecord {
    std::string id;
    int64_t lane = 0;
    std::string operator_id;
    std::string opened_at;
};

struct ReportSaleRecord {
    std::string id;
    int64_t lane = 0;
    std::string shift_id;
    std::string operator_id;
    std::string completed_at;
    std::string kind;
    int64_t total_fen = 0;
    int64_t rounding_fen = 0;
    int64_t change_fen = 0;
    int64_t item_count_milli = 0;
    std::string original_sale_id;
    std::string approved_by;
};

struct ReportLineRecord {
    std::string sale_id;
    std::string kind;
    std::string sku;
    std::string name_zh;  // with its specification: "农夫山泉饮用天然水 550ml"
    std::string department;
    int64_t quantity_milli = 0;
    int64_t amount_fen = 0;
    int64_t discount_fen = 0;
    bool voided = false;
    std::string voided_by;
    bool overridden = false;
    std::string price_set_by;
};

struct ReportTenderRecord {
    std::string sale_id;
    std::string method;
    int64_t amount_fen = 0;
};

struct ReportDayRecords {
    std::vector<ReportShiftRecord> shifts;
    std::vector<ReportSaleRecord> sales;
    std::vector<ReportLineRecord> lines;
    std::vector<ReportTenderRecord> tenders;
    std::vector<StoreCashMovement> movements;
    std::vector<StoreShiftClose> closes;
};

// The shifts opened in the window, their sales (and sales in the window whose shift never reached
// the store), lines, tenders, drawer movements and closes. Every query walks an index.
[[nodiscard]] DbResult<ReportDayRecords> read_report_day(StoreDb& store, const DayWindow& window);

// The latest end of day that closed before `instant` (any ISO 8601 time), or the latest of all
// when `instant` is empty.
[[nodiscard]] DbResult<std::optional<BusinessDayRecord>> close_before(StoreDb& store, const std::string& instant);

// When the first shift opened at or after `instant`, or nullopt.
[[nodiscard]] DbResult<std::optional<std::string>> first_shift_since(StoreDb& store, const std::string& instant);

struct LowStockRecord {
    std::string sku;
    std::string name_zh;
    std::string department;
    int64_t on_hand_milli = 0;
    int64_t low_stock = 0;  // units
};

// Items the store keeps stock of (any movement in the ledger besides sales and returns) whose stock
// on hand, the sum of their movements, is at or below their low-stock threshold, by department and sku.
[[nodiscard]] DbResult<std::vector<LowStockRecord>> low_stock_items(StoreDb& store);

// A count outside the count workflow (the demo generator, tests): posts the difference between
// `on_hand_milli` and the ledger as a count movement dated `counted_at` (db/store/stock.hpp).
[[nodiscard]] DbStatus set_stock_count(StoreDb& store, const std::string& sku, int64_t on_hand_milli,
                                       const std::string& counted_at);

}  // namespace pos::db
