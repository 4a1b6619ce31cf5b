// Catalog flow-down: the store's catalog master carries a version, bumped with every change;
// a lane whose replica is older fetches the whole catalog and replaces its own in one
// transaction, so a scan sees the old catalog or the new one, never a mix.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/lane/lane_db.hpp"
#include "db/shared/promotion_rows.hpp"
#include "db/shared/records.hpp"
#include "db/store/store_db.hpp"

namespace pos::db {

// Which catalog: the store.db it belongs to and its version there.
struct CatalogVersion {
    std::string store_id;
    int64_t number = 0;
};

// True when `store` holds a different catalog than `lane` has: another store, or a later version.
[[nodiscard]] inline bool differs(const CatalogVersion& store, const CatalogVersion& lane) {
    return store.store_id != lane.store_id || store.number > lane.number;
}

// The items and the promotions travel together under one version: a lane never prices with the
// promotions of one catalog and the items of another (docs/promotions.md).
struct CatalogSnapshot {
    CatalogVersion version;
    std::vector<ItemRecord> items;
    std::vector<PromotionRecord> promotions;
};

[[nodiscard]] DbResult<CatalogVersion> store_catalog_version(StoreDb& store);
// The version and every item, read in one transaction.
[[nodiscard]] DbResult<CatalogSnapshot> read_catalog_snapshot(StoreDb& store);

[[nodiscard]] DbResult<CatalogVersion> applied_catalog_version(LaneDb& lane);
// Replaces the lane's replica with the snapshot and records its version, in one transaction.
[[nodiscard]] DbStatus apply_catalog_snapshot(LaneDb& lane, const CatalogSnapshot& snapshot, const std::string& now,
                                              const RowsWritten& progress = {});

}  // namespace pos::db
