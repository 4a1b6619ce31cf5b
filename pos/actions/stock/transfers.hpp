// Transfers between stores (调拨): the sending store writes an out document (approved: the goods
// leave its ledger at moving average cost) and hands its file to the receiving store, which imports
// it as a transfer in; until that is checked and approved the goods are in transit there.
#pragma once

#include <map>
#include <string>

#include "db/store/stock.hpp"
#include "pos/actions/lane.hpp"

namespace pos::actions {

struct TransferOutRequest {
    std::string csv;       // sku,quantity
    std::string to_store;  // the receiving store's name
    Approval by;
};

// Records an open transfer out; each line carries the item's moving average cost now.
[[nodiscard]] core::Result<db::StockDocumentRecord> create_transfer_out(Lane& lane, db::LaneDb& lane_db,
                                                                        db::StoreDb& store,
                                                                        const TransferOutRequest& request,
                                                                        const std::string& now);

// The file the receiving store imports: transfer,from,to,sent_at,sku,quantity,unit_cost.
[[nodiscard]] core::Result<std::string> transfer_file(db::StoreDb& store, const db::StockDocumentRecord& transfer,
                                                      const std::string& from_store);

// Imports a transfer file as an open transfer in (in transit until approved). A transfer is
// imported once.
[[nodiscard]] core::Result<db::StockDocumentRecord> import_transfer_in(Lane& lane, db::LaneDb& lane_db,
                                                                       db::StoreDb& store, const std::string& file,
                                                                       const Approval& by, const std::string& now);

// Per item, what open transfers in are bringing.
[[nodiscard]] core::Result<std::map<std::string, int64_t>> in_transit(db::StoreDb& store);

}  // namespace pos::actions
