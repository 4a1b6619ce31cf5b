// The business day (日结): which day a shift belongs to, what blocks closing it, and its totals.
// Pure: the store's shifts, closes and sales come in as values; nothing here reads a clock.
//
// The rule (docs/decisions.md, "Business day"): days follow end-of-day events, not the wall
// clock. Closed days partition time at their closes; a shift belongs to the first closed day
// whose close came after the shift opened, otherwise to the open day. The open day is named by
// the local date its first shift opened, or the day after the last closed day if that date is
// not later (an end of day at 22:00 and a shift at 23:00 the same date start the next day).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/core/money.hpp"

namespace pos::core {

// Seconds since 1970-01-01T00:00:00Z of an ISO 8601 time with its offset
// ("2026-11-23T23:30:00+08:00", or "...Z"); nullopt when it is not one.
[[nodiscard]] std::optional<int64_t> instant_of(std::string_view iso);

// "2026-11-23" -> "2026-11-24" (month and year ends, leap years). The input must be a valid date.
[[nodiscard]] std::string next_date(std::string_view date);

struct ClosedDay {
    std::string day;        // YYYY-MM-DD
    std::string closed_at;  // ISO 8601 with offset
};

struct DayShift {
    std::string id;
    int64_t lane = 0;
    std::string operator_id;
    std::string opened_at;
    bool closed = false;  // its 交班 reached the store
};

// The closed day a moment belongs to (the first whose close came after it), or nullopt: the
// open day. `closed` in any order. A time that cannot be read belongs to the open day.
[[nodiscard]] std::optional<std::string> closed_day_of(std::string_view at, const std::vector<ClosedDay>& closed);

// The open business day: its name, when its first shift opened, and its shifts (oldest first).
// `day` is empty while no shift has opened since the last end of day.
struct OpenDay {
    std::string day;
    std::string opened_at;
    std::vector<DayShift> shifts;
};

[[nodiscard]] OpenDay open_business_day(const std::vector<DayShift>& shifts, const std::vector<ClosedDay>& closed);

// Something that stops the end of day, with a message a shift lead can act on.
struct DayBlocker {
    std::string kind;              // "open_shift", "unsynced", "no_shifts"
    std::string ref;               // the shift id, the lane number
    std::string message;           // English, for posctl and scripts; screens render their own from the facts below
    int64_t lane = 0;              // open_shift, unsynced
    std::string operator_id = {};  // open_shift
    std::string at = {};           // open_shift: opened; unsynced: the oldest record not at the store
    int64_t records = 0;           // unsynced: how many
};

struct LaneSyncState {
    int64_t lane = 0;
    int64_t unsynced = 0;  // outbox records the store has not acknowledged
    std::optional<std::string> oldest_unsynced;
};

// Every open shift of the day, and every lane with records not at the store. A day with no
// shift cannot be closed at all (nothing to close), even forced.
[[nodiscard]] std::vector<DayBlocker> day_blockers(const OpenDay& day, const std::vector<LaneSyncState>& lanes);

// What a day's totals are made of.
struct DaySale {
    std::string shift_id;
    Money total;
    Money rounding;
    Money change;
    std::vector<std::pair<std::string, Money>> tenders;  // method name, amount tendered
};

struct DayMovement {
    std::string shift_id;
    std::string kind;  // pay_in, pay_out, pickup, no_sale
    Money amount;
};

struct DayShiftClose {
    std::string shift_id;
    int64_t lane = 0;
    std::string operator_id;
    std::string closed_at;
    Money expected_cash;
    Money counted_cash;
    Money largest_variance;
    std::string approver;
    std::string reason;
};

struct ShiftVarianceRow {
    std::string shift_id;
    int64_t lane = 0;
    std::string operator_id;
    Money expected_cash;
    Money counted_cash;
    Money cash_variance;     // counted − expected: + over (长款), − short (短款)
    Money largest_variance;  // over all tenders, as signed off at 交班
    std::string approver;
    std::string reason;
};

struct DayTotals {
    int64_t shifts = 0;
    int64_t sales = 0;
    Money net_sales;                       // sum of sale totals (after 抹零)
    Money rounding;                        // 抹零, negative when rounded down
    std::map<std::string, Money> tenders;  // per method; cash net of change given
    Money pay_ins;
    Money pay_outs;
    Money pickups;
    int64_t no_sales = 0;
    std::vector<ShiftVarianceRow> variances;  // one per closed shift
    Money cash_variance;                      // sum of the shifts' cash variances
};

[[nodiscard]] DayTotals day_totals(int64_t shifts, const std::vector<DaySale>& sales,
                                   const std::vector<DayMovement>& movements, const std::vector<DayShiftClose>& closes);

}  // namespace pos::core
