// The store manager's daily report: a business day's sales, drawer cash and low stock, and each
// figure beside the previous day and the same weekday last week. Pure: rows come in as values.
//
// Definitions (docs/daily-report.md): gross = item lines of sales before promotions; discounts =
// their promotion savings; returns = money given back on return tickets; 抹零 = the sales'
// rounding; net = gross − discounts + 抹零 − returns = every ticket's total (what the tenders,
// cash net of change, add up to). Voided lines count nowhere but in the voids column.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/core/money.hpp"

namespace pos::core {

// ---- Input: one business day's rows ----

struct ReportSale {
    std::string id;
    int64_t lane = 0;
    std::string shift_id;
    std::string operator_id;
    std::string completed_at;   // ISO 8601 as the lane wrote it (its local time)
    std::string kind = "sale";  // sale | return
    Money total;
    Money rounding;
    Money change;
    int64_t item_count_milli = 0;
    std::string original_sale_id;  // a return: the sale it reverses
    std::string approved_by;
};

struct ReportLine {
    std::string sale_id;
    std::string kind = "item";  // item | rounding
    std::string sku;
    std::string name;
    std::string department;
    int64_t quantity_milli = 0;
    Money amount;    // after the promotion
    Money discount;  // the promotion's saving
    bool voided = false;
    std::string voided_by;
    bool overridden = false;  // the price was overridden
    std::string price_set_by;
};

struct ReportTender {
    std::string sale_id;
    std::string method;
    Money amount;
};

struct ReportMovement {
    std::string shift_id;
    int64_t lane = 0;
    std::string kind;  // pay_in, pay_out, pickup, no_sale
    Money amount;
    std::string operator_id;
};

struct ReportShift {
    std::string id;
    int64_t lane = 0;
    std::string operator_id;
    std::string opened_at;
};

struct ReportClose {
    std::string shift_id;
    Money expected_cash;
    Money counted_cash;
    std::string approver;
    std::string reason;
};

struct LowStockItem {
    std::string sku;
    std::string name;
    std::string department;
    int64_t on_hand_milli = 0;
    int64_t threshold_units = 0;
};

struct DayRows {
    std::string day;               // YYYY-MM-DD
    bool is_business_day = false;  // false: no shift opened in a day by that name
    bool closed = false;           // its end of day (日结) is done
    std::vector<ReportShift> shifts;
    std::vector<ReportSale> sales;
    std::vector<ReportLine> lines;
    std::vector<ReportTender> tenders;
    std::vector<ReportMovement> movements;
    std::vector<ReportClose> closes;
};

// ---- Output ----

struct Headline {
    Money gross;
    Money discounts;
    Money returns;  // positive: money given back
    Money rounding;
    Money net;
    int64_t tickets = 0;  // sale tickets (returns not counted)
    int64_t return_tickets = 0;
    int64_t items_milli = 0;  // items on sale tickets (pieces; a weighed line counts one)
    Money average_ticket;     // sale tickets' totals / tickets, half-up to the fen
};

// A row of a breakdown: its net and tickets.
struct BreakdownRow {
    std::string key;
    Money net;
    int64_t tickets = 0;
    int64_t quantity_milli = 0;  // departments and items
};

struct ItemRow {
    std::string sku;
    std::string name;
    Money net;
    int64_t quantity_milli = 0;
};

struct CashierExceptions {
    std::string operator_id;
    int64_t voids = 0;
    Money voided_amount;
    int64_t overrides = 0;
    int64_t returns = 0;
    Money returned_amount;  // positive
    int64_t no_sales = 0;
};

struct ShiftCash {
    std::string shift_id;
    int64_t lane = 0;
    std::string operator_id;
    std::string opened_at;
    bool closed = false;
    Money expected;
    Money counted;
    Money variance;         // counted − expected
    std::string signed_by;  // the supervisor who approved the count, or empty
    std::string reason;
};

struct DayFigures {
    std::string day;
    bool is_business_day = false;
    bool closed = false;
    Headline headline;
    std::vector<BreakdownRow> by_hour;  // "08".."23", only hours with tickets
    std::vector<BreakdownRow> by_department;
    std::vector<BreakdownRow> by_cashier;
    std::vector<BreakdownRow> by_lane;
    std::vector<BreakdownRow> by_tender;  // cash net of change: adds up to net
    std::vector<ItemRow> top_by_amount;
    std::vector<ItemRow> top_by_quantity;
    std::vector<ItemRow> items;  // every item sold, by sku (a period report adds days up from these)
    std::vector<CashierExceptions> exceptions;
    std::vector<ShiftCash> cash;
    Money cash_variance;
};

inline constexpr size_t top_items = 20;

[[nodiscard]] DayFigures day_figures(const DayRows& rows);

// A figure beside the same figure on two earlier days.
struct Compared {
    int64_t value = 0;  // fen, or thousandths for counts of items, or plain counts
    std::optional<int64_t> previous_day;
    std::optional<int64_t> last_week;
};

// "+12.50", "−3", ...: value − earlier. Percent in tenths of a percent, half away from zero;
// nullopt when the earlier figure is zero (no percentage of nothing).
[[nodiscard]] int64_t delta(int64_t value, int64_t earlier);
[[nodiscard]] std::optional<int64_t> percent_tenths(int64_t value, int64_t earlier);
[[nodiscard]] std::string percent_text(std::optional<int64_t> tenths);  // "+12.5%", "−", "0.0%"

struct DailyReport {
    DayFigures day;
    std::optional<DayFigures> previous_day;  // the calendar day before
    std::optional<DayFigures> last_week;     // seven days before
    std::vector<LowStockItem> low_stock;     // at or below the threshold now
    // The comparisons' column headings: a period report (period_report.hpp) compares with the
    // previous period and the same period last year instead.
    std::string current_label = "day";
    std::string previous_label = "prev day";
    std::string earlier_label = "last week";
};

// The figure of a breakdown row by key on another day (0 when absent).
[[nodiscard]] int64_t net_of(const std::vector<BreakdownRow>& rows, std::string_view key);

// "2026-11-23" minus n days; the input must be a valid date.
[[nodiscard]] std::string date_minus_days(std::string_view date, int days);
// "3", "-1.5", "0.25": a signed quantity in thousandths (returns make them negative).
[[nodiscard]] std::string quantity_text(int64_t milli);

// 0 = Monday .. 6 = Sunday.
[[nodiscard]] int weekday_of(std::string_view date);

}  // namespace pos::core
