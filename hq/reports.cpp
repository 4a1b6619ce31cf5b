// Period reports: the periods named by the server's calendar, the figures of each (hq/report_queries),
// the previous period's and last year's set beside them key by key, monthly targets shared out over
// the period's days, and the top and bottom stores.
#include "hq/reports.hpp"

#include <algorithm>
#include <map>

#include "hq/report_queries.hpp"

namespace pos::hq {
namespace {

// Each kind's length as PostgreSQL's interval; the week's last year is 52 weeks back, Monday to Sunday.
const std::map<std::string, std::string> period_lengths = {
    {"day", "1 day"}, {"week", "7 days"}, {"month", "1 month"}, {"quarter", "3 months"}, {"year", "1 year"}};

constexpr const char* truncated_sql =
    "SELECT first, (first + $3::interval)::date - 1, (first - $3::interval)::date, first - 1, ly, "
    "(ly + $3::interval)::date - 1 "
    "FROM (SELECT first, CASE WHEN $1 = 'week' THEN first - 364 ELSE (first - interval '1 year')::date END AS ly "
    "FROM (SELECT date_trunc($1, coalesce(nullif($2, '')::date, current_date))::date AS first) f) p";

constexpr const char* range_sql =
    "SELECT f, t, f - (t - f + 1), f - 1, (f - interval '1 year')::date, (t - interval '1 year')::date, t - f "
    "FROM (SELECT $1::date AS f, $2::date AS t) p";

// Each target's share of the period: its amount times the period's days in its month over the month's days.
constexpr const char* targets_sql =
    "SELECT scope, name, sum(round(amount_fen::numeric * "
    "  (least((month + interval '1 month')::date - 1, $2::date) - greatest(month, $1::date) + 1) / "
    "  ((month + interval '1 month')::date - month)))::bigint "
    "FROM sales_targets WHERE month <= $2::date AND (month + interval '1 month')::date > $1::date "
    "GROUP BY scope, name";

void add(ReportRow& into, const ReportRow& row) {
    into.stores += row.stores;
    into.tickets += row.tickets;
    into.returns += row.returns;
    into.net_fen += row.net_fen;
    into.previous_net_fen += row.previous_net_fen;
    into.last_year_net_fen += row.last_year_net_fen;
}

// Regions as the sums of their stores, keyed and ordered by name.
std::vector<ReportRow> by_region(const std::vector<ReportRow>& stores) {
    std::map<std::string, ReportRow> regions;
    for (const ReportRow& store : stores) {
        ReportRow& region = regions[store.region];
        region.key = region.region = store.region;
        add(region, store);
    }
    std::vector<ReportRow> out;
    for (auto& [name, region] : regions) out.push_back(region);
    return out;
}

// `by` as the figures are read: a region's figures are its stores'.
PgResult<std::vector<ReportRow>> figures(PgConnection& admin, const std::string& by, const Period& period) {
    auto rows = period_figures(admin, by == "region" ? "store" : by, period.first, period.last);
    if (!rows || by != "region") return rows;
    return by_region(*rows);
}

struct Targets {
    std::map<std::string, int64_t> stores, regions;
};

PgResult<Targets> targets_of(PgConnection& admin, const Period& period) {
    auto rows = admin.exec(targets_sql, {period.first, period.last});
    if (!rows) return rows.error();
    Targets out;
    for (int i = 0; i < rows->size(); ++i) {
        (rows->text(i, 0) == "store" ? out.stores : out.regions)[rows->text(i, 1)] = rows->integer(i, 2);
    }
    return out;
}

// A region's own target, else the sum of its stores' targets; nullopt when neither is set.
std::optional<int64_t> region_target(const Targets& targets, const std::string& region,
                                     const std::vector<ReportRow>& stores) {
    if (auto own = targets.regions.find(region); own != targets.regions.end()) return own->second;
    std::optional<int64_t> summed;
    for (const ReportRow& store : stores) {
        auto target = targets.stores.find(store.key);
        if (store.region == region && target != targets.stores.end()) summed = summed.value_or(0) + target->second;
    }
    return summed;
}

// This period's rows with the previous period's and last year's net beside them, keyed; a key that
// sold only then still gets its row.
PgResult<std::map<std::string, ReportRow>> compared(PgConnection& admin, const std::string& by,
                                                    const PeriodReport& report, std::vector<ReportRow> rows) {
    std::map<std::string, ReportRow> keyed;
    for (ReportRow& row : rows) keyed[row.key] = std::move(row);
    for (auto [period, into] : {std::pair{&report.previous, &ReportRow::previous_net_fen},
                                std::pair{&report.last_year, &ReportRow::last_year_net_fen}}) {
        auto earlier = figures(admin, by, *period);
        if (!earlier) return earlier.error();
        for (const ReportRow& row : *earlier) {
            auto [at, fresh] = keyed.try_emplace(row.key, row);
            if (fresh) at->second.stores = at->second.tickets = at->second.returns = at->second.net_fen = 0;
            at->second.*into = row.net_fen;
        }
    }
    return keyed;
}

void by_net(std::vector<ReportRow>& rows) {
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ReportRow& a, const ReportRow& b) { return a.net_fen > b.net_fen; });
}

}  // namespace

PgResult<support::Done> set_target(PgConnection& admin, const std::string& scope, const std::string& name,
                                   const std::string& month, int64_t amount_fen) {
    if (scope != "store" && scope != "region") return PgError{"a target is for a store or a region", "22023"};
    if (amount_fen < 0) return PgError{"a target cannot be negative", "22023"};
    if (scope == "store") {
        auto known = admin.exec("SELECT 1 FROM stores WHERE store_id = $1", {name});
        if (!known) return known.error();
        if (known->size() == 0) return PgError{"no store " + name + ": pos-hq store add it first", "22023"};
    } else {
        auto known = admin.exec("SELECT 1 FROM stores WHERE region = $1", {name});
        if (!known) return known.error();
        if (known->size() == 0) return PgError{"no store is in region " + name + " yet", "22023"};
    }
    auto first = admin.exec("SELECT to_date($1, 'YYYY-MM') WHERE $1 ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'", {month});
    if (!first) return first.error();
    if (first->size() == 0) return PgError{"month \"" + month + "\": use YYYY-MM, e.g. 2026-12", "22023"};
    auto saved = admin.exec(
        "INSERT INTO sales_targets (scope, name, month, amount_fen) VALUES ($1, $2, $3::date, $4) "
        "ON CONFLICT (scope, name, month) DO UPDATE SET amount_fen = excluded.amount_fen, set_at = now()",
        {scope, name, first->text(0, 0), std::to_string(amount_fen)});
    if (!saved) return saved.error();
    return support::Done{};
}

PgResult<PeriodReport> report_periods(PgConnection& admin, const PeriodRequest& request) {
    bool range = !request.from.empty() || !request.to.empty();
    if (range && (request.from.empty() || request.to.empty())) {
        return PgError{"a range needs both --from and --to", "22023"};
    }
    auto length = period_lengths.find(request.kind);
    if (!range && length == period_lengths.end()) {
        return PgError{"period \"" + request.kind + "\": use day, week, month, quarter or year", "22023"};
    }
    auto bounds = range ? admin.exec(range_sql, {request.from, request.to})
                        : admin.exec(truncated_sql, {request.kind, request.day, length->second});
    if (!bounds) {
        std::string dates =
            range ? "dates \"" + request.from + "\" and \"" + request.to + "\"" : "date \"" + request.day + "\"";
        return PgError{dates + ": use YYYY-MM-DD (" + bounds.error().message + ")", "22007"};
    }
    if (range) {
        int64_t span = bounds->integer(0, 6);
        if (span < 0) return PgError{"from " + request.from + " is after to " + request.to, "22023"};
        if (span >= 3660) return PgError{"a range of at most ten years, please", "22023"};
    }
    std::string kind = range ? "range" : request.kind;
    PeriodReport report;
    report.period = {kind, bounds->text(0, 0), bounds->text(0, 1)};
    report.previous = {kind, bounds->text(0, 2), bounds->text(0, 3)};
    report.last_year = {kind, bounds->text(0, 4), bounds->text(0, 5)};
    return report;
}

PgResult<PeriodReport> period_report(PgConnection& admin, const PeriodRequest& request, const std::string& by) {
    if (std::find(report_dimensions.begin(), report_dimensions.end(), by) == report_dimensions.end()) {
        return PgError{"by \"" + by + "\": use region, store, department, item, cashier, hour or tender", "22023"};
    }
    auto report = report_periods(admin, request);
    if (!report) return report.error();
    report->by = by;
    auto stores = period_figures(admin, "store", report->period.first, report->period.last);
    if (!stores) return stores.error();
    auto targets = targets_of(admin, report->period);
    if (!targets) return targets.error();

    PgResult<std::vector<ReportRow>> rows = by == "store" ? *stores : figures(admin, by, report->period);
    if (!rows) return rows.error();
    auto keyed = compared(admin, by, *report, *rows);
    if (!keyed) return keyed.error();

    for (auto& [key, row] : *keyed) {
        if (by == "store") {
            if (auto target = targets->stores.find(key); target != targets->stores.end())
                row.target_fen = target->second;
        } else if (by == "region") {
            row.target_fen = region_target(*targets, key, *stores);
        }
        add(report->total, row);
        report->rows.push_back(row);
    }
    report->total.key = "total";
    if (by != "hour") by_net(report->rows);
    // The total's target only when every store (by store) or every region (otherwise) has one: a
    // chain's attainment over the targets of some of its stores would say nothing.
    std::vector<std::optional<int64_t>> parts;
    if (by == "store") {
        for (const ReportRow& store : *stores) {
            auto target = targets->stores.find(store.key);
            parts.push_back(target == targets->stores.end() ? std::nullopt : std::optional<int64_t>{target->second});
        }
    } else {
        for (const ReportRow& region : by_region(*stores))
            parts.push_back(region_target(*targets, region.key, *stores));
    }
    if (!parts.empty() && std::all_of(parts.begin(), parts.end(), [](const auto& part) { return part.has_value(); })) {
        report->total.target_fen = 0;
        for (const auto& part : parts) *report->total.target_fen += *part;
    }
    if (by != "store" && by != "region") {
        // A ticket touches several departments, items or tenders: the total counts each ticket once.
        report->total.stores = static_cast<int64_t>(stores->size());
        report->total.tickets = report->total.returns = 0;
        for (const ReportRow& store : *stores) {
            report->total.tickets += store.tickets;
            report->total.returns += store.returns;
        }
    }

    // Top and bottom stores: up to three each, never the same store in both.
    auto ranked_stores = by == "store" ? keyed : compared(admin, "store", *report, *stores);
    if (!ranked_stores) return ranked_stores.error();
    std::vector<ReportRow> ranked;
    for (auto& [key, store] : *ranked_stores) ranked.push_back(store);
    for (ReportRow& store : ranked) {
        if (auto target = targets->stores.find(store.key); target != targets->stores.end()) {
            store.target_fen = target->second;
        }
    }
    by_net(ranked);
    size_t each = std::min<size_t>(3, ranked.size() / 2);
    if (ranked.size() == 1) each = 1;
    report->top_stores.assign(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(each));
    if (ranked.size() > 1)
        report->bottom_stores.assign(ranked.rbegin(), ranked.rbegin() + static_cast<std::ptrdiff_t>(each));
    return report;
}

PgResult<PeriodReport> period_report(PgConnection& admin, const std::string& kind, const std::string& day,
                                     const std::string& by) {
    return period_report(admin, PeriodRequest{kind, day, "", ""}, by);
}

}  // namespace pos::hq
