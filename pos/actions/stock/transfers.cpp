// Transfers out at moving average cost, their file, and the matching transfer in at the other store.
#include "pos/actions/stock/transfers.hpp"

#include <fmt/format.h>

#include "pos/actions/access/audit.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/stock/stock_documents.hpp"
#include "pos/actions/stock/stock_sheet.hpp"
#include "pos/actions/stock/stock_valuation.hpp"
#include "pos/core/csv.hpp"
#include "pos/core/safe_text.hpp"
#include "pos/core/stock.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;

namespace {

constexpr std::string_view transfer_header = "transfer,from,to,sent_at,sku,quantity,unit_cost";
constexpr size_t max_store_name = 60;

core::Status audit_document(Lane& lane, db::LaneDb& lane_db, const std::string& kind, const std::string& actor,
                            const db::StockDocumentRecord& document, const std::string& now) {
    AuditEvent event{now,
                     lane.config().lane,
                     kind,
                     actor,
                     {},
                     std::to_string(document.id),
                     {{"number", document.number}, {"party", document.party}, {"lines", document.lines.size()}}};
    return record_audit(lane_db, event);
}

}  // namespace

core::Result<db::StockDocumentRecord> create_transfer_out(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store,
                                                          const TransferOutRequest& request, const std::string& now) {
    if (request.to_store.empty()) return make_error(ErrorCode::bad_input, "give the receiving store (--to)");
    if (auto clean = core::check_text("the receiving store", request.to_store, max_store_name); !clean)
        return clean.error();
    auto clerk = lane.authorize(request.by, core::Action::stock_document, "entering a transfer", "", now);
    if (!clerk) return clerk.error();
    auto sheet = read_stock_sheet(request.csv, SheetColumns{}, store);
    if (!sheet) return sheet.error();
    auto positions = stock_positions(store);
    if (!positions) return positions.error();
    db::StockDocumentRecord document;
    document.kind = "transfer_out";
    document.party = request.to_store;
    document.created_by = clerk->operator_id;
    document.created_at = now;
    int64_t line_no = 0;
    for (const SheetLine& line : *sheet) {
        int64_t cost = 0;
        if (positions->count(line.sku)) {
            cost = positions->at(line.sku).unit_cost_fen;
        } else if (auto item = store.find_item_by_sku(line.sku); item && *item) {
            cost = (**item).cost_fen;
        }
        document.lines.push_back({++line_no, line.sku, line.quantity_milli, cost, std::nullopt, 0, ""});
    }
    auto id = db::create_stock_document(store, document);
    if (!id) return storage_error(id.error());
    auto stored = stock_document(store, *id);
    if (!stored) return stored;
    if (auto logged = audit_document(lane, lane_db, "stock_transfer_out_create", clerk->operator_id, *stored, now);
        !logged)
        return logged.error();
    return stored;
}

core::Result<std::string> transfer_file(db::StoreDb& store, const db::StockDocumentRecord& transfer,
                                        const std::string& from_store) {
    if (transfer.kind != "transfer_out")
        return make_error(ErrorCode::bad_input, fmt::format("stock document {} is not a transfer out", transfer.id));
    if (transfer.status != "booked") {
        return make_error(ErrorCode::bad_input,
                          fmt::format("transfer {} is {}: a manager approves it (the goods leave this store's stock) "
                                      "before its file goes to {}",
                                      transfer.number, transfer.status, transfer.party));
    }
    std::string file = std::string(transfer_header) + "\n";
    for (const db::StockDocumentLine& line : transfer.lines) {
        auto item = store.find_item_by_sku(line.sku);
        if (!item) return storage_error(item.error());
        bool weighed = *item && (**item).sale_unit == "weight";
        file += stock_csv_row({transfer.number, from_store, transfer.party, transfer.approved_at, line.sku,
                               core::stock_quantity_text(line.expected_milli, weighed),
                               core::Money::fen(line.unit_cost_fen).to_string()});
    }
    return file;
}

core::Result<db::StockDocumentRecord> import_transfer_in(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store,
                                                         const std::string& file, const Approval& by,
                                                         const std::string& now) {
    auto clerk = lane.authorize(by, core::Action::stock_document, "importing a transfer", "", now);
    if (!clerk) return clerk.error();
    auto table = core::parse_csv(file);
    if (!table) return make_error(ErrorCode::bad_input, table.error().message + "; nothing was changed");
    std::string header;
    for (const std::string& name : table->header) header += (header.empty() ? "" : ",") + name;
    if (header != transfer_header) {
        return make_error(ErrorCode::bad_input,
                          fmt::format("this is not a transfer file: its first row must be {} (the sending store "
                                      "writes it with posctl stock transfer export); nothing was changed",
                                      transfer_header));
    }
    if (table->rows.empty()) return make_error(ErrorCode::bad_input, "the transfer file lists no items");
    const core::CsvRow& first = table->rows.front();
    std::vector<std::string> problems;
    for (size_t r = 0; r < table->rows.size(); ++r) {
        const core::CsvRow& row = table->rows[r];
        if (row.size() != 7 || row[0] != first[0] || row[1] != first[1]) {
            problems.push_back(fmt::format("row {}, column transfer: every row must be of one transfer ({} from {})",
                                           r + 2, first[0], first.size() > 1 ? first[1] : ""));
        }
    }
    if (!problems.empty()) {
        std::string message = "the transfer file is inconsistent, nothing was changed:";
        for (const std::string& problem : problems) message += "\n  " + problem;
        return make_error(ErrorCode::bad_input, message);
    }
    if (auto clean = core::check_text("the sending store", first[1], max_store_name); !clean) return clean.error();
    if (auto clean = core::check_text("the transfer number", first[0], 40); !clean) return clean.error();
    // The items through the sheet reader: sku, quantity and cost checked against this store's catalog.
    std::string sheet = "sku,quantity,unit_cost\n";
    for (const core::CsvRow& row : table->rows) sheet += stock_csv_row({row[4], row[5], row[6]});
    SheetColumns columns;
    columns.unit_cost = true;
    auto lines = read_stock_sheet(sheet, columns, store);
    if (!lines) return lines.error();
    db::StockDocumentRecord document;
    document.kind = "transfer_in";
    document.number = first[1] + "/" + first[0];
    document.party = first[1];
    document.note = "sent " + first[3];
    document.created_by = clerk->operator_id;
    document.created_at = now;
    int64_t line_no = 0;
    for (const SheetLine& line : *lines) {
        document.lines.push_back({++line_no, line.sku, line.quantity_milli, line.unit_cost_fen, std::nullopt, 0, ""});
    }
    auto id = db::create_stock_document(store, document);
    if (!id) {
        if (id.error().code == db::DbErrorCode::constraint) {
            return make_error(ErrorCode::bad_input, fmt::format("transfer {} from {} was imported already; nothing "
                                                                "was changed (posctl stock list)",
                                                                first[0], first[1]));
        }
        return storage_error(id.error());
    }
    auto stored = stock_document(store, *id);
    if (!stored) return stored;
    if (auto logged = audit_document(lane, lane_db, "stock_transfer_in_create", clerk->operator_id, *stored, now);
        !logged)
        return logged.error();
    return stored;
}

core::Result<std::map<std::string, int64_t>> in_transit(db::StoreDb& store) {
    auto documents = db::list_stock_documents(store, "transfer_in");
    if (!documents) return storage_error(documents.error());
    std::map<std::string, int64_t> coming;
    for (const db::StockDocumentRecord& document : *documents) {
        if (document.status != "open") continue;
        for (const db::StockDocumentLine& line : document.lines) coming[line.sku] += line.expected_milli;
    }
    return coming;
}

}  // namespace pos::actions
