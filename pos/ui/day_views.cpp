// Snapshots for the end-of-day (日结) and manager report (经营日报) screens.
#include "pos/ui/day_views.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace pos::ui {

using core::Money;

namespace {

// "2026-11-23T08:00:00+08:00" → "2026-11-23 08:00" (as given when malformed).
std::string minute_of(const std::string& iso) {
    if (iso.size() < 16) return iso;
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

std::string signed_money(int64_t fen) { return (fen > 0 ? "+" : "") + Money::fen(fen).to_string(); }
std::string signed_count(int64_t value) { return (value > 0 ? "+" : "") + std::to_string(value); }

// A figure beside the same figure the day before and a week before (absent days count zero).
// `trend` is good (+1) or bad (−1) news: more discounts or returns is bad news.
FigureRow figure(const char* label, int64_t value, std::optional<int64_t> previous, std::optional<int64_t> week,
                 bool is_money, bool lower_is_better = false) {
    FigureRow row;
    row.label = label;
    row.value = is_money ? Money::fen(value).to_string() : std::to_string(value);
    auto change = [&](int64_t earlier) {
        int64_t d = core::delta(value, earlier);
        return is_money ? signed_money(d) : signed_count(d);
    };
    int64_t before = previous.value_or(0);
    row.previous_delta = change(before);
    row.previous_percent = core::percent_text(core::percent_tenths(value, before));
    row.trend = value > before ? 1 : (value < before ? -1 : 0);
    if (lower_is_better) row.trend = -row.trend;
    int64_t week_before = week.value_or(0);
    row.week_delta = change(week_before);
    row.week_percent = core::percent_text(core::percent_tenths(value, week_before));
    return row;
}

}  // namespace

std::string blocker_text(const Strings& tr, const core::DayBlocker& blocker) {
    if (blocker.kind == "open_shift") {
        return tr.format("day.blocker.open_shift", blocker.lane, blocker.operator_id, minute_of(blocker.at));
    }
    if (blocker.kind == "unsynced") {
        std::string oldest = blocker.at.empty() ? std::string("-") : minute_of(blocker.at);
        return tr.format("day.blocker.unsynced", blocker.lane, blocker.records, oldest);
    }
    if (blocker.kind == "no_shifts") return tr("day.blocker.no_shifts");
    return blocker.message;
}

DayView make_day_view(const actions::DayStatus& status, const Strings& tr) {
    DayView view;
    view.day = status.day.day;
    view.opened = minute_of(status.day.opened_at);
    for (const core::DayShift& shift : status.day.shifts) {
        std::string opened = minute_of(shift.opened_at);
        view.shifts.push_back({std::to_string(shift.lane), shift.operator_id,
                               opened.size() > 5 ? opened.substr(5) : opened, !shift.closed});
    }
    for (const core::DayBlocker& blocker : status.blockers) view.blockers.push_back(blocker_text(tr, blocker));
    if (status.last_closed) {
        view.last_closed = status.last_closed->day;
        view.last_closed_at = minute_of(status.last_closed->closed_at);
        view.last_closed_by = status.last_closed->closed_by;
    }
    return view;
}

DayView make_closed_day_view(const actions::EndOfDayOutcome& outcome) {
    DayView view;
    view.day = outcome.day.day;
    view.opened = minute_of(outcome.day.opened_at);
    view.last_closed = outcome.day.day;
    view.last_closed_at = minute_of(outcome.day.closed_at);
    view.last_closed_by = outcome.day.closed_by;
    view.totals = actions::closed_day_lines(outcome.day, {});
    view.forced = !outcome.forced_over.empty();
    return view;
}

ManagerReportView make_manager_report_view(const core::DailyReport& report) {
    const core::DayFigures& day = report.day;
    ManagerReportView view;
    view.day = day.day;
    view.business_day = day.is_business_day;
    view.closed = day.closed;
    if (!day.day.empty()) {
        view.previous_day = core::date_minus_days(day.day, 1);
        view.last_week = core::date_minus_days(day.day, 7);
    }
    const core::Headline& now = day.headline;
    auto previous = [&](auto pick) -> std::optional<int64_t> {
        if (!report.previous_day) return std::nullopt;
        return pick(*report.previous_day);
    };
    auto week = [&](auto pick) -> std::optional<int64_t> {
        if (!report.last_week) return std::nullopt;
        return pick(*report.last_week);
    };
    auto money_row = [&](const char* label, Money core::Headline::*field, bool lower_is_better = false) {
        auto pick = [field](const core::DayFigures& other) { return (other.headline.*field).in_fen(); };
        view.figures.push_back(figure(label, (now.*field).in_fen(), previous(pick), week(pick), true, lower_is_better));
    };
    money_row("mgr.net", &core::Headline::net);
    money_row("mgr.gross", &core::Headline::gross);
    money_row("mgr.discounts", &core::Headline::discounts, true);
    money_row("mgr.returns", &core::Headline::returns, true);
    auto tickets = [](const core::DayFigures& other) { return other.headline.tickets; };
    view.figures.push_back(figure("mgr.tickets", now.tickets, previous(tickets), week(tickets), false));
    auto items = [](const core::DayFigures& other) { return other.headline.items_milli / 1000; };
    view.figures.push_back(figure("mgr.items", now.items_milli / 1000, previous(items), week(items), false));
    money_row("mgr.average", &core::Headline::average_ticket);

    for (int hour = 0; hour < 24; ++hour) {
        std::string key = fmt::format("{:02}", hour);
        HourBar bar{key, 0, "0.00", 0};
        for (const core::BreakdownRow& row : day.by_hour) {
            if (row.key == key) bar = {key, row.net.in_fen(), row.net.to_string(), row.tickets};
        }
        view.busiest_fen = std::max(view.busiest_fen, bar.net_fen);
        view.hours.push_back(std::move(bar));
    }
    int64_t net = now.net.in_fen();
    for (const core::BreakdownRow& row : day.by_tender) {
        float share = net > 0 ? static_cast<float>(row.net.in_fen()) / static_cast<float>(net) : 0.0f;
        view.tenders.push_back({row.key, row.net.to_string(), std::clamp(share, 0.0f, 1.0f)});
    }
    for (size_t i = 0; i < day.top_by_amount.size() && i < top_shown; ++i) {
        const core::ItemRow& item = day.top_by_amount[i];
        view.top_items.push_back({item.name, core::quantity_text(item.quantity_milli), item.net.to_string()});
    }
    for (const core::ShiftCash& cash : day.cash) {
        CashVarianceRow row;
        row.who = fmt::format("L{} {}", cash.lane, cash.operator_id);
        if (cash.closed) {
            row.expected = cash.expected.to_string();
            row.counted = cash.counted.to_string();
            row.variance = signed_money(cash.variance.in_fen());
            row.sign = cash.variance.in_fen() > 0 ? 1 : (cash.variance.in_fen() < 0 ? -1 : 0);
            row.signed_by = cash.signed_by;
        }
        view.cash.push_back(std::move(row));
    }
    view.cash_total = signed_money(day.cash_variance.in_fen());
    for (const core::LowStockItem& item : report.low_stock) {
        view.low_stock.push_back(
            {item.name, core::quantity_text(item.on_hand_milli), std::to_string(item.threshold_units)});
    }
    return view;
}

bool role_permits(const std::string& role, core::Action action) {
    auto parsed = core::parse_role(role);
    return parsed && core::permits(*parsed, action);
}

}  // namespace pos::ui
