// The store's promotion master and price-change documents (变价单) in store.db. Every change that
// alters what a lane charges bumps the catalog version in the same transaction, so the lanes fetch
// it at their next sync (db/shared/catalog_sync.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/shared/promotion_rows.hpp"
#include "db/store/store_db.hpp"

namespace pos::db {

// The lanes fetch the catalog and promotions again; the caller holds the transaction.
[[nodiscard]] DbStatus bump_catalog_version(Connection& connection);

// Adds a promotion, or replaces the one with the same id.
[[nodiscard]] DbStatus add_promotion(StoreDb& store, const PromotionRecord& promotion);
// Ends a promotion: its last day becomes the day before `today` (earlier last days stay). False: no such id.
[[nodiscard]] DbResult<bool> end_promotion(StoreDb& store, const std::string& id, const std::string& today);

struct PriceChangeItem {
    std::string sku;
    int64_t old_price_fen = 0;
    int64_t new_price_fen = 0;
};

struct PriceChangeRecord {
    int64_t id = 0;
    std::string effective_on;  // YYYY-MM-DD
    std::string reason;
    std::string created_by;
    std::string created_at;
    std::string approved_by;  // empty until approved
    std::string approved_at;
    std::string applied_at;  // empty until the catalog took the prices
    std::vector<PriceChangeItem> items;
};

// Records a new document (not approved); returns its id.
[[nodiscard]] DbResult<int64_t> create_price_change(StoreDb& store, const PriceChangeRecord& change);
[[nodiscard]] DbResult<std::optional<PriceChangeRecord>> find_price_change(StoreDb& store, int64_t id);
[[nodiscard]] DbResult<std::vector<PriceChangeRecord>> list_price_changes(StoreDb& store);
[[nodiscard]] DbStatus approve_price_change(StoreDb& store, int64_t id, const std::string& by, const std::string& at);
// Applies every approved, not yet applied document effective on or before `today` to the catalog
// (price per piece, or per kg for weighed items), marks it applied at `now` and bumps the catalog
// version, all in one transaction. Returns the ids applied, oldest first.
[[nodiscard]] DbResult<std::vector<int64_t>> apply_due_price_changes(StoreDb& store, const std::string& today,
                                                                     const std::string& now);

// The same on the store machine's own clock (local time): what a sync does before it hands the
// catalog to a lane, so a change dated today reaches the lanes without anyone running apply-due.
[[nodiscard]] DbResult<std::vector<int64_t>> apply_due_price_changes_today(StoreDb& store);

}  // namespace pos::db
