// The lane's side of counting (盘点) and checking deliveries (验收) by scanning: each scan is an
// outbox row of kind 'stock_scan' (db/shared/stock_scan_payload.hpp) that sync takes to the store,
// so several lanes count into one count, in direct and in service mode alike.
#pragma once

#include <cstdint>
#include <vector>

#include "db/lane/lane_db.hpp"
#include "db/shared/stock_scan_payload.hpp"

namespace pos::db {

// Queues the scan for the store (inside the caller's transaction when there is one).
[[nodiscard]] DbStatus record_stock_scan(LaneDb& lane, const StockScanRecord& scan);

// This lane's scans into `document_id` in `mode`, oldest first (read back from the outbox, which
// keeps them after they are sent): the counter's running list on the screen.
[[nodiscard]] DbResult<std::vector<StockScanRecord>> lane_stock_scans(LaneDb& lane, int64_t document_id,
                                                                      const std::string& mode);

}  // namespace pos::db
