// Head office → store (issue 22): the approved head office price changes for this store pulled
// over the store's own connection and adopted into store.db, each whole and once. On its date the
// store's apply-due puts it in the catalog and the lanes take the new catalog version at their sync.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "chain/head_office_push.hpp"

namespace pos::chain {

struct PulledPriceChange {
    int64_t hq_id = 0;
    int64_t store_id = 0;  // the store's price change; 0 when none of its items is sold here
    std::string effective_on;
    std::vector<std::string> skipped_skus;
};

[[nodiscard]] support::Expected<std::vector<PulledPriceChange>, PushError> pull_from_head_office(
    db::StoreDb& store, const PushOptions& options);

}  // namespace pos::chain
