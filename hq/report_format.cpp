// Text, CSV and HTML of a period report; the figures are the report's, formatted only.
#include "hq/report_format.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pos::hq {
namespace {

// Terminal columns of UTF-8 text: East Asian wide characters take two.
size_t columns(const std::string& text) {
    size_t width = 0;
    for (size_t i = 0; i < text.size();) {
        auto lead = static_cast<unsigned char>(text[i]);
        size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        width += length >= 3 ? 2 : 1;
        i += length;
    }
    return width;
}

std::string left(const std::string& text, size_t width) {
    return text + std::string(width > columns(text) ? width - columns(text) : 0, ' ');
}

std::string title(const PeriodReport& report) {
    return fmt::format("Net sales by {}, {} {} to {}", report.by, report.period.kind, report.period.first,
                       report.period.last);
}

std::string target_text(const ReportRow& row) { return row.target_fen ? yuan(*row.target_fen) : ""; }

std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

std::string yuan(int64_t fen) {
    int64_t magnitude = fen < 0 ? -fen : fen;
    return fmt::format("{}{}.{:02}", fen < 0 ? "-" : "", magnitude / 100, magnitude % 100);
}

std::optional<int64_t> parse_yuan(const std::string& text) {
    size_t dot = text.find('.');
    std::string whole = text.substr(0, dot);
    std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 13 || fraction.size() > 2 || (dot != std::string::npos && fraction.empty()))
        return std::nullopt;
    int64_t fen = 0;
    for (char digit : whole + fraction + std::string(2 - fraction.size(), '0')) {
        if (digit < '0' || digit > '9') return std::nullopt;
        fen = fen * 10 + (digit - '0');
    }
    return fen;
}

std::string attainment(const ReportRow& row) {
    if (!row.target_fen || *row.target_fen == 0) return "";
    int64_t tenths = (row.net_fen * 1000 + *row.target_fen / 2) / *row.target_fen;
    return fmt::format("{}.{}%", tenths / 10, tenths % 10);
}

std::string report_text(const PeriodReport& report) {
    size_t key_width = std::max<size_t>(columns(report.by), 6);
    for (const ReportRow& row : report.rows) {
        key_width = std::max(key_width, columns(row.key) + (report.by == "store" ? columns(row.region) + 1 : 0));
    }
    std::string out = title(report) + "\n\n";
    out += left(report.by, key_width) + fmt::format(" {:>6} {:>8} {:>7} {:>14} {:>14} {:>8}\n", "stores", "tickets",
                                                    "returns", "net", "target", "attained");
    auto line = [&](const ReportRow& row, const std::string& key) {
        out += left(key, key_width) + fmt::format(" {:>6} {:>8} {:>7} {:>14} {:>14} {:>8}\n", row.stores, row.tickets,
                                                  row.returns, yuan(row.net_fen), target_text(row), attainment(row));
    };
    for (const ReportRow& row : report.rows) line(row, report.by == "store" ? row.key + " " + row.region : row.key);
    line(report.total, "total");
    return out;
}

std::string report_csv(const PeriodReport& report) {
    std::string out = report.by + ",region,period_first,period_last,stores,tickets,returns,net,target,attained\n";
    auto line = [&](const ReportRow& row) {
        out += fmt::format("{},{},{},{},{},{},{},{},{},{}\n", csv_field(row.key), csv_field(row.region),
                           report.period.first, report.period.last, row.stores, row.tickets, row.returns,
                           yuan(row.net_fen), target_text(row), attainment(row));
    };
    for (const ReportRow& row : report.rows) line(row);
    line(report.total);
    return out;
}

std::string report_html(const PeriodReport& report) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" +
                      escaped(title(report)) +
                      "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                      "td,th{padding:4px 10px;border-bottom:1px solid #ddd}td.n{text-align:right}</style></head>\n"
                      "<body><h1>" +
                      escaped(title(report)) + "</h1>\n";
    // Bars: net in blue, the target as a black tick, on one scale for every row.
    int64_t scale = 1;
    for (const ReportRow& row : report.rows) scale = std::max({scale, row.net_fen, row.target_fen.value_or(0)});
    const int bar_width = 480, row_height = 26, label_width = 200;
    out += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" role=\"img\">\n",
                       label_width + bar_width + 90, row_height * static_cast<int>(report.rows.size()) + 10);
    int y = 5;
    for (const ReportRow& row : report.rows) {
        auto length = static_cast<int>(std::max<int64_t>(row.net_fen, 0) * bar_width / scale);
        out += fmt::format("<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text>", y + 16, escaped(row.key));
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"#3b7dd8\"/>", label_width, y,
                           length);
        if (row.target_fen) {
            auto tick = static_cast<int>(*row.target_fen * bar_width / scale);
            out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"3\" height=\"22\" fill=\"#000\"/>", label_width + tick,
                               y - 2);
        }
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>\n", label_width + length + 6, y + 14,
                           attainment(row).empty() ? yuan(row.net_fen) : attainment(row));
        y += row_height;
    }
    out += "</svg>\n<table><tr><th>" + escaped(report.by) +
           "</th><th>region</th><th>stores</th><th>tickets</th><th>returns</th><th>net</th><th>target</th>"
           "<th>attained</th></tr>\n";
    auto line = [&](const ReportRow& row) {
        out += fmt::format(
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
            "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            escaped(row.key), escaped(row.region), row.stores, row.tickets, row.returns, yuan(row.net_fen),
            target_text(row), attainment(row));
    };
    for (const ReportRow& row : report.rows) line(row);
    line(report.total);
    return out + "</table></body></html>\n";
}

}  // namespace pos::hq
