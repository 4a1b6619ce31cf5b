// A demo chain for trying reports and measuring (`pos-hq demo`, tests/bench/hq_bench): stores
// demo_001… in four regions, each with `sales` sales a day (one in fifty a return) for `days` days,
// written straight into store_records by the server (generate_series), as if pushed.
#pragma once

#include <cstdint>
#include <string>

#include "hq/pg.hpp"

namespace pos::hq {

struct DemoChain {
    int stores = 50;
    int days = 365;
    int sales = 200;       // per store and day
    std::string last_day;  // YYYY-MM-DD; empty: yesterday on the server's calendar
};

struct DemoSummary {
    int64_t stores = 0;
    int64_t records = 0;
    std::string first_day, last_day;
};

// Demo stores have no login role: nobody can push as them. Running it again adds nothing twice.
[[nodiscard]] PgResult<DemoSummary> generate_demo_chain(PgConnection& admin, const DemoChain& chain);

}  // namespace pos::hq
