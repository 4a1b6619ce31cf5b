// Sale lines and tenders: one INSERT each, shared by the lane's journal and the store's copy.
#include "db/sale_rows.hpp"

namespace pos::db {

DbStatus insert_sale_lines_and_tenders(Connection& connection, const SaleRecord& sale) {
    auto lines = connection.prepare(
        "INSERT INTO sale_lines (sale_id, line_no, kind, sku, gtin, name_zh, name_en, spec, unit, department, "
        "sale_unit, quantity_milli, unit_price_fen, amount_fen, voided, voided_by, original_price_fen, price_set_by, "
        "original_line_no, discount_fen, promotion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!lines) return lines.error();
    for (const SaleLineRecord& line : sale.lines) {
        Statement& l = (*lines)->reset();
        l.bind(1, sale.id).bind(2, line.line_no).bind(3, line.kind).bind(4, line.sku).bind(5, line.gtin);
        l.bind(6, line.name_zh).bind(7, line.name_en).bind(8, line.spec).bind(9, line.unit).bind(10, line.department);
        l.bind(11, line.sale_unit).bind(12, line.quantity_milli).bind(13, line.unit_price_fen);
        l.bind(14, line.amount_fen).bind(15, int64_t(line.voided)).bind(16, line.voided_by);
        if (line.original_price_fen) l.bind(17, *line.original_price_fen);
        else l.bind_null(17);
        l.bind(18, line.price_set_by);
        if (line.original_line_no) l.bind(19, *line.original_line_no);
        else l.bind_null(19);
        l.bind(20, line.discount_fen).bind(21, line.promotion);
        if (auto inserted = l.run(); !inserted) return inserted;
    }

    auto tenders = connection.prepare(
        "INSERT INTO sale_tenders (sale_id, seq, method, amount_fen, reference) VALUES (?, ?, ?, ?, ?)");
    if (!tenders) return tenders.error();
    for (const TenderRecord& tender : sale.tenders) {
        Statement& t = (*tenders)->reset();
        t.bind(1, sale.id).bind(2, tender.seq).bind(3, tender.method).bind(4, tender.amount_fen).bind(5, tender.reference);
        if (auto inserted = t.run(); !inserted) return inserted;
    }
    return support::Done{};
}

void bind_return_columns(Statement& row, const SaleRecord& sale, int first) {
    row.bind(first, sale.kind);
    if (sale.original_sale_id) row.bind(first + 1, *sale.original_sale_id);
    else row.bind_null(first + 1);
    row.bind(first + 2, sale.reason).bind(first + 3, sale.approved_by);
}

}  // namespace pos::db
