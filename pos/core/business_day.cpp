// Business day rule, blockers and totals: pure functions over the store's records.
#include "pos/core/business_day.hpp"

#include <algorithm>
#include <cstdio>

namespace pos::core {
namespace {

std::optional<int> digits(std::string_view text, size_t at, size_t count) {
    if (at + count > text.size()) return std::nullopt;
    int value = 0;
    for (size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    // next_date() gets unchecked text ("2026-13-01" from a typed report date): a month outside
    // 1..12 has no days rather than reading past the table (UBSan: index 12 out of bounds).
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t days_from_civil(int64_t year, int64_t month, int64_t day) {
    year -= month <= 2;
    const int64_t era = (year >= 0 ? year : year - 399) / 400;
    const int64_t year_of_era = year - era * 400;
    const int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

}  // namespace

std::optional<int64_t> instant_of(std::string_view iso) {
    // YYYY-MM-DDTHH:MM:SS then Z or ±HH:MM
    if (iso.size() < 20 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':' || iso[16] != ':') {
        return std::nullopt;
    }
    auto year = digits(iso, 0, 4), month = digits(iso, 5, 2), day = digits(iso, 8, 2);
    auto hour = digits(iso, 11, 2), minute = digits(iso, 14, 2), second = digits(iso, 17, 2);
    if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
    if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month) || *hour > 23 || *minute > 59 ||
        *second > 60) {
        return std::nullopt;
    }
    int64_t offset = 0;
    std::string_view zone = iso.substr(19);
    if (zone == "Z") {
        offset = 0;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        auto zone_hours = digits(zone, 1, 2), zone_minutes = digits(zone, 4, 2);
        if (!zone_hours || !zone_minutes || *zone_hours > 23 || *zone_minutes > 59) return std::nullopt;
        offset = (*zone_hours * 60 + *zone_minutes) * 60 * (zone[0] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    int64_t local = days_from_civil(*year, *month, *day) * 86400 + *hour * 3600 + *minute * 60 + *second;
    return local - offset;
}

std::string next_date(std::string_view date) {
    int year = digits(date, 0, 4).value_or(1970);
    int month = digits(date, 5, 2).value_or(1);
    int day = digits(date, 8, 2).value_or(1) + 1;
    if (day > days_in_month(year, month)) {
        day = 1;
        if (++month > 12) {
            month = 1;
            ++year;
        }
    }
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year % 10000, month, day);
    return text;
}

std::optional<std::string> closed_day_of(std::string_view at, const std::vector<ClosedDay>& closed) {
    auto moment = instant_of(at);
    if (!moment) return std::nullopt;
    std::optional<std::string> day;
    std::optional<int64_t> earliest_close;
    for (const ClosedDay& candidate : closed) {
        auto close = instant_of(candidate.closed_at);
        if (!close || *close <= *moment) continue;
        if (!earliest_close || *close < *earliest_close) {
            earliest_close = close;
            day = candidate.day;
        }
    }
    return day;
}

OpenDay open_business_day(const std::vector<DayShift>& shifts, const std::vector<ClosedDay>& closed) {
    OpenDay open;
    for (const DayShift& shift : shifts) {
        if (!closed_day_of(shift.opened_at, closed)) open.shifts.push_back(shift);
    }
    std::stable_sort(open.shifts.begin(), open.shifts.end(), [](const DayShift& a, const DayShift& b) {
        return instant_of(a.opened_at).value_or(0) < instant_of(b.opened_at).value_or(0);
    });
    if (open.shifts.empty()) return open;
    open.opened_at = open.shifts.front().opened_at;
    open.day = open.opened_at.substr(0, 10);  // the local date, as the lane wrote it
    std::string last_closed;
    for (const ClosedDay& day : closed) last_closed = std::max(last_closed, day.day);
    if (!last_closed.empty() && open.day <= last_closed) open.day = next_date(last_closed);
    return open;
}

std::vector<DayBlocker> day_blockers(const OpenDay& day, const std::vector<LaneSyncState>& lanes) {
    std::vector<DayBlocker> blockers;
    if (day.day.empty()) {
        blockers.push_back(
            {"no_shifts", "", "no shift has opened since the last end of day: there is nothing to close"});
    }
    for (const DayShift& shift : day.shifts) {
        if (shift.closed) continue;
        blockers.push_back({"open_shift", shift.id,
                            "shift " + shift.id + " on lane " + std::to_string(shift.lane) + " (operator " +
                                shift.operator_id + ", opened " + shift.opened_at +
                                ") is still open: close it (交班) first",
                            shift.lane, shift.operator_id, shift.opened_at, 0});
    }
    for (const LaneSyncState& lane : lanes) {
        if (lane.unsynced == 0) continue;
        blockers.push_back({"unsynced",
                            std::to_string(lane.lane),
                            "lane " + std::to_string(lane.lane) + " has " + std::to_string(lane.unsynced) +
                                " record(s) not yet at the store (oldest " + lane.oldest_unsynced.value_or("unknown") +
                                "): run `posctl sync --once` on that lane",
                            lane.lane,
                            {},
                            lane.oldest_unsynced.value_or(""),
                            lane.unsynced});
    }
    return blockers;
}

DayTotals day_totals(int64_t shifts, const std::vector<DaySale>& sales, const std::vector<DayMovement>& movements,
                     const std::vector<DayShiftClose>& closes) {
    DayTotals totals;
    totals.shifts = shifts;
    for (const DaySale& sale : sales) {
        ++totals.sales;
        totals.net_sales += sale.total;
        totals.rounding += sale.rounding;
        for (const auto& [method, amount] : sale.tenders) totals.tenders[method] += amount;
        if (!sale.change.is_zero()) totals.tenders["cash"] -= sale.change;
    }
    for (const DayMovement& movement : movements) {
        if (movement.kind == "pay_in")
            totals.pay_ins += movement.amount;
        else if (movement.kind == "pay_out")
            totals.pay_outs += movement.amount;
        else if (movement.kind == "pickup")
            totals.pickups += movement.amount;
        else if (movement.kind == "no_sale")
            ++totals.no_sales;
    }
    for (const DayShiftClose& close : closes) {
        Money variance = close.counted_cash - close.expected_cash;
        totals.variances.push_back({close.shift_id, close.lane, close.operator_id, close.expected_cash,
                                    close.counted_cash, variance, close.largest_variance, close.approver,
                                    close.reason});
        totals.cash_variance += variance;
    }
    return totals;
}

}  // namespace pos::core
