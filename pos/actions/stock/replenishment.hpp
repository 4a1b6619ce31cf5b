// The suggested order (要货单) for the distribution centre: per item, what sold over a window,
// what is on hand and in transit, and the low-stock threshold, through core::suggested_order_milli.
#pragma once

#include <string>
#include <vector>

#include "db/store/store_db.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

struct ReplenishmentOptions {
    int window_days = 28;  // sales velocity over this many days up to now
    int cover_days = 7;    // how long the order must last
};

struct SuggestedLine {
    std::string sku;
    std::string name;
    std::string department;
    bool weighed = false;
    int64_t sold_milli = 0;
    int64_t on_hand_milli = 0;
    int64_t in_transit_milli = 0;
    int64_t threshold_milli = 0;
    int64_t order_milli = 0;
};

// Items the store keeps stock of or sells, with something to order, by department and sku.
[[nodiscard]] core::Result<std::vector<SuggestedLine>> suggested_order(db::StoreDb& store,
                                                                       const ReplenishmentOptions& options,
                                                                       const std::string& now);

// The CSV the distribution centre takes: sku,name,department,order,on_hand,in_transit,sold,threshold.
[[nodiscard]] std::string suggested_order_csv(const std::vector<SuggestedLine>& lines);

}  // namespace pos::actions
