// The head office's chain catalog and chain promotions taken into store.db (issue 22): a whole
// catalog version and the new promotions in one transaction with the catalog version bump, so the
// store, and after their next sync its lanes, hold the old version whole or the new one whole.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/shared/promotion_rows.hpp"
#include "db/shared/records.hpp"
#include "db/store/store_db.hpp"

namespace pos::db {

struct HeadOfficeTaken {
    int64_t catalog_version = 0;      // 0: no chain catalog taken yet (the store's own import rules)
    std::vector<int64_t> promotions;  // head office promotion numbers taken
};
[[nodiscard]] DbResult<HeadOfficeTaken> head_office_master_taken(StoreDb& store);

struct HeadOfficePromotion {
    int64_t hq_id = 0;
    PromotionRecord promotion;
};

struct HeadOfficeMasterData {
    std::optional<int64_t> catalog_version;  // with `items`, replaces the whole catalog
    std::vector<ItemRecord> items;
    std::vector<HeadOfficePromotion> promotions;  // added, or replacing the store's one with the same id
};

// All of it in one transaction, the catalog version bumped once.
[[nodiscard]] DbStatus adopt_head_office_master_data(StoreDb& store, const HeadOfficeMasterData& data,
                                                     const std::string& now);

}  // namespace pos::db
