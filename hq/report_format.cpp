// Text, CSV, JSON and HTML of a period report; the figures are the report's, formatted only.
#include "hq/report_format.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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
    return fmt::format("Net sales by {}, {}", report.by, period_text(report.period));
}

std::string compared(const PeriodReport& report) {
    return fmt::format("previous: {}; last year: {}", period_text(report.previous), period_text(report.last_year));
}

// The column beside the key: a store's region, an item's name; none for the other breakdowns.
std::string detail_heading(const std::string& by) { return by == "store" ? "region" : by == "item" ? "name" : ""; }
std::string detail(const std::string& by, const ReportRow& row) { return by == "store" ? row.region : row.name; }

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

std::string change(int64_t net_fen, int64_t earlier_fen) {
    if (earlier_fen <= 0) return "";
    int64_t tenths =
        ((net_fen - earlier_fen) * 1000 + (net_fen >= earlier_fen ? 1 : -1) * earlier_fen / 2) / earlier_fen;
    int64_t magnitude = tenths < 0 ? -tenths : tenths;
    return fmt::format("{}{}.{}%", tenths < 0 ? "-" : "+", magnitude / 10, magnitude % 10);
}

std::string period_text(const Period& period) {
    if (period.kind == "day") return "day " + period.first;
    if (period.kind == "range") return period.first + " to " + period.last;
    return period.kind + " " + period.first + " to " + period.last;
}

std::string report_text(const PeriodReport& report) {
    std::string heading = detail_heading(report.by);
    size_t key_width = std::max<size_t>(columns(report.by), 6);
    for (const ReportRow& row : report.rows) {
        std::string extra = detail(report.by, row);
        key_width = std::max(key_width, columns(row.key) + (heading.empty() ? 0 : columns(extra) + 1));
    }
    std::string out = title(report) + "\n" + compared(report) + "\n\n";
    const char* layout = " {:>6} {:>8} {:>7} {:>12} {:>12} {:>7} {:>12} {:>7} {:>12} {:>8}\n";
    out += left(report.by, key_width) + fmt::format(fmt::runtime(layout), "stores", "tickets", "returns", "net",
                                                    "previous", "change", "last year", "change", "target", "attained");
    auto line = [&](const ReportRow& row, const std::string& key) {
        out += left(key, key_width) +
               fmt::format(fmt::runtime(layout), row.stores, row.tickets, row.returns, yuan(row.net_fen),
                           yuan(row.previous_net_fen), change(row.net_fen, row.previous_net_fen),
                           yuan(row.last_year_net_fen), change(row.net_fen, row.last_year_net_fen), target_text(row),
                           attainment(row));
    };
    for (const ReportRow& row : report.rows)
        line(row, heading.empty() ? row.key : row.key + " " + detail(report.by, row));
    line(report.total, "total");
    auto stores = [&](const char* heading_text, const std::vector<ReportRow>& rows) {
        if (rows.empty()) return;
        out += std::string("\n") + heading_text + ":";
        const char* separator = " ";
        for (const ReportRow& row : rows) {
            std::string attained = attainment(row);
            out += fmt::format("{}{} {} {}{}", separator, row.key, row.region, yuan(row.net_fen),
                               attained.empty() ? "" : " (" + attained + " of target)");
            separator = ", ";
        }
    };
    stores("Top stores", report.top_stores);
    stores("Bottom stores", report.bottom_stores);
    if (!report.top_stores.empty()) out += "\n";
    return out;
}

std::string report_csv(const PeriodReport& report) {
    std::string heading = detail_heading(report.by);
    std::string out = report.by + (heading.empty() ? "" : "," + heading) +
                      ",period_first,period_last,stores,tickets,returns,net,target,attained,previous_net,"
                      "previous_change,last_year_net,last_year_change\n";
    auto line = [&](const ReportRow& row) {
        out += csv_field(row.key) + (heading.empty() ? "" : "," + csv_field(detail(report.by, row)));
        out += fmt::format(",{},{},{},{},{},{},{},{},{},{},{},{}\n", report.period.first, report.period.last,
                           row.stores, row.tickets, row.returns, yuan(row.net_fen), target_text(row), attainment(row),
                           yuan(row.previous_net_fen), change(row.net_fen, row.previous_net_fen),
                           yuan(row.last_year_net_fen), change(row.net_fen, row.last_year_net_fen));
    };
    for (const ReportRow& row : report.rows) line(row);
    line(report.total);
    return out;
}

std::string report_json(const PeriodReport& report) {
    auto period = [](const Period& p) {
        return nlohmann::json{{"kind", p.kind}, {"first", p.first}, {"last", p.last}};
    };
    auto row_json = [](const ReportRow& row) {
        nlohmann::json out{{"key", row.key},
                           {"region", row.region},
                           {"name", row.name},
                           {"stores", row.stores},
                           {"tickets", row.tickets},
                           {"returns", row.returns},
                           {"net", yuan(row.net_fen)},
                           {"previous_net", yuan(row.previous_net_fen)},
                           {"previous_change", change(row.net_fen, row.previous_net_fen)},
                           {"last_year_net", yuan(row.last_year_net_fen)},
                           {"last_year_change", change(row.net_fen, row.last_year_net_fen)},
                           {"target", row.target_fen ? nlohmann::json(yuan(*row.target_fen)) : nlohmann::json()},
                           {"attained", attainment(row)}};
        return out;
    };
    auto rows_json = [&](const std::vector<ReportRow>& rows) {
        nlohmann::json out = nlohmann::json::array();
        for (const ReportRow& row : rows) out.push_back(row_json(row));
        return out;
    };
    nlohmann::json out{{"by", report.by},
                       {"period", period(report.period)},
                       {"previous", period(report.previous)},
                       {"last_year", period(report.last_year)},
                       {"rows", rows_json(report.rows)},
                       {"total", row_json(report.total)},
                       {"top_stores", rows_json(report.top_stores)},
                       {"bottom_stores", rows_json(report.bottom_stores)}};
    return out.dump(2) + "\n";
}

std::string report_html(const PeriodReport& report) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" +
                      escaped(title(report)) +
                      "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                      "td,th{padding:4px 10px;border-bottom:1px solid #ddd}td.n{text-align:right}"
                      "tr.total td{font-weight:bold}.up{color:#17803d}.down{color:#b42318}"
                      ".legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 14px}</style></head>\n"
                      "<body><h1>" +
                      escaped(title(report)) + "</h1>\n<p>" + escaped(compared(report)) + "</p>\n";
    // Bars on one scale for every row: net in blue, the previous period in grey and last year in
    // amber beneath it, the target as a black tick. At most the first 30 rows: the table has all.
    const size_t charted = std::min<size_t>(report.rows.size(), 30);
    int64_t scale = 1;
    for (size_t i = 0; i < charted; ++i) {
        const ReportRow& row = report.rows[i];
        scale = std::max({scale, row.net_fen, row.previous_net_fen, row.last_year_net_fen, row.target_fen.value_or(0)});
    }
    out +=
        "<p class=\"legend\"><span style=\"background:#3b7dd8\"></span>net<span style=\"background:#9aa4b2\"></span>"
        "previous<span style=\"background:#e8a33d\"></span>last year<span style=\"background:#000;width:3px\">"
        "</span>target</p>\n";
    const int bar_width = 480, row_height = 34, label_width = 220;
    out += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" role=\"img\">\n",
                       label_width + bar_width + 100, row_height * static_cast<int>(charted) + 10);
    auto length = [&](int64_t fen) { return static_cast<int>(std::max<int64_t>(fen, 0) * bar_width / scale); };
    int y = 5;
    for (size_t i = 0; i < charted; ++i) {
        const ReportRow& row = report.rows[i];
        std::string label = row.key + (row.name.empty() || report.by == "store" ? "" : " " + row.name);
        out += fmt::format("<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text>", y + 16, escaped(label.substr(0, 60)));
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#3b7dd8\"/>", label_width, y,
                           length(row.net_fen));
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"5\" fill=\"#9aa4b2\"/>", label_width, y + 18,
                           length(row.previous_net_fen));
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"5\" fill=\"#e8a33d\"/>", label_width, y + 24,
                           length(row.last_year_net_fen));
        if (row.target_fen) {
            out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"3\" height=\"30\" fill=\"#000\"/>",
                               label_width + length(*row.target_fen), y - 1);
        }
        // The figure right of both the bar and the tick, never under the tick.
        int figure_x =
            label_width + std::max(length(row.net_fen), row.target_fen ? length(*row.target_fen) + 3 : 0) + 6;
        out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>\n", figure_x, y + 13,
                           attainment(row).empty() ? yuan(row.net_fen) : attainment(row));
        y += row_height;
    }
    std::string heading = detail_heading(report.by);
    out += "</svg>\n<table><tr><th>" + escaped(report.by) + "</th>" +
           (heading.empty() ? "" : "<th>" + heading + "</th>") +
           "<th>stores</th><th>tickets</th><th>returns</th><th>net</th><th>previous</th><th>change</th>"
           "<th>last year</th><th>change</th><th>target</th><th>attained</th></tr>\n";
    auto changed = [](int64_t net, int64_t earlier) {
        std::string text = change(net, earlier);
        return fmt::format("<td class=\"n {}\">{}</td>", text.starts_with('-') ? "down" : "up", text);
    };
    auto line = [&](const ReportRow& row, const char* css) {
        out += fmt::format(
            "<tr class=\"{}\"><td>{}</td>{}<td class=\"n\">{}</td><td class=\"n\">{}</td>"
            "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>{}"
            "<td class=\"n\">{}</td>{}<td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
            css, escaped(row.key), heading.empty() ? "" : "<td>" + escaped(detail(report.by, row)) + "</td>",
            row.stores, row.tickets, row.returns, yuan(row.net_fen), yuan(row.previous_net_fen),
            changed(row.net_fen, row.previous_net_fen), yuan(row.last_year_net_fen),
            changed(row.net_fen, row.last_year_net_fen), target_text(row), attainment(row));
    };
    for (const ReportRow& row : report.rows) line(row, "");
    line(report.total, "total");
    out += "</table>\n";
    auto stores = [&](const char* heading_text, const std::vector<ReportRow>& rows) {
        if (rows.empty()) return;
        out += std::string("<h2>") + heading_text + "</h2>\n<ol>";
        for (const ReportRow& row : rows) {
            std::string attained = attainment(row);
            out += fmt::format("<li>{} {} ({}): {}{}</li>", escaped(row.key), escaped(row.name), escaped(row.region),
                               yuan(row.net_fen), attained.empty() ? "" : ", " + attained + " of target");
        }
        out += "</ol>\n";
    };
    stores("Top stores", report.top_stores);
    stores("Bottom stores", report.bottom_stores);
    return out + "</body></html>\n";
}

}  // namespace pos::hq
