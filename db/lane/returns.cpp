// Adding up the returns of a sale from the journal (lane.db or store.db): lines by original line,
// refunds by tender, one return at a time so copies of the same return can be told apart.
#include "db/lane/returns.hpp"

#include <algorithm>
#include <set>

#include "db/lane/lane_db.hpp"

namespace pos::db {

DbResult<std::vector<ReturnTaken>> returns_of(Connection& connection, const std::string& original_sale_id) {
    std::vector<ReturnTaken> returns;
    auto headers = connection.prepare(
        "SELECT id, lane FROM sales WHERE kind = 'return' AND original_sale_id = ? ORDER BY completed_at, id");
    if (!headers) return headers.error();
    Statement& by_return = (*headers)->bind(1, original_sale_id);
    for (;;) {
        auto row = by_return.step();
        if (!row) return row.error();
        if (!*row) break;
        returns.push_back(ReturnTaken{by_return.column_text(0), by_return.column_int(1), {}, {}});
    }
    auto lines = connection.prepare(
        "SELECT l.sale_id, l.original_line_no, -sum(l.quantity_milli), -sum(l.amount_fen) FROM sale_lines l "
        "JOIN sales s ON s.id = l.sale_id WHERE s.kind = 'return' AND s.original_sale_id = ? AND l.kind = 'item' "
        "AND l.voided = 0 AND l.original_line_no IS NOT NULL GROUP BY l.sale_id, l.original_line_no");
    if (!lines) return lines.error();
    auto find = [&](const std::string& id) {
        return std::find_if(returns.begin(), returns.end(), [&](const ReturnTaken& each) { return each.id == id; });
    };
    Statement& by_line = (*lines)->bind(1, original_sale_id);
    for (;;) {
        auto row = by_line.step();
        if (!row) return row.error();
        if (!*row) break;
        if (auto taken = find(by_line.column_text(0)); taken != returns.end()) {
            taken->lines[by_line.column_int(1)] = ReturnedLine{by_line.column_int(2), by_line.column_int(3)};
        }
    }
    auto tenders = connection.prepare(
        "SELECT t.sale_id, t.method, -sum(t.amount_fen) FROM sale_tenders t JOIN sales s ON s.id = t.sale_id "
        "WHERE s.kind = 'return' AND s.original_sale_id = ? GROUP BY t.sale_id, t.method");
    if (!tenders) return tenders.error();
    Statement& by_method = (*tenders)->bind(1, original_sale_id);
    for (;;) {
        auto row = by_method.step();
        if (!row) return row.error();
        if (!*row) break;
        if (auto taken = find(by_method.column_text(0)); taken != returns.end()) {
            taken->tenders[by_method.column_text(1)] = by_method.column_int(2);
        }
    }
    return returns;
}

ReturnHistory history_of(const std::vector<ReturnTaken>& returns) {
    ReturnHistory history;
    std::set<std::string> counted;
    for (const ReturnTaken& taken : returns) {
        if (!counted.insert(taken.id).second) continue;
        ++history.returns;
        for (const auto& [line, back] : taken.lines) {
            history.lines[line].quantity_milli += back.quantity_milli;
            history.lines[line].refunded_fen += back.refunded_fen;
        }
        for (const auto& [method, fen] : taken.tenders) history.tenders[method] += fen;
    }
    return history;
}

DbResult<ReturnHistory> return_history(Connection& connection, const std::string& original_sale_id) {
    auto returns = returns_of(connection, original_sale_id);
    if (!returns) return returns.error();
    return history_of(*returns);
}

DbStatus save_foreign_original(Connection& lane, const std::string& return_id, const std::string& original_sale_id,
                               int64_t original_lane, int64_t original_receipt_no) {
    auto insert = lane.prepare(
        "INSERT INTO return_originals (return_id, original_sale_id, lane, receipt_no) VALUES (?, ?, ?, ?)");
    if (!insert) return insert.error();
    return (*insert)
        ->bind(1, return_id)
        .bind(2, original_sale_id)
        .bind(3, original_lane)
        .bind(4, original_receipt_no)
        .run();
}

DbResult<std::optional<std::pair<int64_t, int64_t>>> foreign_original(Connection& lane, const std::string& return_id) {
    auto query = lane.prepare("SELECT lane, receipt_no FROM return_originals WHERE return_id = ?");
    if (!query) return query.error();
    Statement& read = (*query)->bind(1, return_id);
    auto row = read.step();
    if (!row) return row.error();
    std::optional<std::pair<int64_t, int64_t>> found;
    if (*row) found = std::pair{read.column_int(0), read.column_int(1)};
    read.reset();
    return found;
}

DbResult<std::vector<ReturnTaken>> returns_of(LaneDb& lane, const std::string& original_sale_id) {
    return returns_of(lane.connection(), original_sale_id);
}

DbStatus save_foreign_original(LaneDb& lane, const std::string& return_id, const std::string& original_sale_id,
                               int64_t original_lane, int64_t original_receipt_no) {
    return save_foreign_original(lane.connection(), return_id, original_sale_id, original_lane, original_receipt_no);
}

DbResult<std::optional<std::pair<int64_t, int64_t>>> foreign_original(LaneDb& lane, const std::string& return_id) {
    return foreign_original(lane.connection(), return_id);
}

}  // namespace pos::db
