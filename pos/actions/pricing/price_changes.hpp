// 变价单: price-change documents. A supervisor or manager creates one from a CSV of items and new
// prices with an effective date and a reason; another manager approves it; on its date it is
// applied to the store's catalog (bumping its version, so the lanes fetch it at their next sync).
// Every step is in the audit log. docs/price-changes.md.
#pragma once

#include <string>
#include <vector>

#include "db/store/promotions.hpp"
#include "pos/actions/lane.hpp"

namespace pos::actions {

struct PriceChangeRequest {
    std::string csv;           // sku,new_price[,old_price]: old_price, when given, must be the catalog's
    std::string effective_on;  // YYYY-MM-DD
    std::string reason;
    Approval by;  // who creates it
};

// Checks the items against store.db's catalog and records the document. Returns it.
[[nodiscard]] core::Result<db::PriceChangeRecord> create_price_change(Lane& lane, db::LaneDb& lane_db,
                                                                      db::StoreDb& store,
                                                                      const PriceChangeRequest& request,
                                                                      const std::string& now);
// Approves document `id`: a manager other than its creator.
[[nodiscard]] core::Result<db::PriceChangeRecord> approve_price_change(Lane& lane, db::LaneDb& lane_db,
                                                                       db::StoreDb& store, int64_t id,
                                                                       const Approval& by, const std::string& now);
// Applies the approved documents due on `now`'s day; returns the ids applied.
[[nodiscard]] core::Result<std::vector<int64_t>> apply_due_price_changes(db::LaneDb& lane_db, db::StoreDb& store,
                                                                         int64_t lane_number, const std::string& now);

// "approved, effective 2026-11-24" and the like.
[[nodiscard]] std::string price_change_status(const db::PriceChangeRecord& change);

}  // namespace pos::actions
