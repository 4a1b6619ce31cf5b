// Stock sheets: the CSV files a stock clerk brings (a delivery note, a check of what arrived, a
// count sheet, a transfer, a write-off), read against store.db's catalog. Every bad row is named by
// row and column, and a file with any bad row is refused whole, so nothing is changed by half a file.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/store/store_db.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

// Which columns a kind of sheet has, beyond sku.
struct SheetColumns {
    std::string quantity = "quantity";  // whole units, or kg for weighed goods
    bool unit_cost = false;             // required: cost per unit (per kg), like 1.20
    bool damaged = false;               // optional: damaged quantity
    bool reason = false;                // optional (required when `reason_required`)
    bool reason_required = false;
    bool counted_at = false;  // optional: when the shelf was counted, ISO 8601 with offset
};

struct SheetLine {
    int row = 0;  // file row (the header is row 1)
    std::string sku;
    bool weighed = false;
    int64_t quantity_milli = 0;
    int64_t unit_cost_fen = 0;
    int64_t damaged_milli = 0;
    std::string reason;
    std::string counted_at;
};

// Told as the rows are checked against the catalog (before each, and once after the last): rows
// done, rows in the sheet.
using SheetProgress = std::function<void(size_t done, size_t total)>;

// Reads the sheet; the error lists every problem ("row 4, column quantity: ...", at most 20) and
// says that nothing was changed. An item may appear once per sheet.
[[nodiscard]] core::Result<std::vector<SheetLine>> read_stock_sheet(std::string_view text, const SheetColumns& columns,
                                                                    db::StoreDb& store,
                                                                    const SheetProgress& progress = {});

// One CSV line of a stock file: plain numbers ("-0.550", "12") as numbers, so a spreadsheet sums
// them; every other cell through the formula guard of pos/core/csv.
[[nodiscard]] std::string stock_csv_row(const std::vector<std::string>& cells);

// `text` cut and padded to `columns` terminal columns (汉字 take two), for text tables.
[[nodiscard]] std::string fit_columns(const std::string& text, size_t columns);

}  // namespace pos::actions
