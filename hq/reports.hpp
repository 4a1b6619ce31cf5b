// The head office's period reports (`pos-hq report`): net sales of any period by store, region,
// department, item, cashier, hour or tender, beside the previous period and the same period last
// year, against the monthly targets (`pos-hq target set`), with the top and bottom stores.
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
    std::string kind;   // day, week (Monday to Sunday), month, quarter, year, or range (from/to)
    std::string first;  // YYYY-MM-DD
    std::string last;   // inclusive
};

// Which period: `kind` with any `day` in it (empty: the server's today), or `from` and `to` (kind "range").
struct PeriodRequest {
    std::string kind = "month";
    std::string day;
    std::string from;
    std::string to;
};

// What a report breaks the net down by.
inline const std::vector<std::string> report_dimensions = {"region",  "store", "department", "item",
                                                           "cashier", "hour",  "tender"};

struct ReportRow {
    std::string key;     // store id, region, department, sku, "store/cashier", hour "09", tender method
    std::string region;  // the store's region (by store); the region itself (by region)
    std::string name;    // the store's name (by store), the item's name (by item)
    int64_t stores = 0;
    int64_t tickets = 0;  // sales (not returns) the row's figures come from
    int64_t returns = 0;
    int64_t net_fen = 0;                // sales less returns, after 抹零: the stores' daily reports' net
    int64_t previous_net_fen = 0;       // the same key in the previous period
    int64_t last_year_net_fen = 0;      // the same key in the same period a year before
    std::optional<int64_t> target_fen;  // the period's share of the monthly targets; none set: nullopt
};

struct PeriodReport {
    Period period;
    Period previous;   // the period just before, as long
    Period last_year;  // the same period a year before (a week: 52 weeks before, Monday to Sunday)
    std::string by;
    std::vector<ReportRow> rows;  // by net, largest first (by hour: by hour of day)
    ReportRow total;
    std::vector<ReportRow> top_stores;     // the best stores by net, best first
    std::vector<ReportRow> bottom_stores;  // the weakest, weakest first
};

// The periods a report compares, from the server's calendar; bad dates or kinds: SQLSTATE 22023/22007.
[[nodiscard]] PgResult<PeriodReport> report_periods(PgConnection& admin, const PeriodRequest& request);

// A target covers its month; a period spanning months takes each month's target in proportion to its
// days in it. By region (and the total of any report but by store), a region's own target counts,
// else the sum of its stores' targets.
[[nodiscard]] PgResult<PeriodReport> period_report(PgConnection& admin, const PeriodRequest& request,
                                                   const std::string& by);
[[nodiscard]] PgResult<PeriodReport> period_report(PgConnection& admin, const std::string& kind, const std::string& day,
                                                   const std::string& by);

}  // namespace pos::hq
