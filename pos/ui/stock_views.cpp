// The stock screens' snapshots: documents as list rows, a count's variance, a delivery's check and
// the stock report as tables of formatted cells.
#include "pos/ui/stock_views.hpp"

#include "pos/core/stock.hpp"

namespace pos::ui {

using core::stock_quantity_text;

namespace {

std::string name_of(const actions::StockDeskDocument& desk, const std::string& sku) {
    auto found = desk.names.find(sku);
    return found == desk.names.end() ? std::string() : found->second;
}

bool weighed_of(const actions::StockDeskDocument& desk, const std::string& sku) {
    auto found = desk.weighed.find(sku);
    return found != desk.weighed.end() && found->second;
}

std::string cost_text(int64_t fen) { return core::Money::fen(fen).to_string(); }

int sign_of(int64_t value) { return value < 0 ? -1 : (value > 0 ? 1 : 0); }

// A count: the items counted so far against what the ledger expected, valued at average cost.
void count_table(const actions::StockDeskDocument& desk, const Strings& tr, StockDeskDocumentView& view) {
    view.table.headers = {"stock.col.sku",      "stock.col.item",    "stock.col.snapshot", "stock.col.moved",
                          "stock.col.expected", "stock.col.counted", "stock.col.diff",     "stock.col.value"};
    core::Money shortage;
    core::Money surplus;
    size_t counted = 0;
    for (const actions::CountVarianceLine& line : desk.variance) {
        if (!line.counted) continue;
        ++counted;
        view.table.rows.push_back({line.sku, line.name, stock_quantity_text(line.snapshot_milli, line.weighed),
                                   stock_quantity_text(line.moved_milli, line.weighed),
                                   stock_quantity_text(line.variance.expected_milli, line.weighed),
                                   stock_quantity_text(line.variance.counted_milli, line.weighed),
                                   stock_quantity_text(line.variance.difference_milli, line.weighed),
                                   line.variance.value.to_string()});
        view.table.signs.push_back(sign_of(line.variance.difference_milli));
        (line.variance.value < core::Money{} ? shortage : surplus) += line.variance.value;
    }
    view.totals = tr.format("stock.variance_totals", shortage.to_string(), surplus.to_string(),
                            (shortage + surplus).to_string(), counted, desk.variance.size());
}

// A delivery or transfer in: the note's quantity against what was checked so far.
void receipt_table(const actions::StockDeskDocument& desk, const Strings& tr, StockDeskDocumentView& view) {
    view.table.headers = {"stock.col.sku",      "stock.col.item",       "stock.col.noted",  "stock.col.cost",
                          "stock.col.received", "stock.col.short_over", "stock.col.damaged"};
    size_t unchecked = 0;
    for (const db::StockDocumentLine& line : desk.document.lines) {
        bool weighed = weighed_of(desk, line.sku);
        std::vector<std::string> cells{line.sku, name_of(desk, line.sku),
                                       stock_quantity_text(line.expected_milli, weighed),
                                       cost_text(line.unit_cost_fen)};
        int sign = 0;
        if (line.received_milli) {
            core::DeliveryLineCheck check =
                core::check_delivery_line(line.expected_milli, *line.received_milli, line.damaged_milli);
            cells.push_back(stock_quantity_text(*line.received_milli, weighed));
            sign = check.short_milli > 0 ? -1 : (check.over_milli > 0 ? 1 : 0);
            cells.push_back(check.short_milli > 0  ? "-" + stock_quantity_text(check.short_milli, weighed)
                            : check.over_milli > 0 ? "+" + stock_quantity_text(check.over_milli, weighed)
                                                   : "0");
        } else {
            ++unchecked;
            cells.push_back(tr("stock.not_checked"));
            cells.push_back("");
        }
        std::string damaged = line.damaged_milli > 0 ? stock_quantity_text(line.damaged_milli, weighed) : "";
        if (!line.reason.empty()) damaged += " " + line.reason;
        cells.push_back(damaged);
        view.table.rows.push_back(std::move(cells));
        view.table.signs.push_back(sign);
    }
    view.totals = unchecked == 0 ? tr("stock.all_checked") : tr.format("stock.unchecked", unchecked);
}

// A transfer out or a write-off: what leaves the store.
void outgoing_table(const actions::StockDeskDocument& desk, StockDeskDocumentView& view) {
    view.table.headers = {"stock.col.sku", "stock.col.item", "stock.col.quantity", "stock.col.reason"};
    for (const db::StockDocumentLine& line : desk.document.lines) {
        view.table.rows.push_back({line.sku, name_of(desk, line.sku),
                                   stock_quantity_text(line.expected_milli, weighed_of(desk, line.sku)), line.reason});
        view.table.signs.push_back(0);
    }
}

}  // namespace

StockDocumentRow make_stock_document_row(const db::StockDocumentRecord& document, const Strings& tr) {
    StockDocumentRow row;
    row.id = document.id;
    row.kind = document.kind;
    row.receive = document.kind == "receipt" || document.kind == "transfer_in";
    std::string about = document.kind == "count"
                            ? (document.department.empty() ? std::string(tr("stock.whole_store")) : document.department)
                            : document.party;
    row.title =
        tr.format("stock.document_title", document.id, tr("stock.kind." + document.kind), document.number, about);
    std::string created = document.created_at.substr(0, 16);
    if (created.size() > 10) created[10] = ' ';
    row.detail = tr.format("stock.document_detail", created, document.created_by);
    return row;
}

std::vector<StockScanLine> make_stock_scan_lines(const std::vector<actions::StockScanTotal>& totals, bool receive) {
    std::vector<StockScanLine> lines;
    for (const actions::StockScanTotal& total : totals) {
        StockScanLine line;
        line.sku = total.sku;
        line.name = total.name;
        line.quantity = stock_quantity_text(total.quantity_milli, total.weighed);
        if (receive && total.damaged_milli > 0) line.damaged = stock_quantity_text(total.damaged_milli, total.weighed);
        line.scans = total.scans;
        lines.push_back(std::move(line));
    }
    return lines;
}

StockDeskDocumentView make_stock_desk_document(const actions::StockDeskDocument& desk, const Strings& tr) {
    StockDeskDocumentView view;
    view.row = make_stock_document_row(desk.document, tr);
    if (desk.document.kind == "count")
        count_table(desk, tr, view);
    else if (view.row.receive)
        receipt_table(desk, tr, view);
    else
        outgoing_table(desk, view);
    if (!desk.refused.empty()) {
        view.refused = tr.format("stock.refused", desk.refused.size(), desk.refused.front().refused);
    }
    return view;
}

StockTable make_stock_report_table(const actions::StockReport& report) {
    StockTable table;
    table.headers = {"stock.col.sku",  "stock.col.item",     "stock.col.opening", "stock.col.in",   "stock.col.sold",
                     "stock.col.sent", "stock.col.adjusted", "stock.col.closing", "stock.col.cost", "stock.col.value"};
    for (const actions::StockReportLine& line : report.lines) {
        table.rows.push_back(
            {line.sku, line.name, stock_quantity_text(line.opening_milli, line.weighed),
             stock_quantity_text(line.received_milli, line.weighed), stock_quantity_text(line.sold_milli, line.weighed),
             stock_quantity_text(line.sent_milli, line.weighed), stock_quantity_text(line.adjusted_milli, line.weighed),
             stock_quantity_text(line.closing_milli, line.weighed), cost_text(line.unit_cost_fen),
             line.value.to_string()});
        table.signs.push_back(0);
    }
    return table;
}

}  // namespace pos::ui
