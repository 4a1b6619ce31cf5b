// Stock documents through their life: a delivery (配送单) imported and checked line by line, a
// write-off, and the manager's approval that books any open document (receipt, count, transfer,
// write-off) into the ledger in one transaction. Counts: stocktake.hpp; transfers: transfers.hpp.
// Every step is authorised through the permission table and written to the audit log.
#pragma once

#include <string>
#include <vector>

#include "db/store/stock.hpp"
#include "pos/actions/lane.hpp"

namespace pos::actions {

struct DeliveryRequest {
    std::string csv;       // sku,quantity,unit_cost
    std::string number;    // the delivery note's number (配送单号)
    std::string supplier;  // distribution centre or supplier
    Approval by;           // the stock clerk
};

// Records the delivery as an open receipt whose lines are not checked yet. Returns it.
[[nodiscard]] core::Result<db::StockDocumentRecord> import_delivery(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store,
                                                                    const DeliveryRequest& request,
                                                                    const std::string& now);

struct CheckRequest {
    std::string csv;        // sku,received[,damaged][,reason]; empty with as_noted
    bool as_noted = false;  // every line not yet checked arrived as the note says
    Approval by;
};

// Records what arrived on an open receipt or transfer in. Returns the document.
[[nodiscard]] core::Result<db::StockDocumentRecord> check_delivery(Lane& lane, db::LaneDb& lane_db, db::StoreDb& store,
                                                                   int64_t id, const CheckRequest& request,
                                                                   const std::string& now);

struct WriteOffRequest {
    std::string csv;  // sku,quantity,reason
    Approval by;
};
[[nodiscard]] core::Result<db::StockDocumentRecord> create_write_off(Lane& lane, db::LaneDb& lane_db,
                                                                     db::StoreDb& store, const WriteOffRequest& request,
                                                                     const std::string& now);

// A manager other than the document's creator books it: what it posts depends on its kind
// (stocktake.hpp for counts). Every line of a receipt or transfer in must be checked first.
[[nodiscard]] core::Result<db::StockDocumentRecord> approve_stock_document(Lane& lane, db::LaneDb& lane_db,
                                                                           db::StoreDb& store, int64_t id,
                                                                           const Approval& by, const std::string& now);

// Cancels an open document (a manager); nothing is posted.
[[nodiscard]] core::Result<db::StockDocumentRecord> cancel_stock_document(Lane& lane, db::LaneDb& lane_db,
                                                                          db::StoreDb& store, int64_t id,
                                                                          const Approval& by, const std::string& now);

// The document, or not_found naming how to list them.
[[nodiscard]] core::Result<db::StockDocumentRecord> stock_document(db::StoreDb& store, int64_t id);

// The movements booking `document` would post, given its count entries when it is a count.
[[nodiscard]] core::Result<std::vector<db::StockMovementRecord>> document_movements(
    db::StoreDb& store, const db::StockDocumentRecord& document, const std::string& now);

// "receipt", "count", ... as people say them: 入库单 receipt, 盘点 count, 调拨 transfer.
[[nodiscard]] std::string document_label(const db::StockDocumentRecord& document);

}  // namespace pos::actions
