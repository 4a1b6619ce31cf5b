// store.db's rows as head office records: one query per source table builds each row's JSON
// (SQLite's json_object), so a row reads the same on every push and the head office can compare.
#include "db/store/head_office_outbox.hpp"

#include <string_view>

namespace pos::db {
namespace {

struct Source {
    const char* table;
    const char* kind;  // NULL: the kind comes from the query's second column
    // Columns: rowid, kind, ref, business_day, lane, payload; ?1 = after rowid, ?2 = limit.
    const char* select;
    const char* only = "1";  // which of the table's rows go to the head office (the backlog counts these)
};

// Only columns that never change once a row is filed: a shift's closed_at and a day's late_* are
// updated afterwards and would make the same record look different at the head office.
constexpr Source sources[] = {
    {"sales", nullptr,
     "SELECT s.rowid, s.kind, s.id, substr(s.completed_at, 1, 10), s.lane, json_object("
     "'id', s.id, 'kind', s.kind, 'receipt_no', s.receipt_no, 'lane', s.lane, 'shift_id', s.shift_id, "
     "'operator', s.operator, 'completed_at', s.completed_at, 'total_fen', s.total_fen, "
     "'rounding_fen', s.rounding_fen, 'paid_fen', s.paid_fen, 'change_fen', s.change_fen, "
     "'items_milli', s.item_count_milli, 'original_sale_id', s.original_sale_id, 'reason', s.reason, "
     "'approved_by', s.approved_by, "
     "'lines', (SELECT json_group_array(json(line)) FROM (SELECT json_object('line', line_no, 'kind', kind, "
     "'sku', sku, 'gtin', gtin, 'name_zh', name_zh, 'department', department, 'sale_unit', sale_unit, "
     "'qty_milli', quantity_milli, 'unit_price_fen', unit_price_fen, 'amount_fen', amount_fen, "
     "'discount_fen', discount_fen, 'promotion', promotion, 'voided', voided, 'voided_by', voided_by, "
     "'original_price_fen', original_price_fen, 'price_set_by', price_set_by, 'original_line', original_line_no) "
     "AS line FROM sale_lines WHERE sale_id = s.id ORDER BY line_no)), "
     "'tenders', (SELECT json_group_array(json(tender)) FROM (SELECT json_object('seq', seq, 'method', method, "
     "'amount_fen', amount_fen, 'reference', reference) AS tender FROM sale_tenders WHERE sale_id = s.id "
     "ORDER BY seq))) "
     "FROM sales s WHERE s.rowid > ?1 ORDER BY s.rowid LIMIT ?2"},
    {"shifts", "shift",
     "SELECT rowid, '', id, substr(opened_at, 1, 10), lane, json_object('id', id, 'lane', lane, "
     "'operator', operator, 'opened_at', opened_at, 'float_fen', float_fen) "
     "FROM shifts WHERE rowid > ?1 ORDER BY rowid LIMIT ?2"},
    {"shift_closes", "shift_close",
     "SELECT rowid, '', shift_id, substr(closed_at, 1, 10), lane, json_object('shift_id', shift_id, 'lane', lane, "
     "'operator', operator, 'opened_at', opened_at, 'closed_at', closed_at, 'expected_cash_fen', expected_cash_fen, "
     "'counted_cash_fen', counted_cash_fen, 'largest_variance_fen', largest_variance_fen, 'approver', approver, "
     "'reason', reason, 'report', report) FROM shift_closes WHERE rowid > ?1 ORDER BY rowid LIMIT ?2"},
    {"cash_movements", "cash_movement",
     "SELECT rowid, '', id, substr(at, 1, 10), lane, json_object('id', id, 'shift_id', shift_id, 'lane', lane, "
     "'kind', kind, 'amount_fen', amount_fen, 'reason', reason, 'operator', operator, 'approver', approver, "
     "'at', at) FROM cash_movements WHERE rowid > ?1 ORDER BY rowid LIMIT ?2"},
    {"business_days", "day_close",
     "SELECT rowid, '', day, day, NULL, json_object('day', day, 'opened_at', opened_at, 'closed_at', closed_at, "
     "'closed_by', closed_by, 'forced_reason', forced_reason, 'forced_over', forced_over, 'totals', totals) "
     "FROM business_days WHERE rowid > ?1 ORDER BY rowid LIMIT ?2"},
    // Transfers between stores (调拨): the ledger's rows of a booked transfer out or in, with the
    // document's number and the other store, so the head office sees both sides (issue 20).
    {"stock_movements", nullptr,
     "SELECT m.id, m.kind, m.document || '/' || m.line_no || '/' || m.sku, substr(m.at, 1, 10), NULL, json_object("
     "'kind', m.kind, 'document', m.document, 'line', m.line_no, 'sku', m.sku, 'qty_milli', m.quantity_milli, "
     "'unit_cost_fen', m.unit_cost_fen, 'at', m.at, 'number', d.number, 'party', d.party) "
     "FROM stock_movements m LEFT JOIN stock_documents d ON d.kind = m.kind "
     "AND d.id = CAST(substr(m.document, instr(m.document, ':') + 1) AS INTEGER) "
     "WHERE m.kind IN ('transfer_out', 'transfer_in') AND m.id > ?1 ORDER BY m.id LIMIT ?2",
     "kind IN ('transfer_out', 'transfer_in')"},
};

DbResult<int64_t> cursor_of(StoreDb& store, std::string_view source) {
    auto statement = store.connection().prepare("SELECT acknowledged FROM head_office_cursor WHERE source = ?");
    if (!statement) return statement.error();
    Statement& query = (*statement)->bind(1, source);
    auto row = query.step();
    if (!row) return row.error();
    int64_t acknowledged = *row ? query.column_int(0) : 0;
    query.reset();
    return acknowledged;
}

}  // namespace

DbResult<HeadOfficeBatch> next_head_office_batch(StoreDb& store, int limit) {
    for (const Source& source : sources) {
        auto after = cursor_of(store, source.table);
        if (!after) return after.error();
        auto statement = store.connection().prepare(source.select);
        if (!statement) return statement.error();
        Statement& query = (*statement)->bind(1, *after).bind(2, int64_t{limit});
        HeadOfficeBatch batch;
        for (;;) {
            auto row = query.step();
            if (!row) return row.error();
            if (!*row) break;
            HeadOfficeRecord record;
            record.kind = source.kind ? source.kind : query.column_text(1);
            record.ref = query.column_text(2);
            record.business_day = query.column_text(3);
            if (!query.column_is_null(4)) record.lane = query.column_int(4);
            record.payload = query.column_text(5);
            batch.last_rowid = query.column_int(0);
            batch.records.push_back(std::move(record));
        }
        query.reset();
        if (!batch.records.empty()) {
            batch.source = source.table;
            return batch;
        }
    }
    return HeadOfficeBatch{};
}

DbStatus acknowledge_head_office_batch(StoreDb& store, const HeadOfficeBatch& batch, const std::string& now) {
    auto statement = store.connection().prepare(
        "INSERT INTO head_office_cursor (source, acknowledged, acknowledged_at) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (source) DO UPDATE SET acknowledged = max(acknowledged, excluded.acknowledged), "
        "acknowledged_at = excluded.acknowledged_at");
    if (!statement) return statement.error();
    return (*statement)->bind(1, batch.source).bind(2, batch.last_rowid).bind(3, now).run();
}

DbResult<int64_t> head_office_backlog(StoreDb& store) {
    int64_t total = 0;
    for (const Source& source : sources) {
        auto after = cursor_of(store, source.table);
        if (!after) return after.error();
        auto statement = store.connection().prepare(std::string("SELECT count(*) FROM ") + source.table +
                                                    " WHERE rowid > ? AND " + source.only);
        if (!statement) return statement.error();
        Statement& query = (*statement)->bind(1, *after);
        auto row = query.step();
        if (!row) return row.error();
        total += query.column_int(0);
        query.reset();
    }
    return total;
}

DbResult<std::vector<HeadOfficeRecord>> audit_chain_heads(StoreDb& store) {
    auto statement = store.connection().prepare(
        "SELECT a.lane, a.seq, substr(a.at, 1, 10), json_object('lane', a.lane, 'seq', a.seq, 'at', a.at, "
        "'hash', a.hash) FROM audit a WHERE a.seq = (SELECT max(seq) FROM audit WHERE lane = a.lane) ORDER BY a.lane");
    if (!statement) return statement.error();
    Statement& query = **statement;
    std::vector<HeadOfficeRecord> heads;
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        heads.push_back({"audit_head", std::to_string(query.column_int(0)) + "-" + std::to_string(query.column_int(1)),
                         query.column_text(2), query.column_int(0), query.column_text(3)});
    }
    query.reset();
    return heads;
}

}  // namespace pos::db
