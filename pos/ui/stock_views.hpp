// What the stock screens draw (盘点/验收 at a lane, 库存 for managers): snapshots made from the
// store's documents and the lane's own scans, every figure already formatted.
#pragma once

#include <string>
#include <vector>

#include "pos/actions/stock/stock_desk.hpp"
#include "pos/actions/stock/stock_report.hpp"
#include "pos/actions/stock/stock_scanning.hpp"
#include "pos/ui/strings.hpp"

namespace pos::ui {

// One open document as a line of a list: "C2 盘点 饮料", who opened it and when.
struct StockDocumentRow {
    int64_t id = 0;
    std::string kind;      // receipt, count, transfer_out, transfer_in, write_off
    bool receive = false;  // checked on arrival (a receipt or a transfer in)
    std::string title;
    std::string detail;
};

// One item this lane has scanned into the document, with its running quantity.
struct StockScanLine {
    std::string sku;
    std::string name;
    std::string quantity;
    std::string damaged;  // receive only; empty when none
    int64_t scans = 0;
};

struct StockScanView {
    std::vector<StockDocumentRow> documents;  // the store's open counts and deliveries (direct mode)
    std::string documents_problem;            // why there is no list: the number is typed instead
    std::string title;                        // the document scanned into
    std::vector<StockScanLine> lines;
    std::string scale;  // the scale's reading while counting on a lane with one; empty without
};

// A table of a document's lines: headers (translation ids), cells, and per row the sign of what
// it reports (−1 short, +1 over) for its colour.
struct StockTable {
    std::vector<const char*> headers;
    std::vector<std::vector<std::string>> rows;
    std::vector<int> signs;
};

struct StockDeskDocumentView {
    StockDocumentRow row;
    StockTable table;
    std::string totals;   // a count: shortage, surplus, net and how many items were counted
    std::string refused;  // scans the store kept aside for this document, with why
};

struct StockDeskView {
    std::vector<StockDeskDocumentView> documents;  // the open ones, newest first
    std::string report_title;
    StockTable report;
    std::string report_total;
};

[[nodiscard]] StockDocumentRow make_stock_document_row(const db::StockDocumentRecord& document, const Strings& tr);
[[nodiscard]] std::vector<StockScanLine> make_stock_scan_lines(const std::vector<actions::StockScanTotal>& totals,
                                                               bool receive);
[[nodiscard]] StockDeskDocumentView make_stock_desk_document(const actions::StockDeskDocument& desk, const Strings& tr);
[[nodiscard]] StockTable make_stock_report_table(const actions::StockReport& report);

}  // namespace pos::ui
