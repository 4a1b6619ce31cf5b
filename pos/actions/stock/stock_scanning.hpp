// Counting (盘点) and checking a delivery (验收) by scanning at a lane: each scan is journaled in
// lane.db's outbox and sync takes it to the store, which adds it to the open count (the lane is the
// counter's sheet, so several lanes count at once and add up) or to the receipt line's received or
// damaged quantity (db/store/stock_scans.*). Weighed goods carry their weight: from the lane's
// scale (the checkout reads it as the weighing panel does) or typed in kg.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/shared/stock_scan_payload.hpp"
#include "pos/actions/lane.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

enum class StockScanMode { count, receive };

[[nodiscard]] const char* stock_scan_mode_name(StockScanMode mode);

struct StockScanRequest {
    int64_t document_id = 0;  // the store's count or receipt (posctl stock list)
    StockScanMode mode = StockScanMode::count;
    std::string code;  // barcode, scale label, PLU or SKU
    // Pieces of a counted item; the weight in kg of a weighed item typed by hand.
    std::optional<core::Quantity> quantity;
    std::optional<core::Quantity> scale_grams;  // a weighed item's stable weight from the lane's scale
    bool damaged = false;                       // receive: these arrived broken (recorded, not booked)
    std::string reason;                         // receive: why damaged
};

struct StockScanned {
    db::StockScanRecord scan;
    core::CatalogItem item;
    int64_t lane_total_milli = 0;  // what this lane has now scanned of the item into the document
};

// The operator logged in (who may enter stock documents) records one scan; the ticket must be
// empty. Nothing is changed when it is refused.
[[nodiscard]] core::Result<StockScanned> scan_stock(Lane& lane, const StockScanRequest& request,
                                                    const std::string& now);

struct StockScanTotal {
    std::string sku;
    std::string name;
    bool weighed = false;
    int64_t quantity_milli = 0;
    int64_t damaged_milli = 0;
    int64_t scans = 0;
};

// What this lane has scanned into the document, per item in the order first scanned.
[[nodiscard]] core::Result<std::vector<StockScanTotal>> lane_scan_totals(Lane& lane, int64_t document_id,
                                                                         StockScanMode mode);

}  // namespace pos::actions
