// Adding up the returns of a sale from the journal: lines by original line, refunds by tender.
#include "db/lane_returns.hpp"

namespace pos::db {

DbResult<ReturnHistory> return_history(Connection& connection, const std::string& original_sale_id) {
    ReturnHistory history;
    auto lines = connection.prepare(
        "SELECT l.original_line_no, -sum(l.quantity_milli), -sum(l.amount_fen) FROM sale_lines l "
        "JOIN sales s ON s.id = l.sale_id WHERE s.kind = 'return' AND s.original_sale_id = ? AND l.kind = 'item' "
        "AND l.voided = 0 AND l.original_line_no IS NOT NULL GROUP BY l.original_line_no");
    if (!lines) return lines.error();
    Statement& by_line = (*lines)->bind(1, original_sale_id);
    for (;;) {
        auto row = by_line.step();
        if (!row) return row.error();
        if (!*row) break;
        history.lines[by_line.column_int(0)] = ReturnedLine{by_line.column_int(1), by_line.column_int(2)};
    }
    auto tenders = connection.prepare(
        "SELECT t.method, -sum(t.amount_fen) FROM sale_tenders t JOIN sales s ON s.id = t.sale_id "
        "WHERE s.kind = 'return' AND s.original_sale_id = ? GROUP BY t.method");
    if (!tenders) return tenders.error();
    Statement& by_method = (*tenders)->bind(1, original_sale_id);
    for (;;) {
        auto row = by_method.step();
        if (!row) return row.error();
        if (!*row) break;
        history.tenders[by_method.column_text(0)] = by_method.column_int(1);
    }
    auto count = connection.prepare("SELECT count(*) FROM sales WHERE kind = 'return' AND original_sale_id = ?");
    if (!count) return count.error();
    Statement& counting = (*count)->bind(1, original_sale_id);
    auto row = counting.step();
    if (!row) return row.error();
    if (*row) history.returns = counting.column_int(0);
    counting.reset();
    return history;
}

}  // namespace pos::db
