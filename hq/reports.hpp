// The head office's period reports (`pos-hq report`): net sales of a week or a month by store or
// by region, against the monthly targets (`pos-hq target set`), from the stores' pushed records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hq/pg.hpp"

namespace pos::hq {

// `scope` "store" or "region"; `month` YYYY-MM; the amount in fen.
[[nodiscard]] PgResult<support::Done> set_target(PgConnection& admin, const std::string& scope, const std::string& name,
                                                 const std::string& month, int64_t amount_fen);

struct Period {
    std::string kind;   // week (Monday to Sunday) or month
    std::string first;  // YYYY-MM-DD
    std::string last;   // inclusive
};

struct ReportRow {
    std::string key;     // store id or region
    std::string region;  // the store's region (by store); the region itself (by region)
    std::string name;    // the store's name (by store)
    int64_t stores = 0;
    int64_t tickets = 0;  // sales (not returns)
    int64_t returns = 0;
    int64_t net_fen = 0;                // sales less returns, after 抹零: the stores' daily reports' net
    std::optional<int64_t> target_fen;  // the period's share of the monthly targets; none set: nullopt
};

struct PeriodReport {
    Period period;
    std::string by;               // store or region
    std::vector<ReportRow> rows;  // by net, largest first
    ReportRow total;
};

// `kind` week or month; `day` any day in it (YYYY-MM-DD; empty: the server's today); `by` store or region. A target covers its
// month; a week spanning two months takes each month's target in proportion to its days in it.
// By region, a region's own target counts, else the sum of its stores' targets.
[[nodiscard]] PgResult<PeriodReport> period_report(PgConnection& admin, const std::string& kind, const std::string& day,
                                                   const std::string& by);

}  // namespace pos::hq
