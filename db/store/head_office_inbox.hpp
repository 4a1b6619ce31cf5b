// Head office master data adopted into store.db (issue 22): a head office price-change document
// becomes the store's own approved price change, whole, once; the store's existing apply-due and
// catalog version take it to the lanes on its date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/store/promotions.hpp"
#include "db/store/store_db.hpp"

namespace pos::db {

// The head office document ids this store has adopted.
[[nodiscard]] DbResult<std::vector<int64_t>> adopted_head_office_price_changes(StoreDb& store);

struct HeadOfficePriceItem {
    std::string sku;
    int64_t new_price_fen = 0;
};

struct AdoptedPriceChange {
    std::optional<int64_t> price_change_id;  // the store's document; none when no item is sold here
    std::vector<std::string> skipped_skus;
};

// In one transaction: the store's price change (old prices from its catalog, approved as the head
// office approved it) and the adoption. Adopting `hq_id` again changes nothing and returns nullopt.
[[nodiscard]] DbResult<std::optional<AdoptedPriceChange>> adopt_head_office_price_change(
    StoreDb& store, int64_t hq_id, PriceChangeRecord header, const std::vector<HeadOfficePriceItem>& items,
    const std::string& now);

}  // namespace pos::db
