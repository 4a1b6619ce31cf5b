// Deliveries checked and booked, write-offs, and the manager's approval of any stock document.
#include "pos/actions/stock/stock_documents.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "pos/actions/access/audit.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/stock/stock_sheet.hpp"
#include "pos/actions/stock/stocktake.hpp"
#include "pos/core/safe_text.hpp"
#include "pos/core/stock.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;

namespace {

constexpr size_t max_number_length = 40;

nlohmann::json lines_json(const db::StockDocumentRecord& document) {
    nlohmann::json lines = nlohmann::json::array();
    for (const db::StockDocumentLine& line : document.lines) {
        nlohmann::json entry = {{"sku", line.sku}, {"expected_milli", line.expected_milli}};
        if (line.unit_cost_fen != 0) entry["unit_cost_fen"] = line.unit_cost_fen;
        if (line.received_milli) entry["received_milli"] = *line.received_milli;
        if (line.damaged_milli != 0) entry["damaged_milli"] = line.damaged_milli;
        if (!line.reason.empty()) entry["reason"] = line.reason;
        lines.push_back(entry);
    }
    return lines;
}

core::Status audit(Lane& lane, db::LaneDb& lane_db, const std::string& kind, const std::string& actor,
                   const std::string& approver, const db::StockDocumentRecord& document, const std::string& now) {
    AuditEvent event{now,
                     lane.config().lane,
                     kind,
                     actor,
                     approver,
                     std::to_string(document.id),
                     {{"document", document.kind}, {"number", document.number}, {"lines", lines_json(document)}}};
    return record_audit(lane_db, event);
}

core::Result<db::StockDocumentRecord> open_document(db::StoreDb& store, int64_t id) {
    auto document = stock_document(store, id);
    if (!document) return document;
    if (document->status != "open") {
        return make_error(ErrorCode::bad_input,
                          fmt::format("{} {} is {} already: only an open document can be changed",
                                      document_label(*document), document->number, document->status));
    }
    return document;
}

core::Result<db::StockDocumentRecord> created(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store,
                                              db::StockDocumentRecord document, const std::string& now) {
    auto id = db::create_stock_document(store, document);
    if (!id) {
        if (id.error().code == db::DbErrorCode::constraint) {
            return make_error(ErrorCode::bad_input,
                              fmt::format("{} {} is already in the store (see posctl stock list); nothing was changed",
                                          document_label(document), document.number));
        }
        return storage_error(id.error());
    }
    auto stored = stock_document(store, *id);
    if (!stored) return stored;
    if (auto logged = audit(lane, lane_db, "stock_" + document.kind + "_create", document.created_by, {}, *stored, now);
        !logged)
        return logged.error();
    return stored;
}

}  // namespace

std::string document_label(const db::StockDocumentRecord& document) {
    if (document.kind == "receipt") return "receipt (入库单)";
    if (document.kind == "count") return "count (盘点)";
    if (document.kind == "transfer_out") return "transfer out (调出)";
    if (document.kind == "transfer_in") return "transfer in (调入)";
    return "write-off (报损)";
}

core::Result<db::StockDocumentRecord> stock_document(db::StoreDb& store, int64_t id) {
    auto found = db::find_stock_document(store, id);
    if (!found) return storage_error(found.error());
    if (!*found)
        return make_error(ErrorCode::not_found,
                          fmt::format("there is no stock document {}: see posctl stock list", id));
    return **found;
}

core::Result<db::StockDocumentRecord> import_delivery(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store,
                                                      const DeliveryRequest& request, const std::string& now) {
    if (request.number.empty()) return make_error(ErrorCode::bad_input, "give the delivery note's number (--number)");
    if (auto clean = core::check_text("the delivery note's number", request.number, max_number_length); !clean)
        return clean.error();
    if (auto clean = core::check_text("the supplier", request.supplier, max_number_length); !clean)
        return clean.error();
    auto clerk = lane.authorize(request.by, core::Action::stock_document, "entering a delivery", "", now);
    if (!clerk) return clerk.error();
    SheetColumns columns;
    columns.unit_cost = true;
    auto sheet = read_stock_sheet(request.csv, columns, store);
    if (!sheet) return sheet.error();
    db::StockDocumentRecord document;
    document.kind = "receipt";
    document.number = request.number;
    document.party = request.supplier;
    document.created_by = clerk->operator_id;
    document.created_at = now;
    int64_t line_no = 0;
    for (const SheetLine& line : *sheet) {
        document.lines.push_back({++line_no, line.sku, line.quantity_milli, line.unit_cost_fen, std::nullopt, 0, ""});
    }
    return created(lane, lane_db, store, std::move(document), now);
}

core::Result<db::StockDocumentRecord> check_delivery(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store, int64_t id,
                                                     const CheckRequest& request, const std::string& now) {
    auto document = open_document(store, id);
    if (!document) return document;
    if (document->kind != "receipt" && document->kind != "transfer_in") {
        return make_error(ErrorCode::bad_input, fmt::format("{} {} has nothing to check on arrival",
                                                            document_label(*document), document->number));
    }
    auto clerk = lane.authorize(request.by, core::Action::stock_document, "checking a delivery", "", now);
    if (!clerk) return clerk.error();
    std::vector<db::StockDocumentLine> checked;
    if (!request.csv.empty()) {
        SheetColumns columns;
        columns.quantity = "received";
        columns.damaged = true;
        columns.reason = true;
        auto sheet = read_stock_sheet(request.csv, columns, store);
        if (!sheet) return sheet.error();
        std::vector<std::string> problems;
        for (const SheetLine& line : *sheet) {
            auto on_note = std::find_if(document->lines.begin(), document->lines.end(),
                                        [&](const db::StockDocumentLine& l) { return l.sku == line.sku; });
            if (on_note == document->lines.end()) {
                problems.push_back(
                    fmt::format("row {}, column sku: item {} is not on {} {}: goods not on the note are refused or "
                                "entered as a delivery of their own",
                                line.row, line.sku, document_label(*document), document->number));
                continue;
            }
            db::StockDocumentLine update = *on_note;
            update.received_milli = line.quantity_milli;
            update.damaged_milli = line.damaged_milli;
            update.reason = line.reason;
            checked.push_back(update);
        }
        if (!problems.empty()) {
            std::string message = "the check sheet names items that are not on the document, nothing was changed:";
            for (const std::string& problem : problems) message += "\n  " + problem;
            return make_error(ErrorCode::bad_input, message);
        }
    }
    if (request.as_noted) {
        for (const db::StockDocumentLine& line : document->lines) {
            bool in_sheet = std::any_of(checked.begin(), checked.end(),
                                        [&](const db::StockDocumentLine& c) { return c.line_no == line.line_no; });
            if (line.received_milli || in_sheet) continue;
            db::StockDocumentLine update = line;
            update.received_milli = line.expected_milli;
            checked.push_back(update);
        }
    }
    if (checked.empty()) return make_error(ErrorCode::bad_input, "give a check sheet (--file) or --as-noted");
    if (auto stored = db::check_stock_lines(store, id, checked); !stored) return storage_error(stored.error());
    auto after = stock_document(store, id);
    if (!after) return after;
    if (auto logged = audit(lane, lane_db, "stock_check", clerk->operator_id, {}, *after, now); !logged)
        return logged.error();
    return after;
}

core::Result<db::StockDocumentRecord> create_write_off(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store,
                                                       const WriteOffRequest& request, const std::string& now) {
    auto clerk = lane.authorize(request.by, core::Action::stock_document, "entering a write-off", "", now);
    if (!clerk) return clerk.error();
    SheetColumns columns;
    columns.reason_required = true;
    auto sheet = read_stock_sheet(request.csv, columns, store);
    if (!sheet) return sheet.error();
    db::StockDocumentRecord document;
    document.kind = "write_off";
    document.created_by = clerk->operator_id;
    document.created_at = now;
    int64_t line_no = 0;
    for (const SheetLine& line : *sheet) {
        document.lines.push_back({++line_no, line.sku, line.quantity_milli, 0, std::nullopt, 0, line.reason});
    }
    return created(lane, lane_db, store, std::move(document), now);
}

core::Result<std::vector<db::StockMovementRecord>> document_movements(db::StoreDb& store,
                                                                      const db::StockDocumentRecord& document,
                                                                      const std::string& now) {
    std::vector<db::StockMovementRecord> movements;
    std::string ref = document.kind + ":" + std::to_string(document.id);
    if (document.kind == "count") {
        auto variances = count_variances(store, document);
        if (!variances) return variances.error();
        if (std::none_of(variances->begin(), variances->end(), [](const CountVarianceLine& l) { return l.counted; })) {
            return make_error(ErrorCode::bad_input,
                              fmt::format("nobody has loaded a count sheet for count {} yet: posctl stock count sheet "
                                          "{} FILE --by NUMBER, or cancel the count",
                                          document.number, document.id));
        }
        int64_t line_no = 0;
        for (const CountVarianceLine& line : *variances) {
            ++line_no;
            if (!line.counted || line.variance.difference_milli == 0) continue;
            movements.push_back({0, line.sku, "count", ref, line_no, line.variance.difference_milli, std::nullopt, now,
                                 "count " + document.number});
        }
        return movements;
    }
    for (const db::StockDocumentLine& line : document.lines) {
        db::StockMovementRecord movement{0, line.sku,     document.kind, ref,        line.line_no,
                                         0, std::nullopt, now,           line.reason};
        if (document.kind == "receipt" || document.kind == "transfer_in") {
            if (!line.received_milli) {
                return make_error(
                    ErrorCode::bad_input,
                    fmt::format("line {} ({}) of {} {} is not checked yet: check what arrived first "
                                "(posctl stock receive check {} --file FILE, or --as-noted)",
                                line.line_no, line.sku, document_label(document), document.number, document.id));
            }
            core::DeliveryLineCheck check =
                core::check_delivery_line(line.expected_milli, *line.received_milli, line.damaged_milli);
            if (check.booked_milli == 0) continue;
            movement.quantity_milli = check.booked_milli;
            movement.unit_cost_fen = line.unit_cost_fen;
        } else {
            movement.quantity_milli = -line.expected_milli;
        }
        movements.push_back(movement);
    }
    return movements;
}

core::Result<db::StockDocumentRecord> approve_stock_document(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store,
                                                             int64_t id, const Approval& by, const std::string& now) {
    auto document = open_document(store, id);
    if (!document) return document;
    auto manager = lane.authorize(by, core::Action::stock_approve,
                                  fmt::format("approving {} {}", document_label(*document), document->number),
                                  document->created_by, now);
    if (!manager) return manager.error();
    auto movements = document_movements(store, *document, now);
    if (!movements) return movements.error();
    auto booked = db::book_stock_document(store, id, manager->operator_id, now, *movements);
    if (!booked) return storage_error(booked.error());
    if (!*booked)
        return make_error(ErrorCode::bad_input, fmt::format("stock document {} was booked or cancelled meanwhile", id));
    auto after = stock_document(store, id);
    if (!after) return after;
    if (auto logged = audit(lane, lane_db, "stock_approve", after->created_by, manager->operator_id, *after, now);
        !logged)
        return logged.error();
    return after;
}

core::Result<db::StockDocumentRecord> cancel_stock_document(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store,
                                                            int64_t id, const Approval& by, const std::string& now) {
    auto document = open_document(store, id);
    if (!document) return document;
    auto manager =
        lane.authorize(by, core::Action::stock_approve,
                       fmt::format("cancelling {} {}", document_label(*document), document->number), "", now);
    if (!manager) return manager.error();
    auto cancelled = db::cancel_stock_document(store, id);
    if (!cancelled) return storage_error(cancelled.error());
    auto after = stock_document(store, id);
    if (!after) return after;
    if (auto logged = audit(lane, lane_db, "stock_cancel", after->created_by, manager->operator_id, *after, now);
        !logged)
        return logged.error();
    return after;
}

}  // namespace pos::actions
