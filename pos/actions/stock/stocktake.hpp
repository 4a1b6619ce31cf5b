// Stocktake (盘点): a count opened for the store or one department takes its snapshot at the start;
// counters load their count sheets (several counters, several sheets, quantities of one item add
// up); the variance report sets each counted item against what the ledger expected when it was
// counted (the snapshot moved by sales and deliveries since), valued at moving average cost; the
// manager's approval (stock_documents.hpp) posts the differences.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/store/stock.hpp"
#include "pos/actions/lane.hpp"
#include "pos/actions/stock/stock_sheet.hpp"
#include "pos/core/stock.hpp"

namespace pos::actions {

// Opens a count of `department` (every item when empty). Its lines are the items in scope with
// what the ledger held at `now`.
[[nodiscard]] core::Result<db::StockDocumentRecord> open_count(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store,
                                                               const std::string& department, const Approval& by,
                                                               const std::string& now);

// Loads a counter's sheet (sku,quantity[,counted_at]; rows without counted_at were counted at
// `now`) into open count `id`; loading the same sheet name again replaces it. Returns its lines.
// `progress` is told as the sheet's rows are checked against the catalog (the long part).
[[nodiscard]] core::Result<size_t> load_count_sheet(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store, int64_t id,
                                                    const std::string& csv, const std::string& sheet,
                                                    const Approval& by, const std::string& now,
                                                    const SheetProgress& progress = {});

struct CountVarianceLine {
    std::string sku;
    std::string name;
    std::string department;
    bool weighed = false;
    bool counted = false;        // false: nobody counted it; no adjustment is posted
    int64_t snapshot_milli = 0;  // the ledger at the count's start
    int64_t moved_milli = 0;     // sales, returns, deliveries between the start and its count
    std::string counted_at;
    int64_t unit_cost_fen = 0;
    core::CountVariance variance;
};

// Every item of the count, in sku order.
[[nodiscard]] core::Result<std::vector<CountVarianceLine>> count_variances(db::StoreDb& store,
                                                                           const db::StockDocumentRecord& count);

// The report as text (one line per item, totals) or CSV.
[[nodiscard]] std::string variance_text(const db::StockDocumentRecord& count,
                                        const std::vector<CountVarianceLine>& lines);
[[nodiscard]] std::string variance_csv(const std::vector<CountVarianceLine>& lines);

}  // namespace pos::actions
