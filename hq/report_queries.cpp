// One query per breakdown. Each builds facts (store, ticket, kind, key, amount) from the period's
// records and counts them the way the store's daily report does: departments and items from the
// lines not voided, tenders with the change given back taken off cash, cashiers and hours from the
// tickets' totals, so every breakdown adds up as the stores' own reports do.
#include "hq/report_queries.hpp"

#include <map>

namespace pos::hq {
namespace {

constexpr const char* stores_sql =
    "SELECT s.store_id, s.region, s.name, 1, count(r.kind) FILTER (WHERE r.kind = 'sale'), "
    "count(r.kind) FILTER (WHERE r.kind = 'return'), coalesce(sum((r.payload->>'total_fen')::bigint), 0) "
    "FROM stores s LEFT JOIN store_records r ON r.store_id = s.store_id AND r.kind IN ('sale', 'return') "
    "AND r.business_day BETWEEN $1::date AND $2::date GROUP BY s.store_id, s.region, s.name ORDER BY s.store_id";

// The period's tickets; each breakdown's facts select from it.
constexpr const char* tickets_cte =
    "WITH tickets AS (SELECT store_id, store_id || ':' || ref AS ticket, kind, payload FROM store_records "
    "WHERE kind IN ('sale', 'return') AND business_day BETWEEN $1::date AND $2::date), ";

// Facts: store_id, ticket, kind, key, name, counts (the ticket counts for the key), amount.
constexpr const char* lines_facts =
    "FROM tickets t CROSS JOIN LATERAL jsonb_array_elements(t.payload->'lines') l "
    "WHERE l->>'kind' = 'item' AND coalesce(l->>'voided', '0') IN ('0', 'false')";

const std::map<std::string, std::string> facts_sql = {
    {"department",
     std::string("facts AS (SELECT t.store_id, t.ticket, t.kind, l->>'department' AS key, '' AS name, true AS counts, "
                 "(l->>'amount_fen')::bigint AS amount ") +
         lines_facts + ") "},
    {"item", std::string("facts AS (SELECT t.store_id, t.ticket, t.kind, l->>'sku' AS key, l->>'name_zh' AS name, "
                         "true AS counts, (l->>'amount_fen')::bigint AS amount ") +
                 lines_facts + ") "},
    {"cashier",
     "facts AS (SELECT store_id, ticket, kind, store_id || '/' || (payload->>'operator') AS key, '' AS name, "
     "true AS counts, (payload->>'total_fen')::bigint AS amount FROM tickets) "},
    {"hour",
     "facts AS (SELECT store_id, ticket, kind, substr(payload->>'completed_at', 12, 2) AS key, '' AS name, "
     "true AS counts, (payload->>'total_fen')::bigint AS amount FROM tickets) "},
    {"tender",
     "facts AS (SELECT t.store_id, t.ticket, t.kind, p->>'method' AS key, '' AS name, true AS counts, "
     "(p->>'amount_fen')::bigint AS amount "
     "FROM tickets t CROSS JOIN LATERAL jsonb_array_elements(t.payload->'tenders') p "
     "UNION ALL SELECT store_id, ticket, kind, 'cash', '', false, -(payload->>'change_fen')::bigint FROM tickets "
     "WHERE coalesce((payload->>'change_fen')::bigint, 0) <> 0) "},
};

constexpr const char* facts_summed =
    "SELECT key, max(name), count(DISTINCT store_id), count(DISTINCT ticket) FILTER (WHERE counts AND kind = 'sale'), "
    "count(DISTINCT ticket) FILTER (WHERE counts AND kind = 'return'), sum(amount) FROM facts GROUP BY key "
    "ORDER BY key";

}  // namespace

PgResult<std::vector<ReportRow>> period_figures(PgConnection& admin, const std::string& by, const std::string& first,
                                                const std::string& last) {
    std::string sql;
    if (by == "store") {
        sql = stores_sql;
    } else if (auto facts = facts_sql.find(by); facts != facts_sql.end()) {
        sql = std::string(tickets_cte) + facts->second + facts_summed;
    } else {
        return PgError{"by \"" + by + "\": use region, store, department, item, cashier, hour or tender", "22023"};
    }
    auto figures = admin.exec(sql, {first, last});
    if (!figures) return figures.error();
    std::vector<ReportRow> rows;
    for (int i = 0; i < figures->size(); ++i) {
        ReportRow row;
        row.key = figures->text(i, 0);
        if (by == "store") {
            row.region = figures->text(i, 1);
            row.name = figures->text(i, 2);
        } else {
            row.name = figures->text(i, 1);
        }
        row.stores = figures->integer(i, 2 + (by == "store"));
        row.tickets = figures->integer(i, 3 + (by == "store"));
        row.returns = figures->integer(i, 4 + (by == "store"));
        row.net_fen = figures->integer(i, 5 + (by == "store"));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace pos::hq
