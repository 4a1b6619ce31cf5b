// A 'stock_scan' outbox record: one item scanned at a lane in count mode (盘点) or while checking a
// delivery (验收), journaled by the lane (db/lane/stock_scans.*) and filed by the store into the
// count or the receipt it names (db/store/stock_scans.*).
#pragma once

#include <cstdint>
#include <string>

#include "db/shared/db_error.hpp"

namespace pos::db {

struct StockScanRecord {
    std::string id;  // a UUID: the outbox ref, so the store files each scan once
    int64_t lane = 0;
    int64_t document_id = 0;  // the store's stock document (posctl stock list)
    std::string mode;         // "count" or "receive"
    std::string sku;
    int64_t quantity_milli = 0;  // counted or received good: grams for weighed goods, 1000 a piece
    int64_t damaged_milli = 0;   // receive: what arrived broken
    std::string reason;          // receive: why it is damaged
    std::string weighed_by;      // "scale", "keyed" or "" (counted goods, labels)
    std::string operator_id;
    std::string at;  // ISO 8601 with offset: when it was scanned
};

// The payload the lane journals: quantities as decimal strings with three decimals.
[[nodiscard]] std::string stock_scan_to_json(const StockScanRecord& scan);

// Back into the record; every field checked (DbErrorCode::other naming the field).
[[nodiscard]] DbResult<StockScanRecord> parse_stock_scan_payload(const std::string& json_text);

}  // namespace pos::db
