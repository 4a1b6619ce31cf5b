// store.db queries and the lock for the end of day (日结). Shift lists are passed as one JSON
// array (json_each), so a day with many shifts is still one prepared statement.
#include "db/store/day.hpp"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace pos::db {
namespace {

std::string id_list(const std::vector<std::string>& ids) { return nlohmann::json(ids).dump(); }

BusinessDayRecord read_day(const Statement& row) {
    BusinessDayRecord day;
    day.day = row.column_text(0);
    day.opened_at = row.column_text(1);
    day.closed_at = row.column_text(2);
    day.closed_by = row.column_text(3);
    day.forced_reason = row.column_text(4);
    day.forced_over = row.column_text(5);
    day.totals = row.column_text(6);
    day.late_sales = row.column_int(7);
    day.late_net_fen = row.column_int(8);
    return day;
}

constexpr const char* day_columns =
    "day, opened_at, closed_at, closed_by, forced_reason, forced_over, totals, late_sales, late_net_fen";

}  // namespace

DbResult<std::vector<StoreShiftState>> store_shifts(StoreDb& store) {
    auto statement = store.connection().prepare(
        "SELECT s.id, s.lane, s.operator, s.opened_at, c.shift_id IS NOT NULL FROM shifts s "
        "LEFT JOIN shift_closes c ON c.shift_id = s.id ORDER BY julianday(s.opened_at), s.id");
    if (!statement) return statement.error();
    std::vector<StoreShiftState> shifts;
    auto read = each_row(**statement, [&](const Statement& row) {
        shifts.push_back(
            {row.column_text(0), row.column_int(1), row.column_text(2), row.column_text(3), row.column_int(4) != 0});
    });
    if (!read) return read.error();
    return shifts;
}

DbResult<std::vector<BusinessDayRecord>> closed_business_days(StoreDb& store) {
    auto statement = store.connection().prepare(
        fmt::format("SELECT {} FROM business_days ORDER BY julianday(closed_at), day", day_columns));
    if (!statement) return statement.error();
    std::vector<BusinessDayRecord> days;
    auto read = each_row(**statement, [&](const Statement& row) { days.push_back(read_day(row)); });
    if (!read) return read.error();
    return days;
}

DbResult<std::optional<BusinessDayRecord>> find_business_day(StoreDb& store, const std::string& day) {
    auto statement = store.connection().prepare(fmt::format("SELECT {} FROM business_days WHERE day = ?", day_columns));
    if (!statement) return statement.error();
    std::optional<BusinessDayRecord> found;
    auto read = each_row((**statement).bind(1, day), [&](const Statement& row) { found = read_day(row); });
    if (!read) return read.error();
    return found;
}

DbResult<std::vector<StoreSaleSummary>> sales_of_shifts(StoreDb& store, const std::vector<std::string>& shift_ids) {
    auto sales = store.connection().prepare(
        "SELECT id, shift_id, lane, total_fen, rounding_fen, change_fen FROM sales "
        "WHERE shift_id IN (SELECT value FROM json_each(?)) ORDER BY completed_at, id");
    if (!sales) return sales.error();
    std::vector<StoreSaleSummary> summaries;
    std::map<std::string, size_t> index;
    auto read = each_row((**sales).bind(1, id_list(shift_ids)), [&](const Statement& row) {
        index[row.column_text(0)] = summaries.size();
        summaries.push_back({row.column_text(0),
                             row.column_text(1),
                             row.column_int(2),
                             row.column_int(3),
                             row.column_int(4),
                             row.column_int(5),
                             {}});
    });
    if (!read) return read.error();
    auto tenders = store.connection().prepare(
        "SELECT t.sale_id, t.method, t.amount_fen FROM sale_tenders t JOIN sales s ON s.id = t.sale_id "
        "WHERE s.shift_id IN (SELECT value FROM json_each(?)) ORDER BY t.sale_id, t.seq");
    if (!tenders) return tenders.error();
    read = each_row((**tenders).bind(1, id_list(shift_ids)), [&](const Statement& row) {
        summaries[index.at(row.column_text(0))].tenders.emplace_back(row.column_text(1), row.column_int(2));
    });
    if (!read) return read.error();
    return summaries;
}

DbResult<std::vector<StoreCashMovement>> cash_movements_of_shifts(StoreDb& store,
                                                                  const std::vector<std::string>& shift_ids) {
    auto statement = store.connection().prepare(
        "SELECT id, shift_id, lane, kind, amount_fen, reason, operator, approver, at FROM cash_movements "
        "WHERE shift_id IN (SELECT value FROM json_each(?)) ORDER BY at, id");
    if (!statement) return statement.error();
    std::vector<StoreCashMovement> movements;
    auto read = each_row((**statement).bind(1, id_list(shift_ids)), [&](const Statement& row) {
        movements.push_back({row.column_text(0), row.column_text(1), row.column_int(2), row.column_text(3),
                             row.column_int(4), row.column_text(5), row.column_text(6), row.column_text(7),
                             row.column_text(8)});
    });
    if (!read) return read.error();
    return movements;
}

DbResult<std::vector<StoreShiftClose>> shift_closes_of_shifts(StoreDb& store,
                                                              const std::vector<std::string>& shift_ids) {
    auto statement = store.connection().prepare(
        "SELECT shift_id, lane, operator, opened_at, closed_at, expected_cash_fen, counted_cash_fen, "
        "largest_variance_fen, approver, reason, report FROM shift_closes "
        "WHERE shift_id IN (SELECT value FROM json_each(?)) ORDER BY julianday(opened_at), shift_id");
    if (!statement) return statement.error();
    std::vector<StoreShiftClose> closes;
    auto read = each_row((**statement).bind(1, id_list(shift_ids)), [&](const Statement& row) {
        closes.push_back({row.column_text(0), row.column_int(1), row.column_text(2), row.column_text(3),
                          row.column_text(4), row.column_int(5), row.column_int(6), row.column_int(7),
                          row.column_text(8), row.column_text(9), row.column_text(10)});
    });
    if (!read) return read.error();
    return closes;
}

DbResult<std::vector<LateSaleRecord>> late_sales_of_day(StoreDb& store, const std::string& day) {
    auto statement = store.connection().prepare(
        "SELECT sale_id, day, total_fen, received_at FROM late_sales WHERE day = ? ORDER BY received_at, sale_id");
    if (!statement) return statement.error();
    std::vector<LateSaleRecord> late;
    auto read = each_row((**statement).bind(1, day), [&](const Statement& row) {
        late.push_back({row.column_text(0), row.column_text(1), row.column_int(2), row.column_text(3)});
    });
    if (!read) return read.error();
    return late;
}

DbStatus lock_business_day(StoreDb& store, const BusinessDayRecord& day, const std::vector<std::string>& shift_ids,
                           int64_t sales_counted) {
    Connection& connection = store.connection();
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    auto existing = find_business_day(store, day.day);
    if (!existing) return existing.error();
    if (*existing) {
        return DbError{DbErrorCode::constraint, fmt::format("business day {} was already closed at {} by {}", day.day,
                                                            (*existing)->closed_at, (*existing)->closed_by)};
    }
    auto count = connection.prepare("SELECT count(*) FROM sales WHERE shift_id IN (SELECT value FROM json_each(?))");
    if (!count) return count.error();
    int64_t sales_now = 0;
    auto counted =
        each_row((**count).bind(1, id_list(shift_ids)), [&](const Statement& row) { sales_now = row.column_int(0); });
    if (!counted) return counted.error();
    if (sales_now != sales_counted) {
        return DbError{DbErrorCode::busy,
                       fmt::format("{} sale(s) of business day {} arrived while it was being closed: "
                                   "run the end of day again",
                                   sales_now - sales_counted, day.day)};
    }
    auto insert = connection.prepare(
        "INSERT INTO business_days (day, opened_at, closed_at, closed_by, forced_reason, forced_over, totals) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    Statement& row = (**insert).bind(1, day.day).bind(2, day.opened_at).bind(3, day.closed_at).bind(4, day.closed_by);
    row.bind(5, day.forced_reason).bind(6, day.forced_over).bind(7, day.totals);
    if (auto inserted = row.run(); !inserted) return inserted.error();
    auto shifts = connection.prepare("INSERT INTO business_day_shifts (shift_id, day) VALUES (?, ?)");
    if (!shifts) return shifts.error();
    for (const std::string& shift_id : shift_ids) {
        if (auto inserted = (*shifts)->reset().bind(1, shift_id).bind(2, day.day).run(); !inserted)
            return inserted.error();
    }
    return transaction->commit();
}

}  // namespace pos::db
