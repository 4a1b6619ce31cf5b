// Sale lines and tenders: one INSERT each, shared by the lane's journal and the store's copy.
#include "db/shared/sale_rows.hpp"

namespace pos::db {

DbStatus insert_sale_lines_and_tenders(Connection& connection, const SaleRecord& sale) {
    auto lines = connection.prepare(
        "INSERT INTO sale_lines (sale_id, line_no, kind, sku, gtin, name_zh, name_en, spec, unit, department, "
        "sale_unit, quantity_milli, unit_price_fen, amount_fen, voided, voided_by, original_price_fen, price_set_by, "
        "original_line_no, discount_fen, promotion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?)");
    if (!lines) return lines.error();
    for (const SaleLineRecord& line : sale.lines) {
        Statement& l = (*lines)->reset();
        l.bind(1, sale.id).bind(2, line.line_no).bind(3, line.kind).bind(4, line.sku).bind(5, line.gtin);
        l.bind(6, line.name_zh).bind(7, line.name_en).bind(8, line.spec).bind(9, line.unit).bind(10, line.department);
        l.bind(11, line.sale_unit).bind(12, line.quantity_milli).bind(13, line.unit_price_fen);
        l.bind(14, line.amount_fen).bind(15, int64_t(line.voided)).bind(16, line.voided_by);
        if (line.original_price_fen)
            l.bind(17, *line.original_price_fen);
        else
            l.bind_null(17);
        l.bind(18, line.price_set_by);
        if (line.original_line_no)
            l.bind(19, *line.original_line_no);
        else
            l.bind_null(19);
        l.bind(20, line.discount_fen).bind(21, line.promotion);
        if (auto inserted = l.run(); !inserted) return inserted;
    }

    auto tenders = connection.prepare(
        "INSERT INTO sale_tenders (sale_id, seq, method, amount_fen, reference) VALUES (?, ?, ?, ?, ?)");
    if (!tenders) return tenders.error();
    for (const TenderRecord& tender : sale.tenders) {
        Statement& t = (*tenders)->reset();
        t.bind(1, sale.id)
            .bind(2, tender.seq)
            .bind(3, tender.method)
            .bind(4, tender.amount_fen)
            .bind(5, tender.reference);
        if (auto inserted = t.run(); !inserted) return inserted;
    }
    return support::Done{};
}

void bind_return_columns(Statement& row, const SaleRecord& sale, int first) {
    row.bind(first, sale.kind);
    if (sale.original_sale_id)
        row.bind(first + 1, *sale.original_sale_id);
    else
        row.bind_null(first + 1);
    row.bind(first + 2, sale.reason).bind(first + 3, sale.approved_by);
}

DbResult<std::optional<SaleRecord>> read_sale(Connection& connection, const std::string& id) {
    auto header = connection.prepare(
        "SELECT id, receipt_no, lane, shift_id, operator, completed_at, total_fen, rounding_fen, paid_fen, "
        "change_fen, item_count_milli, kind, original_sale_id, reason, approved_by FROM sales WHERE id = ?");
    if (!header) return header.error();
    Statement& query = (*header)->bind(1, id);
    auto row = query.step();
    if (!row) return row.error();
    if (!*row) return std::optional<SaleRecord>{};
    SaleRecord sale;
    sale.id = query.column_text(0);
    sale.receipt_no = query.column_int(1);
    sale.lane = query.column_int(2);
    sale.shift_id = query.column_text(3);
    sale.operator_id = query.column_text(4);
    sale.completed_at = query.column_text(5);
    sale.total_fen = query.column_int(6);
    sale.rounding_fen = query.column_int(7);
    sale.paid_fen = query.column_int(8);
    sale.change_fen = query.column_int(9);
    sale.item_count_milli = query.column_int(10);
    sale.kind = query.column_text(11);
    if (!query.column_is_null(12)) sale.original_sale_id = query.column_text(12);
    sale.reason = query.column_text(13);
    sale.approved_by = query.column_text(14);
    query.reset();

    auto lines = connection.prepare(
        "SELECT line_no, kind, sku, gtin, name_zh, name_en, spec, unit, department, sale_unit, quantity_milli, "
        "unit_price_fen, amount_fen, voided, voided_by, original_price_fen, price_set_by, original_line_no, "
        "discount_fen, promotion FROM sale_lines WHERE sale_id = ? ORDER BY line_no");
    if (!lines) return lines.error();
    Statement& l = (*lines)->bind(1, id);
    for (;;) {
        auto next = l.step();
        if (!next) return next.error();
        if (!*next) break;
        sale.lines.push_back(SaleLineRecord{
            l.column_int(0),   l.column_text(1),
            l.column_text(2),  l.column_text(3),
            l.column_text(4),  l.column_text(5),
            l.column_text(6),  l.column_text(7),
            l.column_text(8),  l.column_text(9),
            l.column_int(10),  l.column_int(11),
            l.column_int(12),  l.column_int(13) != 0,
            l.column_text(14), l.column_is_null(15) ? std::nullopt : std::optional<int64_t>(l.column_int(15)),
            l.column_text(16), l.column_is_null(17) ? std::nullopt : std::optional<int64_t>(l.column_int(17)),
            l.column_int(18),  l.column_text(19)});
    }
    auto tenders = connection.prepare(
        "SELECT seq, method, amount_fen, reference FROM sale_tenders WHERE sale_id = ? ORDER BY seq");
    if (!tenders) return tenders.error();
    Statement& t = (*tenders)->bind(1, id);
    for (;;) {
        auto next = t.step();
        if (!next) return next.error();
        if (!*next) break;
        sale.tenders.push_back(TenderRecord{t.column_int(0), t.column_text(1), t.column_int(2), t.column_text(3)});
    }
    return std::optional<SaleRecord>(std::move(sale));
}

}  // namespace pos::db
