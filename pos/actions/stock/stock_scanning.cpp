// One stock scan at a lane: the code resolved against the lane's catalog, the quantity (pieces,
// the scale's grams or a typed weight) checked, then journaled for the store with the counter.
#include "pos/actions/stock/stock_scanning.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "db/lane/stock_scans.hpp"
#include "pos/actions/access/secrets.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/sale/code_lookup.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/core/safe_text.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;

namespace {

constexpr size_t max_reason_length = 80;

core::Status check_counter(Lane& lane) {
    auto user = lane.operator_user();
    if (!user) return make_error(ErrorCode::not_permitted, "log in first: each scan is recorded with its counter");
    if (auto allowed = core::check_permitted(user->operator_id, user->role, core::Action::stock_document); !allowed)
        return allowed.error();
    if (lane.ticket().has_live_lines()) {
        return make_error(ErrorCode::bad_input,
                          "a sale is open on this lane: finish or hold it (挂单) before counting or receiving");
    }
    return core::Done{};
}

// The item and the quantity the scan stands for, in thousandths (grams for weighed goods).
core::Result<ResolvedCode> resolve_scan(Lane& lane, const StockScanRequest& request) {
    bool typed_weight = request.quantity.has_value();
    std::optional<core::Quantity> quantity = request.scale_grams ? request.scale_grams : request.quantity;
    auto resolved = resolve_code(lane.database(), lane.config().nomenclature, request.code, quantity);
    if (!resolved && !quantity) {
        // A weighed item by PLU or plain barcode has no weight yet: say how to give one.
        auto probe = resolve_code(lane.database(), lane.config().nomenclature, request.code, core::Quantity::grams(1));
        if (probe && probe->item.sale_unit == core::SaleUnit::weight && !probe->from_label) {
            return make_error(ErrorCode::bad_input,
                              fmt::format("{} is weighed: put it on the scale, or type its weight in kg before the "
                                          "code (like 1.250*{})",
                                          probe->item.name_zh, request.code));
        }
    }
    if (!resolved) return resolved;
    if (resolved->item.sale_unit == core::SaleUnit::weight && !resolved->from_label && !quantity) {
        return make_error(ErrorCode::bad_input,
                          fmt::format("{} is weighed: put it on the scale, or type its weight in kg before the code "
                                      "(like 1.250*{})",
                                      resolved->item.name_zh, request.code));
    }
    if (typed_weight && request.scale_grams) {
        return make_error(ErrorCode::bad_input, "give either the scale's weight or a typed quantity, not both");
    }
    if (resolved->quantity.in_milli() <= 0) {
        return make_error(ErrorCode::bad_amount, "a scan counts something: the quantity must be above zero");
    }
    return resolved;
}

}  // namespace

const char* stock_scan_mode_name(StockScanMode mode) { return mode == StockScanMode::count ? "count" : "receive"; }

core::Result<StockScanned> scan_stock(Lane& lane, const StockScanRequest& request, const std::string& now) {
    if (auto ready = check_counter(lane); !ready) return ready.error();
    if (request.document_id <= 0) {
        return make_error(ErrorCode::bad_input,
                          "which document? give the number of the open count or delivery (posctl stock list)");
    }
    if (request.mode == StockScanMode::count && (request.damaged || !request.reason.empty())) {
        return make_error(ErrorCode::bad_input,
                          "a count has no damaged goods: write those off (posctl stock write-off)");
    }
    if (auto plain = core::check_text("reason", request.reason, max_reason_length); !plain) return plain.error();
    auto resolved = resolve_scan(lane, request);
    if (!resolved) return resolved.error();
    bool weighed = resolved->item.sale_unit == core::SaleUnit::weight;

    db::StockScanRecord scan;
    scan.id = new_uuid();
    scan.lane = lane.config().lane;
    scan.document_id = request.document_id;
    scan.mode = stock_scan_mode_name(request.mode);
    scan.sku = resolved->item.sku;
    (request.damaged ? scan.damaged_milli : scan.quantity_milli) = resolved->quantity.in_milli();
    scan.reason = request.reason;
    if (weighed && !resolved->from_label) scan.weighed_by = request.scale_grams ? "scale" : "keyed";
    scan.operator_id = lane.operator_user()->operator_id;
    scan.at = now.empty() ? local_now() : now;
    if (auto recorded = db::record_stock_scan(lane.database(), scan); !recorded) return storage_error(recorded.error());

    StockScanned scanned{scan, resolved->item, 0};
    auto totals = lane_scan_totals(lane, request.document_id, request.mode);
    if (!totals) return totals.error();
    for (const StockScanTotal& total : *totals) {
        if (total.sku == scan.sku)
            scanned.lane_total_milli = request.damaged ? total.damaged_milli : total.quantity_milli;
    }
    return scanned;
}

core::Result<std::vector<StockScanTotal>> lane_scan_totals(Lane& lane, int64_t document_id, StockScanMode mode) {
    auto scans = db::lane_stock_scans(lane.database(), document_id, stock_scan_mode_name(mode));
    if (!scans) return storage_error(scans.error());
    std::vector<StockScanTotal> totals;
    for (const db::StockScanRecord& scan : *scans) {
        auto same =
            std::find_if(totals.begin(), totals.end(), [&](const auto& total) { return total.sku == scan.sku; });
        if (same == totals.end()) {
            StockScanTotal total;
            total.sku = scan.sku;
            auto item = lane.database().find_item_by_sku(scan.sku);
            if (item && *item) {
                total.name = (*item)->name_zh;
                total.weighed = (*item)->sale_unit == "weight";
            }
            totals.push_back(total);
            same = totals.end() - 1;
        }
        same->quantity_milli += scan.quantity_milli;
        same->damaged_milli += scan.damaged_milli;
        ++same->scans;
    }
    return totals;
}

}  // namespace pos::actions
