// Period reports' queries: the period named by the server's calendar, net per store from the sale
// and return records, monthly targets shared out over the period's days.
#include "hq/reports.hpp"

#include <algorithm>
#include <map>

namespace pos::hq {
namespace {

PgResult<Period> period_of(PgConnection& admin, const std::string& kind, const std::string& day) {
    if (kind != "week" && kind != "month") return PgError{"period \"" + kind + "\": use week or month", "22023"};
    auto bounds = admin.exec(
        "SELECT date_trunc($1, d)::date, (date_trunc($1, d) + ('1 ' || $1)::interval)::date - 1 "
        "FROM (SELECT coalesce(nullif($2, '')::date, current_date) AS d) day",
        {kind, day});
    if (!bounds) return PgError{"date \"" + day + "\": use YYYY-MM-DD (" + bounds.error().message + ")", "22007"};
    return Period{kind, bounds->text(0, 0), bounds->text(0, 1)};
}

// Each target's share of the period: its amount times the period's days in its month over the month's days.
constexpr const char* targets_sql =
    "SELECT scope, name, sum(round(amount_fen::numeric * "
    "  (least((month + interval '1 month')::date - 1, $2::date) - greatest(month, $1::date) + 1) / "
    "  ((month + interval '1 month')::date - month)))::bigint "
    "FROM sales_targets WHERE month <= $2::date AND (month + interval '1 month')::date > $1::date "
    "GROUP BY scope, name";

constexpr const char* stores_sql =
    "SELECT s.store_id, s.region, s.name, count(r.kind) FILTER (WHERE r.kind = 'sale'), "
    "count(r.kind) FILTER (WHERE r.kind = 'return'), coalesce(sum((r.payload->>'total_fen')::bigint), 0) "
    "FROM stores s LEFT JOIN store_records r ON r.store_id = s.store_id AND r.kind IN ('sale', 'return') "
    "AND r.business_day BETWEEN $1::date AND $2::date GROUP BY s.store_id, s.region, s.name ORDER BY s.store_id";

void add(ReportRow& into, const ReportRow& row) {
    into.stores += row.stores;
    into.tickets += row.tickets;
    into.returns += row.returns;
    into.net_fen += row.net_fen;
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

PgResult<PeriodReport> period_report(PgConnection& admin, const std::string& kind, const std::string& day,
                                     const std::string& by) {
    if (by != "store" && by != "region") return PgError{"by \"" + by + "\": use store or region", "22023"};
    auto period = period_of(admin, kind, day);
    if (!period) return period.error();
    auto stores = admin.exec(stores_sql, {period->first, period->last});
    if (!stores) return stores.error();
    auto targets = admin.exec(targets_sql, {period->first, period->last});
    if (!targets) return targets.error();
    std::map<std::string, int64_t> store_targets, region_targets;
    for (int i = 0; i < targets->size(); ++i) {
        (targets->text(i, 0) == "store" ? store_targets : region_targets)[targets->text(i, 1)] = targets->integer(i, 2);
    }

    PeriodReport report{*period, by, {}, {}};
    report.total.key = "total";
    std::map<std::string, ReportRow> regions;
    std::map<std::string, int64_t> region_store_targets;
    for (int i = 0; i < stores->size(); ++i) {
        ReportRow row{stores->text(i, 0),    stores->text(i, 1),    stores->text(i, 2),    1,
                      stores->integer(i, 3), stores->integer(i, 4), stores->integer(i, 5), std::nullopt};
        if (auto target = store_targets.find(row.key); target != store_targets.end()) {
            row.target_fen = target->second;
            region_store_targets[row.region] += target->second;
        }
        ReportRow& region = regions[row.region];
        region.key = region.region = row.region;
        add(region, row);
        add(report.total, row);
        if (by == "store") report.rows.push_back(row);
    }
    if (by == "region") {
        for (auto& [name, region] : regions) {
            if (auto own = region_targets.find(name); own != region_targets.end()) {
                region.target_fen = own->second;
            } else if (auto summed = region_store_targets.find(name); summed != region_store_targets.end()) {
                region.target_fen = summed->second;
            }
            report.rows.push_back(region);
        }
    }
    for (const ReportRow& row : report.rows) {
        if (row.target_fen) report.total.target_fen = report.total.target_fen.value_or(0) + *row.target_fen;
    }
    std::stable_sort(report.rows.begin(), report.rows.end(),
                     [](const ReportRow& a, const ReportRow& b) { return a.net_fen > b.net_fen; });
    return report;
}

}  // namespace pos::hq
