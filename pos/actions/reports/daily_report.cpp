// Loading the daily report: which instants a business day spans (business_day.hpp's rule), its
// rows from store.db, its figures, and those of the two days it is compared with; and its JSON.
#include "pos/actions/reports/daily_report.hpp"

#include "db/store/day.hpp"
#include "db/store/report.hpp"
#include "pos/actions/records.hpp"
#include "pos/core/business_day.hpp"

namespace pos::actions {
namespace {

using core::Money;
using nlohmann::json;

struct ResolvedDay {
    bool is_business_day = false;
    bool closed = false;
    db::DayWindow window;
};

// A closed day spans from the close before it to its own close; the open day, from the last close
// on, under the name its first shift gives it. Any other date was no business day.
core::Result<ResolvedDay> resolve(db::StoreDb& store, const std::string& day) {
    auto closed = db::find_business_day(store, day);
    if (!closed) return storage_error(closed.error());
    ResolvedDay resolved;
    if (*closed) {
        auto before = db::close_before(store, (*closed)->closed_at);
        if (!before) return storage_error(before.error());
        if (*before) resolved.window.start = (*before)->closed_at;
        resolved.window.end = (*closed)->closed_at;
        resolved.is_business_day = resolved.closed = true;
        return resolved;
    }
    auto last = db::close_before(store, "");
    if (!last) return storage_error(last.error());
    if (*last) resolved.window.start = (*last)->closed_at;
    auto first = db::first_shift_since(store, resolved.window.start);
    if (!first) return storage_error(first.error());
    if (!*first) return resolved;
    std::string name = (*first)->substr(0, 10);
    if (*last && name <= (*last)->day) name = core::next_date((*last)->day);
    resolved.is_business_day = name == day;
    return resolved;
}

core::DayRows to_rows(const std::string& day, const ResolvedDay& resolved, const db::ReportDayRecords& records) {
    core::DayRows rows;
    rows.day = day;
    rows.is_business_day = resolved.is_business_day;
    rows.closed = resolved.closed;
    for (const auto& shift : records.shifts)
        rows.shifts.push_back({shift.id, shift.lane, shift.operator_id, shift.opened_at});
    for (const auto& sale : records.sales) {
        rows.sales.push_back({sale.id, sale.lane, sale.shift_id, sale.operator_id, sale.completed_at, sale.kind,
                              Money::fen(sale.total_fen), Money::fen(sale.rounding_fen), Money::fen(sale.change_fen),
                              sale.item_count_milli, sale.original_sale_id, sale.approved_by});
    }
    for (const auto& line : records.lines) {
        rows.lines.push_back({line.sale_id, line.kind, line.sku, line.name_zh, line.department, line.quantity_milli,
                              Money::fen(line.amount_fen), Money::fen(line.discount_fen), line.voided, line.voided_by,
                              line.overridden, line.price_set_by});
    }
    for (const auto& tender : records.tenders)
        rows.tenders.push_back({tender.sale_id, tender.method, Money::fen(tender.amount_fen)});
    for (const auto& movement : records.movements) {
        rows.movements.push_back(
            {movement.shift_id, movement.lane, movement.kind, Money::fen(movement.amount_fen), movement.operator_id});
    }
    for (const auto& close : records.closes) {
        rows.closes.push_back({close.shift_id, Money::fen(close.expected_cash_fen), Money::fen(close.counted_cash_fen),
                               close.approver, close.reason});
    }
    return rows;
}

}  // namespace

core::Result<core::DayFigures> load_day_figures(db::StoreDb& store, const std::string& day) {
    auto resolved = resolve(store, day);
    if (!resolved) return resolved.error();
    db::ReportDayRecords records;
    if (resolved->is_business_day) {
        auto read = db::read_report_day(store, resolved->window);
        if (!read) return storage_error(read.error());
        records = std::move(*read);
    }
    return core::day_figures(to_rows(day, *resolved, records));
}

bool is_calendar_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    // A real date survives the round trip through day numbers (2026-02-30 does not).
    return core::date_minus_days(core::next_date(text), 1) == text && text.substr(5, 2) != "00" &&
           text.substr(8, 2) != "00";
}

core::Result<core::DailyReport> load_daily_report(db::StoreDb& store, const std::string& day) {
    if (!is_calendar_date(day)) {
        return core::make_error(core::ErrorCode::bad_input,
                                "\"" + day + "\" is not a date: write it YYYY-MM-DD, e.g. 2026-11-23");
    }
    core::DailyReport report;
    auto today = load_day_figures(store, day);
    if (!today) return today.error();
    report.day = std::move(*today);
    auto previous = load_day_figures(store, core::date_minus_days(day, 1));
    if (!previous) return previous.error();
    report.previous_day = std::move(*previous);
    auto week = load_day_figures(store, core::date_minus_days(day, 7));
    if (!week) return week.error();
    report.last_week = std::move(*week);
    auto low = db::low_stock_items(store);
    if (!low) return storage_error(low.error());
    for (const auto& item : *low) {
        report.low_stock.push_back({item.sku, item.name_zh, item.department, item.on_hand_milli, item.low_stock});
    }
    return report;
}

core::Result<std::string> default_report_day(db::StoreDb& store) {
    auto last = db::close_before(store, "");
    if (!last) return storage_error(last.error());
    if (*last) return (*last)->day;
    auto first = db::first_shift_since(store, db::DayWindow{}.start);
    if (!first) return storage_error(first.error());
    if (*first) return (*first)->substr(0, 10);
    return core::make_error(core::ErrorCode::not_found,
                            "store.db has no sales yet: sync the lanes (posctl sync) or give a date with --date");
}

namespace {

json compared(int64_t value, int64_t previous, int64_t week, bool money) {
    auto show = [money](int64_t figure) { return money ? json(Money::fen(figure).to_string()) : json(figure); };
    auto pct = [](std::optional<int64_t> tenths) { return tenths ? json(core::percent_text(tenths)) : json(nullptr); };
    return {{"value", show(value)},
            {"previous_day", show(previous)},
            {"delta_previous_day", show(core::delta(value, previous))},
            {"pct_previous_day", pct(core::percent_tenths(value, previous))},
            {"last_week", show(week)},
            {"delta_last_week", show(core::delta(value, week))},
            {"pct_last_week", pct(core::percent_tenths(value, week))}};
}

json breakdown(const std::vector<core::BreakdownRow>& rows, const core::DailyReport& report,
               std::vector<core::BreakdownRow> core::DayFigures::*member, const char* key_name) {
    json list = json::array();
    for (const core::BreakdownRow& row : rows) {
        int64_t previous = report.previous_day ? core::net_of((*report.previous_day).*member, row.key) : 0;
        int64_t week = report.last_week ? core::net_of((*report.last_week).*member, row.key) : 0;
        list.push_back({{key_name, row.key},
                        {"tickets", row.tickets},
                        {"quantity", core::quantity_text(row.quantity_milli)},
                        {"net", compared(row.net.in_fen(), previous, week, true)}});
    }
    return list;
}

json items(const std::vector<core::ItemRow>& rows) {
    json list = json::array();
    for (const core::ItemRow& row : rows) {
        list.push_back({{"sku", row.sku},
                        {"name", row.name},
                        {"quantity", core::quantity_text(row.quantity_milli)},
                        {"net", row.net.to_string()}});
    }
    return list;
}

}  // namespace

json report_json(const core::DailyReport& report) {
    const core::DayFigures& day = report.day;
    const core::Headline none;
    const core::Headline& previous = report.previous_day ? report.previous_day->headline : none;
    const core::Headline& week = report.last_week ? report.last_week->headline : none;
    auto money = [&](Money core::Headline::*field) {
        return compared((day.headline.*field).in_fen(), (previous.*field).in_fen(), (week.*field).in_fen(), true);
    };
    auto count = [&](int64_t core::Headline::*field) {
        return compared(day.headline.*field, previous.*field, week.*field, false);
    };
    json summary = {{"gross", money(&core::Headline::gross)},
                    {"discounts", money(&core::Headline::discounts)},
                    {"returns", money(&core::Headline::returns)},
                    {"rounding", money(&core::Headline::rounding)},
                    {"net", money(&core::Headline::net)},
                    {"tickets", count(&core::Headline::tickets)},
                    {"return_tickets", count(&core::Headline::return_tickets)},
                    {"items", compared(day.headline.items_milli / 1000, previous.items_milli / 1000,
                                       week.items_milli / 1000, false)},
                    {"average_ticket", money(&core::Headline::average_ticket)},
                    {"cash_variance", compared(day.cash_variance.in_fen(),
                                               report.previous_day ? report.previous_day->cash_variance.in_fen() : 0,
                                               report.last_week ? report.last_week->cash_variance.in_fen() : 0, true)}};
    json exceptions = json::array();
    for (const core::CashierExceptions& row : day.exceptions) {
        exceptions.push_back({{"operator", row.operator_id},
                              {"voids", row.voids},
                              {"voided_amount", row.voided_amount.to_string()},
                              {"overrides", row.overrides},
                              {"returns", row.returns},
                              {"returned_amount", row.returned_amount.to_string()},
                              {"no_sales", row.no_sales}});
    }
    json cash = json::array();
    for (const core::ShiftCash& row : day.cash) {
        cash.push_back({{"shift_id", row.shift_id},
                        {"lane", row.lane},
                        {"operator", row.operator_id},
                        {"opened_at", row.opened_at},
                        {"closed", row.closed},
                        {"expected", row.closed ? json(row.expected.to_string()) : json(nullptr)},
                        {"counted", row.closed ? json(row.counted.to_string()) : json(nullptr)},
                        {"variance", row.closed ? json(row.variance.to_string()) : json(nullptr)},
                        {"signed_by", row.signed_by},
                        {"reason", row.reason}});
    }
    json low = json::array();
    for (const core::LowStockItem& item : report.low_stock) {
        low.push_back({{"sku", item.sku},
                       {"name", item.name},
                       {"department", item.department},
                       {"on_hand", core::quantity_text(item.on_hand_milli)},
                       {"threshold", item.threshold_units}});
    }
    return {{"day", day.day},
            {"business_day", day.is_business_day},
            {"closed", day.closed},
            {"previous_day", core::date_minus_days(day.day, 1)},
            {"last_week", core::date_minus_days(day.day, 7)},
            {"summary", summary},
            {"by_hour", breakdown(day.by_hour, report, &core::DayFigures::by_hour, "hour")},
            {"by_department", breakdown(day.by_department, report, &core::DayFigures::by_department, "department")},
            {"by_cashier", breakdown(day.by_cashier, report, &core::DayFigures::by_cashier, "operator")},
            {"by_lane", breakdown(day.by_lane, report, &core::DayFigures::by_lane, "lane")},
            {"by_tender", breakdown(day.by_tender, report, &core::DayFigures::by_tender, "tender")},
            {"top_by_amount", items(day.top_by_amount)},
            {"top_by_quantity", items(day.top_by_quantity)},
            {"exceptions", exceptions},
            {"cash", cash},
            {"low_stock", low}};
}

}  // namespace pos::actions
