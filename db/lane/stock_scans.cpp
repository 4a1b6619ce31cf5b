// Stock scans queued in lane.db's outbox and read back for the counter's screen.
#include "db/lane/stock_scans.hpp"

namespace pos::db {

DbStatus record_stock_scan(LaneDb& lane, const StockScanRecord& scan) {
    auto statement =
        lane.connection().prepare("INSERT INTO outbox (kind, ref, payload, created_at) VALUES ('stock_scan', ?, ?, ?)");
    if (!statement) return statement.error();
    return (*statement)->bind(1, scan.id).bind(2, stock_scan_to_json(scan)).bind(3, scan.at).run();
}

DbResult<std::vector<StockScanRecord>> lane_stock_scans(LaneDb& lane, int64_t document_id, const std::string& mode) {
    auto statement = lane.connection().prepare(
        "SELECT payload FROM outbox WHERE kind = 'stock_scan' AND json_extract(payload, '$.document') = ? "
        "AND json_extract(payload, '$.mode') = ? ORDER BY seq");
    if (!statement) return statement.error();
    Statement& query = **statement;
    query.bind(1, document_id).bind(2, mode);
    std::vector<StockScanRecord> scans;
    for (;;) {
        auto row = query.step();
        if (!row) return row.error();
        if (!*row) break;
        auto scan = parse_stock_scan_payload(query.column_text(0));
        if (scan) scans.push_back(*scan);  // the lane wrote it; one it cannot read is not its counter's
    }
    query.reset();
    return scans;
}

}  // namespace pos::db
