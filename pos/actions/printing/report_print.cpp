// The daily report laid out for a thermal printer: one "label ..... value" pair per figure,
// a short section per breakdown, so it reads on 32 columns (58 mm) as well as 48 (80 mm).
#include "pos/actions/printing/report_print.hpp"

#include <fmt/format.h>

#include "drivers/printer/slip.hpp"
#include "drivers/printer/text.hpp"

namespace pos::actions {
namespace {

namespace printer = drivers::printer;
using core::Money;

std::string change(int64_t value, int64_t earlier) {
    int64_t d = core::delta(value, earlier);
    return fmt::format("{}{} {}", d > 0 ? "+" : "", Money::fen(d).to_string(),
                       core::percent_text(core::percent_tenths(value, earlier)));
}

}  // namespace

std::vector<std::string> daily_report_print_lines(const core::DailyReport& report, const std::string& store_name,
                                                  int columns) {
    const core::DayFigures& day = report.day;
    std::vector<std::string> lines;
    auto pair = [&](const std::string& label, const std::string& value) {
        lines.push_back(printer::spread(label, value, columns));
    };
    auto section = [&](const std::string& title) {
        lines.push_back(std::string(static_cast<size_t>(columns), '-'));
        for (const std::string& part : printer::wrap(title, columns)) lines.push_back(part);
    };
    for (const std::string& part : printer::wrap(store_name, columns)) lines.push_back(part);
    lines.push_back(fmt::format("日报 Daily report {}", day.day));
    if (!day.is_business_day)
        lines.push_back("no business day: nothing sold");
    else if (!day.closed)
        lines.push_back("day still open");
    section("销售 Sales");
    const core::Headline& h = day.headline;
    pair("gross sales", h.gross.to_string());
    pair("discounts", h.discounts.to_string());
    pair("returns", h.returns.to_string());
    pair("rounding 抹零", h.rounding.to_string());
    pair("net sales", h.net.to_string());
    int64_t previous = report.previous_day ? report.previous_day->headline.net.in_fen() : 0;
    int64_t week = report.last_week ? report.last_week->headline.net.in_fen() : 0;
    pair(" vs prev day", change(h.net.in_fen(), previous));
    pair(" vs last week", change(h.net.in_fen(), week));
    pair("tickets", std::to_string(h.tickets));
    pair("return tickets", std::to_string(h.return_tickets));
    pair("items", std::to_string(h.items_milli / 1000));
    pair("average ticket", h.average_ticket.to_string());
    section("收款方式 Tenders");
    for (const core::BreakdownRow& row : day.by_tender) pair(row.key, row.net.to_string());
    section("部门 Departments");
    for (const core::BreakdownRow& row : day.by_department) pair(row.key, row.net.to_string());
    section("收银员 Cashiers");
    for (const core::BreakdownRow& row : day.by_cashier)
        pair(fmt::format("{} ({})", row.key, row.tickets), row.net.to_string());
    section("异常 void/ovr/ret/no-sale");
    for (const core::CashierExceptions& row : day.exceptions) {
        pair(row.operator_id, fmt::format("{}/{}/{}/{}", row.voids, row.overrides, row.returns, row.no_sales));
    }
    section("长短款 Cash variance");
    for (const core::ShiftCash& cash : day.cash) {
        std::string who = fmt::format("L{} {}", cash.lane, cash.operator_id);
        if (!cash.closed)
            pair(who, "not closed");
        else
            pair(who + (cash.signed_by.empty() ? "" : " (" + cash.signed_by + ")"), cash.variance.to_string());
    }
    pair("total", day.cash_variance.to_string());
    section("库存不足 Low stock");
    for (const core::LowStockItem& item : report.low_stock) {
        for (const std::string& part : printer::wrap(item.sku + " " + item.name, columns)) lines.push_back(part);
        pair("  on hand / threshold",
             fmt::format("{} / {}", core::quantity_text(item.on_hand_milli), item.threshold_units));
    }
    lines.push_back(std::string(static_cast<size_t>(columns), '-'));
    lines.push_back("店长签字 Manager: __________");
    return lines;
}

std::vector<uint8_t> daily_report_bytes(const core::DailyReport& report, const std::string& store_name,
                                        const printer::PrinterProfile& profile) {
    return printer::slip_bytes(daily_report_print_lines(report, store_name, profile.columns), profile);
}

}  // namespace pos::actions
