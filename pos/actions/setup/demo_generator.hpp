// `posctl demo generate`: realistic synthetic store history in store.db (lanes, two shifts a day,
// a daily traffic curve, promotions, voids, price overrides, returns of earlier sales, drawer
// movements, counted closes with small variances, and each day's end of day), for the daily
// report's tests, demos and benchmark. Reproducible from its seed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "db/store/store_db.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

struct DemoOptions {
    int lanes = 4;
    int days = 14;
    std::string last_day;  // YYYY-MM-DD: the newest generated day
    uint64_t seed = 1;
    int sales_per_lane_day = 250;
    std::string offset = "+08:00";  // the lanes' UTC offset
};

struct DemoSummary {
    int64_t days = 0;
    int64_t shifts = 0;
    int64_t sales = 0;
    int64_t returns = 0;
    int64_t lines = 0;
};

// Writes `days` business days ending at last_day into store.db, one transaction per day, using the
// catalog already there. Refuses (bad_input) when the catalog is empty or a day already exists.
// `progress` (may be empty) is called after each day.
[[nodiscard]] core::Result<DemoSummary> generate_demo_history(db::StoreDb& store, const DemoOptions& options,
                                                              const std::function<void(const std::string&)>& progress);

}  // namespace pos::actions
