// The open stock documents and one document as the 库存 screen shows it.
#include "pos/actions/stock/stock_desk.hpp"

#include "pos/actions/records.hpp"
#include "pos/actions/stock/stock_documents.hpp"

namespace pos::actions {

core::Result<std::vector<db::StockDocumentRecord>> open_stock_documents(db::StoreDb& store) {
    auto documents = db::list_stock_documents(store);
    if (!documents) return storage_error(documents.error());
    std::vector<db::StockDocumentRecord> open;
    for (db::StockDocumentRecord& document : *documents) {
        if (document.status == "open") open.push_back(std::move(document));
    }
    return open;
}

core::Result<StockDeskDocument> stock_desk_document(db::StoreDb& store, int64_t id) {
    auto document = stock_document(store, id);
    if (!document) return document.error();
    StockDeskDocument desk;
    desk.document = *document;
    for (const db::StockDocumentLine& line : document->lines) {
        auto item = store.find_item_by_sku(line.sku);
        if (!item) return storage_error(item.error());
        if (*item) {
            desk.names[line.sku] = (*item)->name_zh;
            desk.weighed[line.sku] = (*item)->sale_unit == "weight";
        }
    }
    if (document->kind == "count") {
        auto variance = count_variances(store, *document);
        if (!variance) return variance.error();
        desk.variance = std::move(*variance);
    }
    auto scans = db::stock_scans_of(store, id);
    if (!scans) return storage_error(scans.error());
    for (db::FiledStockScan& scan : *scans) {
        if (!scan.refused.empty()) desk.refused.push_back(std::move(scan));
    }
    return desk;
}

}  // namespace pos::actions
