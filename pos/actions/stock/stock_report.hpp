// The stock report (库存报表): per item, stock at the start of a period, what came in, sold, went
// out and was adjusted during it, stock at its end and that stock's value at moving average cost;
// as text, CSV or one HTML file.
#pragma once

#include <string>
#include <vector>

#include "db/store/store_db.hpp"
#include "pos/core/money.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

struct StockReportLine {
    std::string sku;
    std::string name;
    std::string department;
    bool weighed = false;
    int64_t opening_milli = 0;
    int64_t received_milli = 0;  // receipts and transfers in
    int64_t sold_milli = 0;      // sales net of returns, as a positive quantity
    int64_t sent_milli = 0;      // transfers out and write-offs, as a positive quantity
    int64_t adjusted_milli = 0;  // counts and opening balances
    int64_t closing_milli = 0;
    int64_t unit_cost_fen = 0;  // the moving average now
    core::Money value;          // closing at that cost
};

struct StockReport {
    std::string from;  // the period: after `from`, up to and including `until` (ISO 8601 instants)
    std::string until;
    std::vector<StockReportLine> lines;
    core::Money total_value;
};

[[nodiscard]] core::Result<StockReport> load_stock_report(db::StoreDb& store, const std::string& from,
                                                          const std::string& until);

[[nodiscard]] std::string stock_report_text(const StockReport& report);
[[nodiscard]] std::string stock_report_csv(const StockReport& report);
[[nodiscard]] std::string stock_report_html(const StockReport& report, const std::string& store_name);

}  // namespace pos::actions
