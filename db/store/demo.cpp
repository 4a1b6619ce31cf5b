// Writing a generated business day into store.db: the same tables sync fills, in one transaction.
#include "db/store/demo.hpp"

namespace pos::db {

DbStatus insert_generated_day(StoreDb& store, const GeneratedDay& day, const std::string& received_at) {
    Connection& connection = store.connection();
    auto transaction = Transaction::begin(connection);
    if (!transaction) return transaction.error();

    auto shift = connection.prepare(
        "INSERT INTO shifts (id, lane, operator, opened_at, float_fen, closed_at, received_at) VALUES (?, ?, ?, ?, ?, "
        "?, ?)");
    if (!shift) return shift.error();
    for (const ShiftRecord& record : day.shifts) {
        Statement& row = (*shift)->reset().bind(1, record.id).bind(2, record.lane).bind(3, record.operator_id);
        row.bind(4, record.opened_at).bind(5, record.float_fen).bind(7, received_at);
        if (record.closed_at)
            row.bind(6, *record.closed_at);
        else
            row.bind_null(6);
        if (auto done = row.run(); !done) return done;
    }

    auto sale = connection.prepare(
        "INSERT INTO sales (id, receipt_no, lane, shift_id, operator, completed_at, total_fen, rounding_fen, paid_fen, "
        "change_fen, item_count_milli, received_at, kind, original_sale_id, reason, approved_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!sale) return sale.error();
    auto line = connection.prepare(
        "INSERT INTO sale_lines (sale_id, line_no, kind, sku, gtin, name_zh, name_en, spec, unit, department, "
        "sale_unit, "
        "quantity_milli, unit_price_fen, amount_fen, voided, voided_by, original_price_fen, price_set_by, "
        "original_line_no, discount_fen, promotion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?)");
    if (!line) return line.error();
    auto tender = connection.prepare(
        "INSERT INTO sale_tenders (sale_id, seq, method, amount_fen, reference) VALUES (?, ?, ?, ?, ?)");
    if (!tender) return tender.error();
    for (const GeneratedSale& generated : day.sales) {
        const SaleRecord& s = generated.sale;
        Statement& row = (*sale)->reset().bind(1, s.id).bind(2, s.receipt_no).bind(3, s.lane).bind(4, s.shift_id);
        row.bind(5, s.operator_id).bind(6, s.completed_at).bind(7, s.total_fen).bind(8, s.rounding_fen);
        row.bind(9, s.paid_fen).bind(10, s.change_fen).bind(11, s.item_count_milli).bind(12, received_at);
        row.bind(13, generated.kind).bind(15, generated.reason).bind(16, generated.approved_by);
        if (generated.original_sale_id.empty())
            row.bind_null(14);
        else
            row.bind(14, generated.original_sale_id);
        if (auto done = row.run(); !done) return done;
        for (const GeneratedLine& g : generated.lines) {
            const SaleLineRecord& l = g.line;
            Statement& r =
                (*line)->reset().bind(1, s.id).bind(2, l.line_no).bind(3, l.kind).bind(4, l.sku).bind(5, l.gtin);
            r.bind(6, l.name_zh).bind(7, l.name_en).bind(8, l.spec).bind(9, l.unit).bind(10, l.department);
            r.bind(11, l.sale_unit).bind(12, l.quantity_milli).bind(13, l.unit_price_fen).bind(14, l.amount_fen);
            r.bind(15, int64_t(l.voided)).bind(16, l.voided_by).bind(18, l.price_set_by);
            if (l.original_price_fen)
                r.bind(17, *l.original_price_fen);
            else
                r.bind_null(17);
            if (g.original_line_no)
                r.bind(19, *g.original_line_no);
            else
                r.bind_null(19);
            r.bind(20, g.discount_fen).bind(21, g.promotion);
            if (auto done = r.run(); !done) return done;
        }
        for (const TenderRecord& t : s.tenders) {
            Statement& r = (*tender)->reset().bind(1, s.id).bind(2, t.seq).bind(3, t.method).bind(4, t.amount_fen);
            if (auto done = r.bind(5, t.reference).run(); !done) return done;
        }
    }

    auto movement = connection.prepare(
        "INSERT INTO cash_movements (id, shift_id, lane, kind, amount_fen, reason, operator, approver, at, "
        "received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!movement) return movement.error();
    for (const StoreCashMovement& m : day.movements) {
        Statement& row = (*movement)->reset().bind(1, m.id).bind(2, m.shift_id).bind(3, m.lane).bind(4, m.kind);
        row.bind(5, m.amount_fen).bind(6, m.reason).bind(7, m.operator_id).bind(8, m.approver).bind(9, m.at);
        if (auto done = row.bind(10, received_at).run(); !done) return done;
    }

    auto close = connection.prepare(
        "INSERT INTO shift_closes (shift_id, lane, operator, opened_at, closed_at, expected_cash_fen, "
        "counted_cash_fen, "
        "largest_variance_fen, approver, reason, report, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!close) return close.error();
    for (const StoreShiftClose& c : day.closes) {
        Statement& row =
            (*close)->reset().bind(1, c.shift_id).bind(2, c.lane).bind(3, c.operator_id).bind(4, c.opened_at);
        row.bind(5, c.closed_at)
            .bind(6, c.expected_cash_fen)
            .bind(7, c.counted_cash_fen)
            .bind(8, c.largest_variance_fen);
        row.bind(9, c.approver).bind(10, c.reason).bind(11, c.report).bind(12, received_at);
        if (auto done = row.run(); !done) return done;
    }

    const BusinessDayRecord& d = day.business_day;
    auto business_day = connection.prepare(
        "INSERT INTO business_days (day, opened_at, closed_at, closed_by, forced_reason, forced_over, totals) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!business_day) return business_day.error();
    Statement& row =
        (*business_day)->reset().bind(1, d.day).bind(2, d.opened_at).bind(3, d.closed_at).bind(4, d.closed_by);
    if (auto done = row.bind(5, d.forced_reason).bind(6, d.forced_over).bind(7, d.totals).run(); !done) return done;
    auto day_shift = connection.prepare("INSERT INTO business_day_shifts (shift_id, day) VALUES (?, ?)");
    if (!day_shift) return day_shift.error();
    for (const ShiftRecord& record : day.shifts) {
        if (auto done = (*day_shift)->reset().bind(1, record.id).bind(2, d.day).run(); !done) return done;
    }
    return transaction->commit();
}

}  // namespace pos::db
