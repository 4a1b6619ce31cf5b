// Shift queries and writes on lane.db: cash movements, totals by tender, the close.
#include "db/lane/shifts.hpp"

#include <fmt/format.h>

namespace pos::db {
namespace {

DbStatus queue(Connection& connection, const std::string& kind, const std::string& ref, const std::string& payload,
               const std::string& at) {
    auto statement = connection.prepare("INSERT INTO outbox (kind, ref, payload, created_at) VALUES (?, ?, ?, ?)");
    if (!statement) return statement.error();
    return (*statement)->bind(1, kind).bind(2, ref).bind(3, payload).bind(4, at).run();
}

// Runs a one-row aggregate with the shift id bound to every ?; returns its integer columns.
DbResult<std::vector<int64_t>> aggregate(Connection& connection, const std::string& sql, const std::string& shift_id,
                                         int columns) {
    auto statement = connection.prepare(sql);
    if (!statement) return statement.error();
    Statement& query = **statement;
    query.bind(1, shift_id);
    auto row = query.step();
    if (!row) return row.error();
    std::vector<int64_t> values(size_t(columns), 0);
    if (*row) {
        for (int i = 0; i < columns; ++i) values[size_t(i)] = query.column_int(i);
    }
    query.reset();
    return values;
}

DbResult<std::optional<ShiftRecord>> one_shift(Connection& connection, const std::string& sql,
                                               const std::function<void(Statement&)>& bind) {
    auto statement = connection.prepare(sql);
    if (!statement) return statement.error();
    Statement& query = **statement;
    bind(query);
    auto row = query.step();
    if (!row) return row.error();
    if (!*row) return std::optional<ShiftRecord>{};
    ShiftRecord shift{query.column_text(0), query.column_int(1), query.column_text(2),
                      query.column_text(3), query.column_int(4), std::nullopt};
    if (!query.column_is_null(5)) shift.closed_at = query.column_text(5);
    query.reset();
    return std::optional<ShiftRecord>(std::move(shift));
}

const char* shift_columns = "SELECT id, lane, operator, opened_at, float_fen, closed_at FROM shifts ";

}  // namespace

DbStatus record_cash_movement(LaneDb& lane, const CashMovementRecord& movement, const std::string& payload) {
    Connection& connection = lane.connection();
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    auto statement = connection.prepare(
        "INSERT INTO cash_movements (id, shift_id, kind, amount_fen, reason, operator, approver, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!statement) return statement.error();
    Statement& insert = **statement;
    insert.bind(1, movement.id).bind(2, movement.shift_id).bind(3, movement.kind).bind(4, movement.amount_fen);
    insert.bind(5, movement.reason).bind(6, movement.operator_id).bind(7, movement.approver).bind(8, movement.at);
    if (auto inserted = insert.run(); !inserted) return inserted;
    if (auto queued = queue(connection, "cash_movement", movement.id, payload, movement.at); !queued) return queued;
    return transaction->commit();
}

DbResult<ShiftTotalsRecord> shift_totals(LaneDb& lane, const ShiftRecord& shift) {
    Connection& connection = lane.connection();
    ShiftTotalsRecord totals;
    totals.float_fen = shift.float_fen;

    // Net sales and 抹零 count returns (红字, negative); sales and returns are counted apart.
    auto sales =
        aggregate(connection,
                  "SELECT count(CASE kind WHEN 'sale' THEN 1 END), coalesce(sum(change_fen), 0), "
                  "coalesce(sum(rounding_fen), 0), coalesce(sum(total_fen), 0), "
                  "count(CASE kind WHEN 'return' THEN 1 END), "
                  "coalesce(-sum(CASE kind WHEN 'return' THEN total_fen END), 0) FROM sales WHERE shift_id = ?",
                  shift.id, 6);
    if (!sales) return sales.error();
    totals.sales = (*sales)[0];
    totals.change_fen = (*sales)[1];
    totals.rounding_fen = (*sales)[2];
    totals.net_sales_fen = (*sales)[3];
    totals.returns = (*sales)[4];
    totals.refund_fen = (*sales)[5];

    auto voids = aggregate(connection,
                           "SELECT count(*) FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
                           "WHERE s.shift_id = ? AND l.voided = 1",
                           shift.id, 1);
    if (!voids) return voids.error();
    totals.voided_lines = (*voids)[0];

    auto movements = aggregate(connection,
                               "SELECT coalesce(sum(CASE kind WHEN 'pay_in' THEN amount_fen END), 0), "
                               "coalesce(sum(CASE kind WHEN 'pay_out' THEN amount_fen END), 0), "
                               "coalesce(sum(CASE kind WHEN 'pickup' THEN amount_fen END), 0), "
                               "count(CASE kind WHEN 'no_sale' THEN 1 END) FROM cash_movements WHERE shift_id = ?",
                               shift.id, 4);
    if (!movements) return movements.error();
    totals.pay_in_fen = (*movements)[0];
    totals.pay_out_fen = (*movements)[1];
    totals.pickup_fen = (*movements)[2];
    totals.no_sales = (*movements)[3];

    // Cash refunds are kept apart from cash taken (expected cash subtracts them); other tenders
    // are net of their refunds, as the card terminal's batch total is.
    auto tenders = connection.prepare(
        "SELECT t.method, sum(t.amount_fen), coalesce(-sum(CASE s.kind WHEN 'return' THEN t.amount_fen END), 0) "
        "FROM sale_tenders t JOIN sales s ON s.id = t.sale_id WHERE s.shift_id = ? GROUP BY t.method");
    if (!tenders) return tenders.error();
    Statement& by_method = **tenders;
    by_method.bind(1, shift.id);
    for (;;) {
        auto row = by_method.step();
        if (!row) return row.error();
        if (!*row) break;
        std::string method = by_method.column_text(0);
        if (method == "cash") {
            totals.cash_refund_fen = by_method.column_int(2);
            totals.cash_tendered_fen = by_method.column_int(1) + totals.cash_refund_fen;
        } else {
            totals.non_cash_fen[method] = by_method.column_int(1);
        }
    }
    // Member repayments (还款) by card or mobile are on the terminal's batch like a sale's tender;
    // cash ones are already in the drawer's pay-ins.
    auto repaid = connection.prepare(
        "SELECT method, -sum(amount_fen) FROM member_movements WHERE shift_id = ? AND kind = 'repayment' "
        "AND method IN ('card', 'mobile') GROUP BY method");
    if (!repaid) return repaid.error();
    Statement& by_repayment = **repaid;
    by_repayment.bind(1, shift.id);
    for (;;) {
        auto row = by_repayment.step();
        if (!row) return row.error();
        if (!*row) break;
        totals.non_cash_fen[by_repayment.column_text(0)] += by_repayment.column_int(1);
    }
    return totals;
}

DbStatus close_shift(LaneDb& lane, const ShiftCloseRecord& close, const std::string& payload) {
    Connection& connection = lane.connection();
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    auto update = connection.prepare("UPDATE shifts SET closed_at = ? WHERE id = ? AND closed_at IS NULL RETURNING id");
    if (!update) return update.error();
    Statement& closing = (*update)->bind(1, close.closed_at).bind(2, close.shift_id);
    auto row = closing.step();
    if (!row) return row.error();
    bool was_open = *row;
    closing.reset();
    if (!was_open) {
        return DbError{DbErrorCode::not_found,
                       fmt::format("shift {} is not open: it was closed already", close.shift_id)};
    }
    auto insert = connection.prepare(
        "INSERT INTO shift_closes (shift_id, closed_at, operator, approver, reason, expected_cash_fen, "
        "counted_cash_fen, "
        "largest_variance_fen, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    Statement& row_insert = **insert;
    row_insert.bind(1, close.shift_id).bind(2, close.closed_at).bind(3, close.operator_id).bind(4, close.approver);
    row_insert.bind(5, close.reason).bind(6, close.expected_cash_fen).bind(7, close.counted_cash_fen);
    row_insert.bind(8, close.largest_variance_fen).bind(9, close.report);
    if (auto inserted = row_insert.run(); !inserted) return inserted;
    if (auto queued = queue(connection, "shift_close", close.shift_id, payload, close.closed_at); !queued)
        return queued;
    return transaction->commit();
}

DbResult<std::string> record_close_count(LaneDb& lane, const std::string& shift_id, const std::string& operator_id,
                                         const std::string& counts, const std::string& at) {
    Connection& connection = lane.connection();
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();
    auto insert = connection.prepare(
        "INSERT INTO close_counts (shift_id, counted_at, operator, counts) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (shift_id) DO NOTHING");
    if (!insert) return insert.error();
    if (auto inserted = (*insert)->bind(1, shift_id).bind(2, at).bind(3, operator_id).bind(4, counts).run();
        !inserted) {
        return inserted.error();
    }
    auto stored = connection.prepare("SELECT counts FROM close_counts WHERE shift_id = ?");
    if (!stored) return stored.error();
    Statement& query = (*stored)->bind(1, shift_id);
    auto row = query.step();
    if (!row) return row.error();
    std::string kept = *row ? query.column_text(0) : counts;
    query.reset();
    if (auto committed = transaction->commit(); !committed) return committed.error();
    return kept;
}

DbResult<std::optional<ShiftRecord>> find_shift(LaneDb& lane, const std::string& shift_id) {
    return one_shift(lane.connection(), std::string(shift_columns) + "WHERE id = ?",
                     [&shift_id](Statement& query) { query.bind(1, shift_id); });
}

DbResult<std::optional<ShiftRecord>> latest_shift(LaneDb& lane, int64_t lane_number) {
    return one_shift(lane.connection(),
                     std::string(shift_columns) + "WHERE lane = ? ORDER BY opened_at DESC, rowid DESC LIMIT 1",
                     [lane_number](Statement& query) { query.bind(1, lane_number); });
}

DbResult<std::optional<ShiftCloseRecord>> find_shift_close(LaneDb& lane, const std::string& shift_id) {
    auto statement = lane.connection().prepare(
        "SELECT shift_id, closed_at, operator, approver, reason, expected_cash_fen, counted_cash_fen, "
        "largest_variance_fen, report FROM shift_closes WHERE shift_id = ?");
    if (!statement) return statement.error();
    Statement& query = (*statement)->bind(1, shift_id);
    auto row = query.step();
    if (!row) return row.error();
    if (!*row) return std::optional<ShiftCloseRecord>{};
    ShiftCloseRecord close{query.column_text(0), query.column_text(1), query.column_text(2),
                           query.column_text(3), query.column_text(4), query.column_int(5),
                           query.column_int(6),  query.column_int(7),  query.column_text(8)};
    query.reset();
    return std::optional<ShiftCloseRecord>(std::move(close));
}

}  // namespace pos::db
