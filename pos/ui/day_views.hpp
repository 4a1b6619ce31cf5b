// What the end-of-day (日结) and manager report (经营日报) screens draw: snapshots made from the
// Lane's DayStatus and the daily report, with every figure already formatted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pos/actions/shift/end_of_day.hpp"
#include "pos/core/daily_report.hpp"
#include "pos/core/permissions.hpp"
#include "pos/ui/strings.hpp"

namespace pos::ui {

struct DayShiftRow {
    std::string lane;  // "1"
    std::string operator_id;
    std::string opened;  // "11-23 08:00"
    bool open = false;   // not yet closed (交班): it blocks the day
};

struct DayView {
    std::string day;     // the open business day; empty: no shift since the last 日结
    std::string opened;  // "2026-11-23 08:00", its first shift
    std::vector<DayShiftRow> shifts;
    std::vector<std::string> blockers;  // what to do about each, in the UI language (blocker_text)
    std::string last_closed;            // "2026-11-22", empty before the first 日结
    std::string last_closed_at;
    std::string last_closed_by;
    std::vector<std::string> totals;  // once closed: the locked totals as `posctl day close` prints them
    bool forced = false;              // closed past blockers
};

// What blocks the end of day, said in the UI language from the blocker's facts (core says it in
// English for posctl and scripts); an unknown kind keeps core's message.
[[nodiscard]] std::string blocker_text(const Strings& tr, const core::DayBlocker& blocker);
[[nodiscard]] DayView make_day_view(const actions::DayStatus& status, const Strings& tr);
// The view after a close: the day, and its locked totals.
[[nodiscard]] DayView make_closed_day_view(const actions::EndOfDayOutcome& outcome);

// One headline figure with its comparisons; empty strings where there is nothing to compare.
struct FigureRow {
    const char* label = "";  // translation id
    std::string value;
    std::string previous_delta;
    std::string previous_percent;
    std::string week_delta;
    std::string week_percent;
    int trend = 0;  // vs the previous day: +1 better, −1 worse (more returns is worse), 0 same
};

struct HourBar {
    std::string hour;  // "08"
    int64_t net_fen = 0;
    std::string net;  // "123.40"
    int64_t tickets = 0;
};

struct ShareRow {
    std::string name;
    std::string amount;
    float share = 0;  // of the day's net, 0..1
};

struct TopItemRow {
    std::string name;
    std::string quantity;
    std::string amount;
};

struct CashVarianceRow {
    std::string who;  // "L1 1001"
    std::string expected;
    std::string counted;
    std::string variance;  // "+2.00", "-20.00", "not closed"
    std::string signed_by;
    int sign = 0;  // +1 over, −1 short, 0 balanced or not closed
};

// An item at or below its low-stock threshold (库存预警) now: the stock ledger's on hand.
struct LowStockRow {
    std::string name;
    std::string on_hand;
    std::string threshold;
};

struct ManagerReportView {
    std::string day;
    bool business_day = false;  // false: no shift opened that day, every figure is zero
    bool closed = false;        // its 日结 is done: the figures are final
    std::string previous_day;   // the dates compared with
    std::string last_week;
    std::vector<FigureRow> figures;
    std::vector<HourBar> hours;  // 00..23, hours without sales too, so the bars keep their places
    int64_t busiest_fen = 0;     // the tallest bar
    std::vector<ShareRow> tenders;
    std::vector<TopItemRow> top_items;  // by amount, at most top_shown
    std::vector<CashVarianceRow> cash;
    std::string cash_total;
    std::vector<LowStockRow> low_stock;  // the daily report's low-stock section, read from the ledger
};

inline constexpr size_t top_shown = 10;

[[nodiscard]] ManagerReportView make_manager_report_view(const core::DailyReport& report);

// Whether an operator with `role` (as stored: "supervisor") may open a screen needing `action`.
[[nodiscard]] bool role_permits(const std::string& role, core::Action action);

}  // namespace pos::ui
