// The daily report as tables of display strings, and the two plain forms drawn from them: aligned
// text for a terminal or a printout, and CSV for a spreadsheet.
#include <fmt/format.h>

#include "pos/actions/reports/daily_report.hpp"
#include "pos/core/csv.hpp"

namespace pos::actions {
namespace {

using core::Money;

const char* const weekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string money(int64_t fen) { return Money::fen(fen).to_string(); }
std::string signed_money(int64_t fen) { return (fen > 0 ? "+" : "") + Money::fen(fen).to_string(); }
std::string signed_count(int64_t value) { return (value > 0 ? "+" : "") + std::to_string(value); }

// value, previous day, Δ, %, last week, Δ, %
std::vector<std::string> comparison(int64_t value, int64_t previous, int64_t week, bool is_money) {
    auto show = [is_money](int64_t figure) { return is_money ? money(figure) : std::to_string(figure); };
    auto change = [is_money](int64_t figure) { return is_money ? signed_money(figure) : signed_count(figure); };
    return {show(value),
            show(previous),
            change(core::delta(value, previous)),
            core::percent_text(core::percent_tenths(value, previous)),
            show(week),
            change(core::delta(value, week)),
            core::percent_text(core::percent_tenths(value, week))};
}

std::vector<std::string> comparison_columns(const core::DailyReport& report) {
    return {report.previous_label, "Δ", "%", report.earlier_label, "Δ", "%"};
}

ReportTable breakdown_table(const core::DailyReport& report, std::string id, std::string title, std::string key_column,
                            std::vector<core::BreakdownRow> core::DayFigures::*member, bool with_quantity) {
    ReportTable table{std::move(id), std::move(title), {std::move(key_column)}, {false}, {}};
    if (with_quantity) {
        table.columns.push_back("qty");
        table.numeric.push_back(true);
    }
    table.columns.push_back("tickets");
    table.columns.push_back("net");
    auto compared_columns = comparison_columns(report);
    table.columns.insert(table.columns.end(), compared_columns.begin(), compared_columns.end());
    table.numeric.resize(table.columns.size(), true);
    for (const core::BreakdownRow& row : report.day.*member) {
        std::vector<std::string> cells = {row.key};
        if (with_quantity) cells.push_back(core::quantity_text(row.quantity_milli));
        cells.push_back(std::to_string(row.tickets));
        int64_t previous = report.previous_day ? core::net_of((*report.previous_day).*member, row.key) : 0;
        int64_t week = report.last_week ? core::net_of((*report.last_week).*member, row.key) : 0;
        auto compared = comparison(row.net.in_fen(), previous, week, true);
        cells.insert(cells.end(), compared.begin(), compared.end());
        table.rows.push_back(std::move(cells));
    }
    return table;
}

ReportTable item_table(std::string id, std::string title, const std::vector<core::ItemRow>& items) {
    ReportTable table{
        std::move(id), std::move(title), {"#", "sku", "item", "qty", "net"}, {true, false, false, true, true}, {}};
    int rank = 0;
    for (const core::ItemRow& item : items) {
        table.rows.push_back({std::to_string(++rank), item.sku, item.name, core::quantity_text(item.quantity_milli),
                              item.net.to_string()});
    }
    return table;
}

// Display width in a terminal: CJK and full-width characters take two columns.
size_t display_width(const std::string& text) {
    size_t width = 0;
    for (size_t i = 0; i < text.size();) {
        auto byte = static_cast<unsigned char>(text[i]);
        uint32_t code = byte;
        size_t length = 1;
        if (byte >= 0xF0) {
            length = 4;
            code = byte & 0x07u;
        } else if (byte >= 0xE0) {
            length = 3;
            code = byte & 0x0Fu;
        } else if (byte >= 0xC0) {
            length = 2;
            code = byte & 0x1Fu;
        }
        for (size_t k = 1; k < length && i + k < text.size(); ++k)
            code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        width += code >= 0x2E80 && code != 0x394 /* Δ */ ? 2 : 1;
        i += length;
    }
    return width;
}

// A plain decimal such as "-3.00", "12" or "-4.5%": a spreadsheet reads it as a number and runs nothing,
// so it is written as is (guarding it would turn every negative amount into text).
bool is_plain_number(const std::string& cell) {
    size_t i = cell.starts_with('-') ? 1 : 0;
    size_t end = cell.ends_with('%') ? cell.size() - 1 : cell.size();
    size_t digits = 0, dots = 0;
    for (; i < end; ++i) {
        if (cell[i] == '.')
            ++dots;
        else if (cell[i] >= '0' && cell[i] <= '9')
            ++digits;
        else
            return false;
    }
    return digits > 0 && dots <= 1 && cell[end - 1] != '.';
}

// One CSV line: numbers as numbers, every other cell through the formula guard of pos/core/csv.
std::string csv_line(const std::vector<std::string>& cells) {
    std::string line;
    for (size_t c = 0; c < cells.size(); ++c) {
        if (c > 0) line.push_back(',');
        std::string cell =
            cells[c].starts_with('+') && is_plain_number(cells[c].substr(1)) ? cells[c].substr(1) : cells[c];
        if (is_plain_number(cell)) {
            line += cell;
            continue;
        }
        std::string quoted = core::format_csv_row({cell});
        quoted.pop_back();  // its "\n"
        line += quoted;
    }
    return line + "\n";
}

std::string pad(const std::string& text, size_t width, bool right) {
    size_t used = display_width(text);
    std::string fill(width > used ? width - used : 0, ' ');
    return right ? fill + text : text + fill;
}

}  // namespace

std::vector<ReportTable> report_tables(const core::DailyReport& report) {
    const core::DayFigures& day = report.day;
    std::vector<ReportTable> tables;

    ReportTable summary{"summary", "Summary", {"figure", report.current_label}, {false, true}, {}};
    auto compared_columns = comparison_columns(report);
    summary.columns.insert(summary.columns.end(), compared_columns.begin(), compared_columns.end());
    summary.numeric.resize(summary.columns.size(), true);
    const core::Headline none;
    const core::Headline& previous = report.previous_day ? report.previous_day->headline : none;
    const core::Headline& week = report.last_week ? report.last_week->headline : none;
    auto add_money = [&](const char* name, Money core::Headline::*field) {
        std::vector<std::string> row = {name};
        auto cells =
            comparison((day.headline.*field).in_fen(), (previous.*field).in_fen(), (week.*field).in_fen(), true);
        row.insert(row.end(), cells.begin(), cells.end());
        summary.rows.push_back(std::move(row));
    };
    auto add_count = [&](const char* name, int64_t value, int64_t before, int64_t week_before) {
        std::vector<std::string> row = {name};
        auto cells = comparison(value, before, week_before, false);
        row.insert(row.end(), cells.begin(), cells.end());
        summary.rows.push_back(std::move(row));
    };
    add_money("gross sales", &core::Headline::gross);
    add_money("discounts", &core::Headline::discounts);
    add_money("returns", &core::Headline::returns);
    add_money("rounding (抹零)", &core::Headline::rounding);
    add_money("net sales", &core::Headline::net);
    add_count("tickets", day.headline.tickets, previous.tickets, week.tickets);
    add_count("return tickets", day.headline.return_tickets, previous.return_tickets, week.return_tickets);
    add_count("items", day.headline.items_milli / 1000, previous.items_milli / 1000, week.items_milli / 1000);
    add_money("average ticket", &core::Headline::average_ticket);
    {
        std::vector<std::string> row = {"cash variance"};
        auto cells = comparison(day.cash_variance.in_fen(),
                                report.previous_day ? report.previous_day->cash_variance.in_fen() : 0,
                                report.last_week ? report.last_week->cash_variance.in_fen() : 0, true);
        row.insert(row.end(), cells.begin(), cells.end());
        summary.rows.push_back(std::move(row));
    }
    tables.push_back(std::move(summary));

    tables.push_back(breakdown_table(report, "by_hour", "By hour", "hour", &core::DayFigures::by_hour, false));
    tables.push_back(breakdown_table(report, "by_department", "By department", "department",
                                     &core::DayFigures::by_department, true));
    tables.push_back(
        breakdown_table(report, "by_cashier", "By cashier", "cashier", &core::DayFigures::by_cashier, false));
    tables.push_back(breakdown_table(report, "by_lane", "By lane", "lane", &core::DayFigures::by_lane, false));
    tables.push_back(breakdown_table(report, "by_tender", "By tender (cash net of change)", "tender",
                                     &core::DayFigures::by_tender, false));
    tables.push_back(item_table("top_by_amount", "Top 20 items by amount", day.top_by_amount));
    tables.push_back(item_table("top_by_quantity", "Top 20 items by quantity", day.top_by_quantity));

    ReportTable exceptions{"exceptions",
                           "Voids, price overrides, returns and no-sales by cashier",
                           {"cashier", "voids", "voided", "overrides", "returns", "returned", "no-sales"},
                           {false, true, true, true, true, true, true},
                           {}};
    for (const core::CashierExceptions& row : day.exceptions) {
        exceptions.rows.push_back({row.operator_id, std::to_string(row.voids), row.voided_amount.to_string(),
                                   std::to_string(row.overrides), std::to_string(row.returns),
                                   row.returned_amount.to_string(), std::to_string(row.no_sales)});
    }
    tables.push_back(std::move(exceptions));

    ReportTable cash{"cash",
                     "Cash variance by shift",
                     {"lane", "cashier", "opened", "expected", "counted", "variance", "signed by", "reason"},
                     {true, false, false, true, true, true, false, false},
                     {}};
    for (const core::ShiftCash& row : day.cash) {
        std::string opened = row.opened_at.size() >= 16 ? row.opened_at.substr(11, 5) : row.opened_at;
        if (!row.closed) {
            cash.rows.push_back({std::to_string(row.lane), row.operator_id, opened, "-", "-", "not closed", "", ""});
            continue;
        }
        cash.rows.push_back({std::to_string(row.lane), row.operator_id, opened, row.expected.to_string(),
                             row.counted.to_string(), signed_money(row.variance.in_fen()), row.signed_by, row.reason});
    }
    tables.push_back(std::move(cash));

    ReportTable low{"low_stock",
                    "Items at or below their low-stock threshold (stock on hand now)",
                    {"sku", "item", "department", "on hand", "threshold"},
                    {false, false, false, true, true},
                    {}};
    for (const core::LowStockItem& item : report.low_stock) {
        low.rows.push_back({item.sku, item.name, item.department, core::quantity_text(item.on_hand_milli),
                            std::to_string(item.threshold_units)});
    }
    tables.push_back(std::move(low));
    return tables;
}

std::string report_text(const core::DailyReport& report) {
    const core::DayFigures& day = report.day;
    std::string out =
        fmt::format("Daily report {} ({}), compared with {} and {}\n", day.day, weekdays[core::weekday_of(day.day)],
                    core::date_minus_days(day.day, 1), core::date_minus_days(day.day, 7));
    if (!day.is_business_day)
        out += "No business day by this date: nothing was sold.\n";
    else if (!day.closed)
        out += "The day is still open (no end of day yet): figures can still change.\n";
    return out + tables_text(report_tables(report));
}

std::string tables_text(const std::vector<ReportTable>& tables) {
    std::string out;
    for (const ReportTable& table : tables) {
        out += "\n" + table.title + "\n";
        if (table.rows.empty()) {
            out += "  (none)\n";
            continue;
        }
        std::vector<size_t> widths(table.columns.size(), 0);
        for (size_t c = 0; c < table.columns.size(); ++c) widths[c] = display_width(table.columns[c]);
        for (const auto& row : table.rows) {
            for (size_t c = 0; c < row.size() && c < widths.size(); ++c)
                widths[c] = std::max(widths[c], display_width(row[c]));
        }
        auto line = [&](const std::vector<std::string>& cells) {
            std::string text = " ";
            for (size_t c = 0; c < cells.size() && c < widths.size(); ++c)
                text += " " + pad(cells[c], widths[c], table.numeric[c]);
            while (!text.empty() && text.back() == ' ') text.pop_back();
            return text + "\n";
        };
        out += line(table.columns);
        for (const auto& row : table.rows) out += line(row);
    }
    return out;
}

std::string report_csv(const core::DailyReport& report) {
    return csv_line({"day", report.day.day}) + tables_csv(report_tables(report));
}

std::string tables_csv(const std::vector<ReportTable>& tables) {
    std::string out;
    for (const ReportTable& table : tables) {
        out += "\n";
        out += csv_line({"section", table.id, table.title});
        out += csv_line(table.columns);
        for (const auto& row : table.rows) out += csv_line(row);
    }
    return out;
}

}  // namespace pos::actions
