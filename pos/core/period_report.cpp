// Period bounds by the calendar, and days' figures added up into a period's.
#include "pos/core/period_report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "pos/core/business_day.hpp"

namespace pos::core {
namespace {

int number(std::string_view text, size_t at, size_t length) {
    int value = 0;
    for (size_t i = at; i < at + length && i < text.size(); ++i) value = value * 10 + (text[i] - '0');
    return value;
}

// The first of the month `months` after (or before, negative) the month of `date`.
std::string month_start(std::string_view date, int months) {
    int index = number(date, 0, 4) * 12 + number(date, 5, 2) - 1 + months;
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-01", index / 12, index % 12 + 1);
    return text;
}

// The same date a year before; 29 February becomes the 28th.
std::string year_before(std::string_view date) {
    std::string out = month_start(date, -12).substr(0, 8);
    int day = number(date, 8, 2);
    std::string candidate = out + (day < 10 ? "0" : "") + std::to_string(day);
    // A date that does not exist rolls over into the next month: take the month's last day then.
    if (date_minus_days(next_date(candidate), 1) != candidate || candidate.substr(5, 2) != out.substr(5, 2)) {
        return date_minus_days(month_start(date, -11), 1);
    }
    return candidate;
}

int64_t span_days(std::string_view first, std::string_view last) {
    int64_t days = 0;
    for (std::string date(first); date < last; date = next_date(date)) ++days;
    return days;
}

// Half away from zero: a / b for b > 0.
int64_t divide_rounded(int64_t a, int64_t b) {
    int64_t q = a / b, r = a % b;
    if ((r < 0 ? -r : r) * 2 >= b) q += a < 0 ? -1 : 1;
    return q;
}

std::vector<BreakdownRow> merged(const std::vector<DayFigures>& days, std::vector<BreakdownRow> DayFigures::*member) {
    std::map<std::string, BreakdownRow> rows;
    for (const DayFigures& day : days) {
        for (const BreakdownRow& row : day.*member) {
            BreakdownRow& into = rows[row.key];
            into.key = row.key;
            into.net += row.net;
            into.tickets += row.tickets;  // a ticket belongs to one day only
            into.quantity_milli += row.quantity_milli;
        }
    }
    std::vector<BreakdownRow> out;
    for (auto& [key, row] : rows) out.push_back(row);
    return out;
}

void by_net(std::vector<BreakdownRow>& rows) {
    std::stable_sort(rows.begin(), rows.end(),
                     [](const BreakdownRow& a, const BreakdownRow& b) { return a.net > b.net; });
}

std::vector<ItemRow> top(std::vector<ItemRow> items, bool by_quantity) {
    std::sort(items.begin(), items.end(), [by_quantity](const ItemRow& a, const ItemRow& b) {
        int64_t left = by_quantity ? a.quantity_milli : a.net.in_fen();
        int64_t right = by_quantity ? b.quantity_milli : b.net.in_fen();
        return left != right ? left > right : a.sku < b.sku;
    });
    if (items.size() > top_items) items.resize(top_items);
    return items;
}

}  // namespace

std::optional<PeriodBounds> period_bounds(std::string_view kind, std::string_view day) {
    PeriodBounds out;
    out.kind = std::string(kind);
    if (kind == "day") {
        out.first = out.last = std::string(day);
        out.previous_first = out.previous_last = date_minus_days(day, 1);
        out.last_year_first = out.last_year_last = year_before(day);
        return out;
    }
    if (kind == "week") {
        out.first = date_minus_days(day, weekday_of(day));
        out.last = date_minus_days(out.first, -6);
        out.previous_first = date_minus_days(out.first, 7);
        out.previous_last = date_minus_days(out.first, 1);
        out.last_year_first = date_minus_days(out.first, 364);
        out.last_year_last = date_minus_days(out.last, 364);
        return out;
    }
    int months = kind == "month" ? 1 : kind == "quarter" ? 3 : kind == "year" ? 12 : 0;
    if (months == 0) return std::nullopt;
    int month = number(day, 5, 2);
    int back = kind == "month" ? 0 : kind == "quarter" ? (month - 1) % 3 : month - 1;
    out.first = month_start(day, -back);
    out.last = date_minus_days(month_start(out.first, months), 1);
    out.previous_first = month_start(out.first, -months);
    out.previous_last = date_minus_days(out.first, 1);
    out.last_year_first = month_start(out.first, -12);
    out.last_year_last = date_minus_days(month_start(out.first, months - 12), 1);
    return out;
}

std::optional<PeriodBounds> range_bounds(std::string_view from, std::string_view to) {
    if (from > to) return std::nullopt;
    int64_t days = span_days(from, to) + 1;
    PeriodBounds out{"range",
                     std::string(from),
                     std::string(to),
                     date_minus_days(from, static_cast<int>(days)),
                     date_minus_days(from, 1),
                     year_before(from),
                     year_before(to)};
    return out;
}

std::vector<std::string> dates_between(std::string_view first, std::string_view last) {
    std::vector<std::string> out;
    for (std::string date(first); date <= last; date = next_date(date)) out.push_back(date);
    return out;
}

DayFigures add_up(const std::vector<DayFigures>& days, const std::string& first) {
    DayFigures out;
    out.day = first;
    out.closed = true;
    std::map<std::string, ItemRow> items;
    std::map<std::string, CashierExceptions> exceptions;
    for (const DayFigures& day : days) {
        if (!day.is_business_day) continue;
        out.is_business_day = true;
        out.closed = out.closed && day.closed;
        Headline& head = out.headline;
        head.gross += day.headline.gross;
        head.discounts += day.headline.discounts;
        head.returns += day.headline.returns;
        head.rounding += day.headline.rounding;
        head.net += day.headline.net;
        head.tickets += day.headline.tickets;
        head.return_tickets += day.headline.return_tickets;
        head.items_milli += day.headline.items_milli;
        for (const ItemRow& item : day.items) {
            ItemRow& into = items[item.sku];
            if (into.sku.empty()) into = ItemRow{item.sku, item.name, {}, 0};
            into.net += item.net;
            into.quantity_milli += item.quantity_milli;
        }
        for (const CashierExceptions& row : day.exceptions) {
            CashierExceptions& into = exceptions[row.operator_id];
            into.operator_id = row.operator_id;
            into.voids += row.voids;
            into.voided_amount += row.voided_amount;
            into.overrides += row.overrides;
            into.returns += row.returns;
            into.returned_amount += row.returned_amount;
            into.no_sales += row.no_sales;
        }
        out.cash.insert(out.cash.end(), day.cash.begin(), day.cash.end());
        out.cash_variance += day.cash_variance;
    }
    if (!out.is_business_day) out.closed = false;
    // The sales' totals are net plus what returns gave back.
    int64_t sale_totals = out.headline.net.in_fen() + out.headline.returns.in_fen();
    out.headline.average_ticket =
        out.headline.tickets == 0 ? Money{} : Money::fen(divide_rounded(sale_totals, out.headline.tickets));
    out.by_hour = merged(days, &DayFigures::by_hour);
    out.by_department = merged(days, &DayFigures::by_department);
    by_net(out.by_department);
    out.by_cashier = merged(days, &DayFigures::by_cashier);
    by_net(out.by_cashier);
    out.by_lane = merged(days, &DayFigures::by_lane);
    std::sort(out.by_lane.begin(), out.by_lane.end(), [](const BreakdownRow& a, const BreakdownRow& b) {
        return a.key.size() != b.key.size() ? a.key.size() < b.key.size() : a.key < b.key;
    });
    out.by_tender = merged(days, &DayFigures::by_tender);
    by_net(out.by_tender);
    for (auto& [sku, item] : items) out.items.push_back(item);
    out.top_by_amount = top(out.items, false);
    out.top_by_quantity = top(out.items, true);
    for (auto& [id, row] : exceptions) out.exceptions.push_back(row);
    return out;
}

}  // namespace pos::core
