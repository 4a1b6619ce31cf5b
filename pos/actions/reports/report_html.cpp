// The daily report as one self-contained HTML file: inline CSS, inline SVG charts (net sales by
// hour, the tender split), every text escaped. Nothing is fetched when it opens.
#include <algorithm>

#include <fmt/format.h>

#include "pos/actions/reports/daily_report.hpp"

namespace pos::actions {
namespace {

std::string escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.push_back(ch);
        }
    }
    return out;
}

const char* const palette[] = {"#2f6fb0", "#e07b22", "#3a9a4a", "#b8433c", "#7b5ea7", "#8c6d3f", "#c0568f", "#5f7f8f"};

// Net sales by hour, 00 to 23, one bar per hour scaled to the busiest; the amount above each bar.
std::string hourly_svg(const core::DayFigures& day) {
    constexpr int width = 720, height = 220, left = 10, bottom = 30, top = 24, slot = 29;
    int64_t peak = 1;
    for (const core::BreakdownRow& row : day.by_hour) peak = std::max(peak, row.net.in_fen());
    std::string svg = fmt::format(
        "<svg id=\"hourly-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" role=\"img\" "
        "aria-label=\"Net sales by hour\"><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#888\"/>",
        width, height, left, height - bottom, left + 24 * slot, height - bottom);
    for (int hour = 0; hour < 24; ++hour) {
        int x = left + hour * slot;
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{:02}</text>", x + slot / 2,
                           height - bottom + 14, hour);
        std::string key = fmt::format("{:02}", hour);
        auto found =
            std::find_if(day.by_hour.begin(), day.by_hour.end(), [&](const auto& row) { return row.key == key; });
        if (found == day.by_hour.end() || found->net.in_fen() <= 0) continue;
        int bar = int(found->net.in_fen() * (height - bottom - top) / peak);
        svg += fmt::format(
            "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\">"
            "<title>{}:00 {} ({} tickets)</title></rect>",
            x + 3, height - bottom - bar, slot - 6, bar, palette[0], key, found->net.to_string(), found->tickets);
        svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"8\" text-anchor=\"middle\">{}</text>", x + slot / 2,
                           height - bottom - bar - 3, found->net.in_fen() / 100);
    }
    return svg + "</svg>";
}

// The tender split as one stacked bar with a legend; only tenders with a positive net take room.
std::string tender_svg(const core::DayFigures& day) {
    constexpr int width = 720, bar_height = 36;
    int64_t total = 0;
    for (const core::BreakdownRow& row : day.by_tender) total += std::max<int64_t>(0, row.net.in_fen());
    int rows = int(day.by_tender.size());
    std::string svg = fmt::format(
        "<svg id=\"tender-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" role=\"img\" "
        "aria-label=\"Tender split\">",
        width, bar_height + 16 + 18 * std::max(rows, 1));
    int x = 0;
    int index = 0;
    for (const core::BreakdownRow& row : day.by_tender) {
        const char* colour = palette[index % std::size(palette)];
        int64_t share = std::max<int64_t>(0, row.net.in_fen());
        int piece = total > 0 ? int(share * width / total) : 0;
        if (piece > 0) {
            svg += fmt::format(
                "<rect class=\"tender\" x=\"{}\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"{}\">"
                "<title>{} {}</title></rect>",
                x, piece, bar_height, colour, escape(row.key), row.net.to_string());
        }
        x += piece;
        int y = bar_height + 16 + 18 * index;
        int64_t tenths = total > 0 ? share * 1000 / total : 0;
        svg += fmt::format(
            "<rect x=\"0\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>"
            "<text x=\"18\" y=\"{}\" font-size=\"12\">{} {} ({}.{}%)</text>",
            y - 11, colour, y, escape(row.key), row.net.to_string(), tenths / 10, tenths % 10);
        ++index;
    }
    if (rows == 0) svg += fmt::format("<text x=\"0\" y=\"{}\" font-size=\"12\">no tenders</text>", bar_height);
    return svg + "</svg>";
}

}  // namespace

std::string report_html(const core::DailyReport& report, const std::string& store_name) {
    const core::DayFigures& day = report.day;
    return report_html(report, store_name, fmt::format("Daily report {}", day.day),
                       fmt::format("Compared with the previous day ({}) and the same weekday last week ({}).{}",
                                   core::date_minus_days(day.day, 1), core::date_minus_days(day.day, 7),
                                   !day.is_business_day ? " No business day by this date: nothing was sold."
                                                        : (day.closed ? ""
                                                                      : " The day is still open: figures can "
                                                                        "still change.")));
}

std::string report_html(const core::DailyReport& report, const std::string& store_name, const std::string& title,
                        const std::string& note) {
    const core::DayFigures& day = report.day;
    std::string html = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title><style>"
        "body{{font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;margin:24px;color:#222}}"
        "h1{{font-size:22px;margin:0}}h2{{font-size:16px;margin:22px 0 6px}}p.note{{color:#555}}"
        "table{{border-collapse:collapse;font-size:13px}}th,td{{padding:3px 8px;border-bottom:1px solid #ddd}}"
        "th{{background:#f2f2f2;text-align:left}}td.n{{text-align:right;font-variant-numeric:tabular-nums}}"
        ".charts{{display:flex;flex-wrap:wrap;gap:24px}}"
        "</style></head><body>\n<h1>{} — {}</h1>\n<p class=\"note\">{}</p>\n",
        escape(title), escape(store_name), escape(title), escape(note));
    html += "<div class=\"charts\"><div><h2>Net sales by hour</h2>" + hourly_svg(day) + "</div>";
    html += "<div><h2>Tender split</h2>" + tender_svg(day) + "</div></div>\n";
    for (const ReportTable& table : report_tables(report)) {
        html += fmt::format("<h2 id=\"{}\">{}</h2>\n", table.id, escape(table.title));
        if (table.rows.empty()) {
            html += "<p class=\"note\">(none)</p>\n";
            continue;
        }
        html += "<table><tr>";
        for (const std::string& column : table.columns) html += "<th>" + escape(column) + "</th>";
        html += "</tr>\n";
        for (const auto& row : table.rows) {
            html += "<tr>";
            for (size_t c = 0; c < row.size(); ++c) {
                html += (c < table.numeric.size() && table.numeric[c] ? "<td class=\"n\">" : "<td>") + escape(row[c]) +
                        "</td>";
            }
            html += "</tr>\n";
        }
        html += "</table>\n";
    }
    return html + "</body></html>\n";
}

}  // namespace pos::actions
