// The back office's reading of the stock documents for pos's 库存 screen: the open documents, and
// one document with what the screen shows of it (a count's variance report, a delivery's lines as
// checked so far, the scans from the lanes the store could not file). Changes go through
// stock_documents.hpp and stock_scanning.hpp, as for posctl and action scripts.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "db/store/stock.hpp"
#include "db/store/stock_scans.hpp"
#include "pos/actions/stock/stocktake.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

// Every open document, newest first.
[[nodiscard]] core::Result<std::vector<db::StockDocumentRecord>> open_stock_documents(db::StoreDb& store);

struct StockDeskDocument {
    db::StockDocumentRecord document;
    std::vector<CountVarianceLine> variance;   // a count: every item, counted or not
    std::vector<db::FiledStockScan> refused;   // lanes' scans the store could not file, with why
    std::map<std::string, std::string> names;  // sku -> name, for the lines
    std::map<std::string, bool> weighed;       // sku -> sold by weight
};

[[nodiscard]] core::Result<StockDeskDocument> stock_desk_document(db::StoreDb& store, int64_t id);

}  // namespace pos::actions
