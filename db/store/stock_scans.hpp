// Stock scans from the lanes filed in store.db (migration 0039): a count scan adds to the
// counter's entry of the count ("lane N" is its sheet), a receiving scan adds to the receipt
// line's received and damaged quantities. A scan that cannot be filed is kept with the reason.
#pragma once

#include <string>
#include <vector>

#include "db/shared/sqlite.hpp"
#include "db/shared/stock_scan_payload.hpp"
#include "db/store/store_db.hpp"

namespace pos::db {

struct FiledStockScan {
    StockScanRecord scan;
    std::string refused;  // empty: filed into its document
};

// Inside StoreDb::apply_batch's transaction. False when this scan was filed before (sent again).
[[nodiscard]] DbResult<bool> file_stock_scan(Connection& connection, const StockScanRecord& scan,
                                             const std::string& received_at);

// The scans the lanes sent for `document_id`, in the order they were scanned.
[[nodiscard]] DbResult<std::vector<FiledStockScan>> stock_scans_of(StoreDb& store, int64_t document_id);

// The sheet name a lane's count scans are filed under.
[[nodiscard]] std::string lane_sheet_name(int64_t lane);

}  // namespace pos::db
