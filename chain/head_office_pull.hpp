// Head office → store (issue 22): the approved head office price changes for this store pulled
// over the store's own connection and adopted into store.db, each whole and once. On its date the
// store's apply-due puts it in the catalog and the lanes take the new catalog version at their sync.
// Then the newest chain catalog version and the new chain promotions for this store, all in one
// store.db transaction: a pull cut off anywhere leaves the store on its old version whole.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "chain/head_office_push.hpp"
#include "db/store/head_office_master.hpp"

namespace pos::chain {

struct PulledPriceChange {
    int64_t hq_id = 0;
    int64_t store_id = 0;  // the store's price change; 0 when none of its items is sold here
    std::string effective_on;
    std::vector<std::string> skipped_skus;
};

struct Pulled {
    std::vector<PulledPriceChange> price_changes;
    int64_t catalog_version = 0;  // 0: no newer chain catalog
    int64_t catalog_items = 0;
    std::vector<std::string> promotions;  // "ID name, from .. to"
    [[nodiscard]] bool nothing() const { return price_changes.empty() && catalog_version == 0 && promotions.empty(); }
};

// Writes the store's own audit record of a chain catalog and promotions about to be taken
// (pos/actions/setup/head_office_adoption.hpp), inside the transaction that takes them: the store's
// chain names every price the head office changed, or nothing is taken. Its error says why.
using RecordAdoption = std::function<support::Expected<support::Done, std::string>(
    db::StoreDb& store, const db::HeadOfficeMasterData& data)>;

[[nodiscard]] support::Expected<Pulled, PushError> pull_from_head_office(db::StoreDb& store, const PushOptions& options,
                                                                         const RecordAdoption& record);

// One line for the catalog version and one per promotion taken, for the logs and posctl hq pull.
[[nodiscard]] std::vector<std::string> master_data_lines(const Pulled& pulled);

}  // namespace pos::chain
