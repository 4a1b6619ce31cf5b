// The stock report from the ledger: quantities summed per kind of movement, valued at moving average cost.
#include "pos/actions/stock/stock_report.hpp"

#include <map>

#include <fmt/format.h>

#include "db/store/stock.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/stock/stock_sheet.hpp"
#include "pos/actions/stock/stock_valuation.hpp"
#include "pos/core/csv.hpp"
#include "pos/core/stock.hpp"

namespace pos::actions {
namespace {

std::string html_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::vector<std::string> cells(const StockReportLine& line) {
    auto q = [&](int64_t milli) { return core::stock_quantity_text(milli, line.weighed); };
    return {line.sku,
            line.name,
            line.department,
            q(line.opening_milli),
            q(line.received_milli),
            q(line.sold_milli),
            q(line.sent_milli),
            q(line.adjusted_milli),
            q(line.closing_milli),
            core::Money::fen(line.unit_cost_fen).to_string(),
            line.value.to_string()};
}

const std::vector<std::string> headings = {"sku",  "name",     "department", "opening",   "received", "sold",
                                           "sent", "adjusted", "closing",    "unit_cost", "value"};

}  // namespace

core::Result<StockReport> load_stock_report(db::StoreDb& store, const std::string& from, const std::string& until) {
    StockReport report{from, until, {}, {}};
    auto opening = db::stock_on_hand(store, from);
    if (!opening) return storage_error(opening.error());
    auto closing = db::stock_on_hand(store, until);
    if (!closing) return storage_error(closing.error());
    auto totals = db::stock_movement_totals(store, from, until);
    if (!totals) return storage_error(totals.error());
    auto positions = stock_positions(store);
    if (!positions) return positions.error();
    std::map<std::string, StockReportLine> lines;
    for (const auto& [sku, milli] : *opening) lines[sku].opening_milli = milli;
    for (const auto& [sku, milli] : *closing) lines[sku].closing_milli = milli;
    for (const db::StockMovementTotal& total : *totals) {
        StockReportLine& line = lines[total.sku];
        if (total.kind == "receipt" || total.kind == "transfer_in")
            line.received_milli += total.quantity_milli;
        else if (total.kind == "sale" || total.kind == "return")
            line.sold_milli -= total.quantity_milli;
        else if (total.kind == "transfer_out" || total.kind == "write_off")
            line.sent_milli -= total.quantity_milli;
        else
            line.adjusted_milli += total.quantity_milli;
    }
    for (auto& [sku, line] : lines) {
        line.sku = sku;
        auto item = store.find_item_by_sku(sku);
        if (!item) return storage_error(item.error());
        if (*item) {
            line.name = (**item).name_zh;
            line.department = (**item).department;
            line.weighed = (**item).sale_unit == "weight";
        }
        if (positions->count(sku)) line.unit_cost_fen = positions->at(sku).unit_cost_fen;
        line.value = core::stock_value(line.closing_milli, line.unit_cost_fen);
        report.total_value += line.value;
        report.lines.push_back(line);
    }
    return report;
}

std::string stock_report_text(const StockReport& report) {
    std::string text = fmt::format("stock report (库存报表) from {} to {}\n", report.from, report.until);
    text += fmt::format("{:<8} {} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8} {:>10}\n", "sku", fit_columns("item", 20),
                        "opening", "received", "sold", "sent", "adjusted", "closing", "cost", "value");
    for (const StockReportLine& line : report.lines) {
        std::vector<std::string> c = cells(line);
        text += fmt::format("{:<8} {} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>8} {:>10}\n", c[0], fit_columns(c[1], 20),
                            c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]);
    }
    text += fmt::format("{} items, stock value {}\n", report.lines.size(), report.total_value.to_string());
    return text;
}

std::string stock_report_csv(const StockReport& report) {
    std::string csv = stock_csv_row(headings);
    for (const StockReportLine& line : report.lines) csv += stock_csv_row(cells(line));
    return csv;
}

std::string stock_report_html(const StockReport& report, const std::string& store_name) {
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>库存报表 Stock report</title>"
        "<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px "
        "6px}td.n{text-align:right}</style></head><body>\n";
    html += fmt::format("<h1>{} — 库存报表 Stock report</h1>\n<p>{} – {}</p>\n<table>\n<tr>", html_escaped(store_name),
                        html_escaped(report.from), html_escaped(report.until));
    for (const std::string& heading : headings) html += "<th>" + heading + "</th>";
    html += "</tr>\n";
    for (const StockReportLine& line : report.lines) {
        std::vector<std::string> c = cells(line);
        html += "<tr>";
        for (size_t i = 0; i < c.size(); ++i)
            html += (i >= 3 ? "<td class=\"n\">" : "<td>") + html_escaped(c[i]) + "</td>";
        html += "</tr>\n";
    }
    html += fmt::format("</table>\n<p>{} items, stock value {}</p>\n</body></html>\n", report.lines.size(),
                        report.total_value.to_string());
    return html;
}

}  // namespace pos::actions
