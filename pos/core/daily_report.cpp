// The daily report's figures from one business day's rows, and the comparisons between days.
#include "pos/core/daily_report.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <set>

namespace pos::core {
namespace {

// Accumulates breakdown rows by key, keeping the tickets that touched each key once.
struct Breakdown {
    std::map<std::string, BreakdownRow> rows;
    std::map<std::string, std::set<std::string>> tickets;

    void add(const std::string& key, Money net, const std::string& sale_id, bool counts_ticket, int64_t quantity = 0) {
        BreakdownRow& row = rows[key];
        row.key = key;
        row.net += net;
        row.quantity_milli += quantity;
        if (counts_ticket) tickets[key].insert(sale_id);
    }

    // Largest net first (the manager reads the top), key to break ties.
    [[nodiscard]] std::vector<BreakdownRow> by_net() {
        std::vector<BreakdownRow> out = sorted_by_key();
        std::stable_sort(out.begin(), out.end(),
                         [](const BreakdownRow& a, const BreakdownRow& b) { return a.net > b.net; });
        return out;
    }
    [[nodiscard]] std::vector<BreakdownRow> sorted_by_key() {
        std::vector<BreakdownRow> out;
        for (auto& [key, row] : rows) {
            row.tickets = int64_t(tickets[key].size());
            out.push_back(row);
        }
        return out;
    }
};

std::vector<ItemRow> top(std::vector<ItemRow> items, bool by_quantity) {
    std::sort(items.begin(), items.end(), [by_quantity](const ItemRow& a, const ItemRow& b) {
        int64_t left = by_quantity ? a.quantity_milli : a.net.in_fen();
        int64_t right = by_quantity ? b.quantity_milli : b.net.in_fen();
        if (left != right) return left > right;
        return a.sku < b.sku;
    });
    if (items.size() > top_items) items.resize(top_items);
    return items;
}

// Half away from zero: a / b for b > 0.
int64_t divide_rounded(int64_t a, int64_t b) {
    int64_t q = a / b;
    int64_t r = a % b;
    if (std::llabs(r) * 2 >= b) q += a < 0 ? -1 : 1;
    return q;
}

// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm), and back.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? unsigned(-3) : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int64_t(doe) - 719468;
}

std::string civil_from_days(int64_t z) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    char text[48];
    std::snprintf(text, sizeof text, "%04lld-%02u-%02u", static_cast<long long>(y + (m <= 2)), m, d);
    return text;
}

int64_t days_of(std::string_view date) {
    auto number = [&](size_t at, size_t length) {
        int64_t value = 0;
        for (size_t i = at; i < at + length && i < date.size(); ++i) value = value * 10 + (date[i] - '0');
        return value;
    };
    return days_from_civil(number(0, 4), unsigned(number(5, 2)), unsigned(number(8, 2)));
}

}  // namespace

DayFigures day_figures(const DayRows& rows) {
    DayFigures out;
    out.day = rows.day;
    out.is_business_day = rows.is_business_day;
    out.closed = rows.closed;

    std::map<std::string, const ReportSale*> sales;
    Breakdown hours, departments, cashiers, lanes, tenders;
    std::map<std::string, CashierExceptions> exceptions;
    auto exceptions_of = [&](const std::string& operator_id) -> CashierExceptions& {
        CashierExceptions& row = exceptions[operator_id];
        row.operator_id = operator_id;
        return row;
    };
    Money sale_totals;
    Headline& head = out.headline;
    for (const ReportSale& sale : rows.sales) {
        sales[sale.id] = &sale;
        bool is_return = sale.kind == "return";
        std::string hour = sale.completed_at.size() >= 13 ? sale.completed_at.substr(11, 2) : "??";
        hours.add(hour, sale.total, sale.id, true);
        cashiers.add(sale.operator_id, sale.total, sale.id, !is_return);
        lanes.add(std::to_string(sale.lane), sale.total, sale.id, !is_return);
        head.net += sale.total;
        if (is_return) {
            ++head.return_tickets;
            head.returns -= sale.total;
            CashierExceptions& row = exceptions_of(sale.operator_id);
            ++row.returns;
            row.returned_amount -= sale.total;
        } else {
            ++head.tickets;
            head.rounding += sale.rounding;
            head.items_milli += sale.item_count_milli;
            sale_totals += sale.total;
        }
        // Cash is net of the change given, so the tenders add up to the net.
        if (!sale.change.is_zero()) tenders.add("cash", -sale.change, sale.id, false);
    }
    head.average_ticket = head.tickets == 0 ? Money{} : Money::fen(divide_rounded(sale_totals.in_fen(), head.tickets));

    std::map<std::string, ItemRow> items;
    for (const ReportLine& line : rows.lines) {
        if (line.kind != "item") continue;
        auto sale = sales.find(line.sale_id);
        if (sale == sales.end()) continue;  // a line of a sale outside the day: not possible from db/, ignored
        const ReportSale& ticket = *sale->second;
        if (line.voided) {
            CashierExceptions& row = exceptions_of(ticket.operator_id);
            ++row.voids;
            row.voided_amount += line.amount;
            continue;
        }
        if (line.overridden) ++exceptions_of(ticket.operator_id).overrides;
        if (ticket.kind != "return") {
            head.gross += line.amount + line.discount;
            head.discounts += line.discount;
        }
        departments.add(line.department, line.amount, line.sale_id, true, line.quantity_milli);
        ItemRow& item = items[line.sku];
        if (item.sku.empty()) {
            item.sku = line.sku;
            item.name = line.name;
        }
        item.net += line.amount;
        item.quantity_milli += line.quantity_milli;
    }
    for (const ReportTender& tender : rows.tenders) tenders.add(tender.method, tender.amount, tender.sale_id, true);
    for (const ReportMovement& movement : rows.movements) {
        if (movement.kind == "no_sale") ++exceptions_of(movement.operator_id).no_sales;
    }

    out.by_hour = hours.sorted_by_key();
    out.by_department = departments.by_net();
    out.by_cashier = cashiers.by_net();
    out.by_lane = lanes.sorted_by_key();
    std::sort(out.by_lane.begin(), out.by_lane.end(), [](const BreakdownRow& a, const BreakdownRow& b) {
        return a.key.size() != b.key.size() ? a.key.size() < b.key.size() : a.key < b.key;
    });
    out.by_tender = tenders.by_net();
    std::vector<ItemRow> item_list;
    for (auto& [sku, item] : items) item_list.push_back(item);
    out.top_by_amount = top(item_list, false);
    out.top_by_quantity = top(item_list, true);
    out.items = item_list;
    for (auto& [id, row] : exceptions) out.exceptions.push_back(row);

    std::map<std::string, const ReportClose*> closes;
    for (const ReportClose& close : rows.closes) closes[close.shift_id] = &close;
    std::vector<ReportShift> shifts = rows.shifts;
    std::sort(shifts.begin(), shifts.end(), [](const ReportShift& a, const ReportShift& b) {
        return a.lane != b.lane ? a.lane < b.lane
                                : (a.opened_at != b.opened_at ? a.opened_at < b.opened_at : a.id < b.id);
    });
    for (const ReportShift& shift : shifts) {
        ShiftCash cash{shift.id, shift.lane, shift.operator_id, shift.opened_at, false, {}, {}, {}, {}, {}};
        if (auto close = closes.find(shift.id); close != closes.end()) {
            cash.closed = true;
            cash.expected = close->second->expected_cash;
            cash.counted = close->second->counted_cash;
            cash.variance = cash.counted - cash.expected;
            cash.signed_by = close->second->approver;
            cash.reason = close->second->reason;
            out.cash_variance += cash.variance;
        }
        out.cash.push_back(cash);
    }
    return out;
}

int64_t delta(int64_t value, int64_t earlier) { return value - earlier; }

std::optional<int64_t> percent_tenths(int64_t value, int64_t earlier) {
    if (earlier == 0) return std::nullopt;
    return divide_rounded((value - earlier) * 1000, std::llabs(earlier));
}

std::string percent_text(std::optional<int64_t> tenths) {
    if (!tenths) return "-";
    int64_t magnitude = std::llabs(*tenths);
    return std::string(*tenths > 0 ? "+" : (*tenths < 0 ? "-" : "")) + std::to_string(magnitude / 10) + "." +
           std::to_string(magnitude % 10) + "%";
}

int64_t net_of(const std::vector<BreakdownRow>& rows, std::string_view key) {
    for (const BreakdownRow& row : rows) {
        if (row.key == key) return row.net.in_fen();
    }
    return 0;
}

std::string date_minus_days(std::string_view date, int days) { return civil_from_days(days_of(date) - days); }

std::string quantity_text(int64_t milli) {
    return milli < 0 ? "-" + Quantity::milli(-milli).to_string() : Quantity::milli(milli).to_string();
}

int weekday_of(std::string_view date) {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    int64_t days = days_of(date);
    return int(((days % 7) + 7 + 3) % 7);
}

}  // namespace pos::core
