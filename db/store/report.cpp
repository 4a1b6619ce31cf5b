// The daily report's queries. A day's sales are named once, in a common table expression over
// the instant indexes of migration 0008, and every other query joins through it by key.
#include "db/store/report.hpp"

#include <fmt/format.h>

namespace pos::db {
namespace {

// ?1 = start, ?2 = end of the window. A sale belongs to its shift's day; a sale whose shift never
// reached the store, to the day its own time falls in (docs/decisions.md, "Business day").
constexpr const char* day_sales_cte =
    "WITH day_shifts AS (SELECT id FROM shifts "
    "  WHERE julianday(opened_at) >= julianday(?1) AND julianday(opened_at) < julianday(?2)), "
    "day_sales AS (SELECT id FROM sales WHERE shift_id IN (SELECT id FROM day_shifts) "
    "  UNION ALL SELECT s.id FROM sales s "
    "  WHERE julianday(s.completed_at) >= julianday(?1) AND julianday(s.completed_at) < julianday(?2) "
    "  AND NOT EXISTS (SELECT 1 FROM shifts h WHERE h.id = s.shift_id)) ";

DbResult<Statement*> prepare_day(StoreDb& store, const std::string& select, const DayWindow& window) {
    auto statement = store.connection().prepare(std::string(day_sales_cte) + select);
    if (!statement) return statement.error();
    (**statement).reset().bind(1, window.start).bind(2, window.end);
    return *statement;
}

}  // namespace

DbResult<ReportDayRecords> read_report_day(StoreDb& store, const DayWindow& window) {
    ReportDayRecords day;
    auto shifts =
        prepare_day(store,
                    "SELECT id, lane, operator, opened_at FROM shifts WHERE id IN (SELECT id FROM day_shifts) "
                    "ORDER BY lane, julianday(opened_at), id",
                    window);
    if (!shifts) return shifts.error();
    auto read = each_row(**shifts, [&](const Statement& row) {
        day.shifts.push_back({row.column_text(0), row.column_int(1), row.column_text(2), row.column_text(3)});
    });
    if (!read) return read.error();

    auto sales =
        prepare_day(store,
                    "SELECT id, lane, shift_id, operator, completed_at, kind, total_fen, rounding_fen, change_fen, "
                    "item_count_milli, coalesce(original_sale_id, ''), approved_by FROM sales "
                    "WHERE id IN (SELECT id FROM day_sales) ORDER BY julianday(completed_at), id",
                    window);
    if (!sales) return sales.error();
    read = each_row(**sales, [&](const Statement& row) {
        day.sales.push_back({row.column_text(0), row.column_int(1), row.column_text(2), row.column_text(3),
                             row.column_text(4), row.column_text(5), row.column_int(6), row.column_int(7),
                             row.column_int(8), row.column_int(9), row.column_text(10), row.column_text(11)});
    });
    if (!read) return read.error();

    auto lines = prepare_day(store,
                             "SELECT sale_id, kind, sku, name_zh || CASE WHEN spec <> '' THEN ' ' || spec ELSE '' END, "
                             "department, quantity_milli, amount_fen, discount_fen, "
                             "voided, voided_by, original_price_fen IS NOT NULL, price_set_by FROM sale_lines "
                             "WHERE sale_id IN (SELECT id FROM day_sales) ORDER BY sale_id, line_no",
                             window);
    if (!lines) return lines.error();
    read = each_row(**lines, [&](const Statement& row) {
        day.lines.push_back({row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3),
                             row.column_text(4), row.column_int(5), row.column_int(6), row.column_int(7),
                             row.column_int(8) != 0, row.column_text(9), row.column_int(10) != 0, row.column_text(11)});
    });
    if (!read) return read.error();

    auto tenders = prepare_day(store,
                               "SELECT sale_id, method, amount_fen FROM sale_tenders "
                               "WHERE sale_id IN (SELECT id FROM day_sales) ORDER BY sale_id, seq",
                               window);
    if (!tenders) return tenders.error();
    read = each_row(**tenders, [&](const Statement& row) {
        day.tenders.push_back({row.column_text(0), row.column_text(1), row.column_int(2)});
    });
    if (!read) return read.error();

    auto movements = prepare_day(store,
                                 "SELECT id, shift_id, lane, kind, amount_fen, reason, operator, approver, at "
                                 "FROM cash_movements WHERE shift_id IN (SELECT id FROM day_shifts) ORDER BY at, id",
                                 window);
    if (!movements) return movements.error();
    read = each_row(**movements, [&](const Statement& row) {
        day.movements.push_back({row.column_text(0), row.column_text(1), row.column_int(2), row.column_text(3),
                                 row.column_int(4), row.column_text(5), row.column_text(6), row.column_text(7),
                                 row.column_text(8)});
    });
    if (!read) return read.error();

    auto closes =
        prepare_day(store,
                    "SELECT shift_id, lane, operator, opened_at, closed_at, expected_cash_fen, counted_cash_fen, "
                    "largest_variance_fen, approver, reason, report FROM shift_closes "
                    "WHERE shift_id IN (SELECT id FROM day_shifts) ORDER BY lane, shift_id",
                    window);
    if (!closes) return closes.error();
    read = each_row(**closes, [&](const Statement& row) {
        day.closes.push_back({row.column_text(0), row.column_int(1), row.column_text(2), row.column_text(3),
                              row.column_text(4), row.column_int(5), row.column_int(6), row.column_int(7),
                              row.column_text(8), row.column_text(9), row.column_text(10)});
    });
    if (!read) return read.error();
    return day;
}

DbResult<std::optional<BusinessDayRecord>> close_before(StoreDb& store, const std::string& instant) {
    auto statement = store.connection().prepare(
        "SELECT day, opened_at, closed_at, closed_by, forced_reason, forced_over, totals, late_sales, late_net_fen "
        "FROM business_days WHERE ?1 = '' OR julianday(closed_at) < julianday(?1) "
        "ORDER BY julianday(closed_at) DESC, day DESC LIMIT 1");
    if (!statement) return statement.error();
    std::optional<BusinessDayRecord> found;
    auto read = each_row((**statement).reset().bind(1, instant), [&](const Statement& row) {
        found = BusinessDayRecord{row.column_text(0), row.column_text(1), row.column_text(2),
                                  row.column_text(3), row.column_text(4), row.column_text(5),
                                  row.column_text(6), row.column_int(7),  row.column_int(8)};
    });
    if (!read) return read.error();
    return found;
}

DbResult<std::optional<std::string>> first_shift_since(StoreDb& store, const std::string& instant) {
    auto statement = store.connection().prepare(
        "SELECT opened_at FROM shifts WHERE julianday(opened_at) >= julianday(?1) "
        "ORDER BY julianday(opened_at), id LIMIT 1");
    if (!statement) return statement.error();
    std::optional<std::string> found;
    auto read =
        each_row((**statement).reset().bind(1, instant), [&](const Statement& row) { found = row.column_text(0); });
    if (!read) return read.error();
    return found;
}

DbResult<std::vector<LowStockRecord>> low_stock_items(StoreDb& store) {
    // From the on-hand table (migration 0049), not the ledger's sums. CROSS JOIN keeps the items
    // with stock on the outside: a million-item catalog is not walked for the few kept in stock.
    auto statement = store.connection().prepare(
        "SELECT i.sku, i.name_zh, i.department, h.on_hand_milli, i.low_stock FROM stock_on_hand h "
        "CROSS JOIN items i ON i.sku = h.sku "
        "WHERE h.kept_movements > 0 AND h.on_hand_milli <= i.low_stock * 1000 ORDER BY i.department, i.sku");
    if (!statement) return statement.error();
    std::vector<LowStockRecord> items;
    auto read = each_row((**statement).reset(), [&](const Statement& row) {
        items.push_back(
            {row.column_text(0), row.column_text(1), row.column_text(2), row.column_int(3), row.column_int(4)});
    });
    if (!read) return read.error();
    return items;
}

DbStatus set_stock_count(StoreDb& store, const std::string& sku, int64_t on_hand_milli, const std::string& counted_at) {
    auto transaction = Transaction::begin(store.connection());
    if (!transaction) return transaction.error();
    auto statement = store.connection().prepare(
        "INSERT INTO stock_movements (sku, kind, document, line_no, quantity_milli, at, reason) "
        "SELECT ?1, 'count', 'count:' || ?3, 0, ?2 - coalesce((SELECT on_hand_milli FROM stock_on_hand "
        "WHERE sku = ?1), 0), ?3, 'counted'");
    if (!statement) return statement.error();
    if (auto ran = (**statement).reset().bind(1, sku).bind(2, on_hand_milli).bind(3, counted_at).run(); !ran)
        return ran;
    return transaction->commit();
}

}  // namespace pos::db
