// The store's period reports (a week, a month, any days): which days a period and the two it is
// compared with span, and a period's figures as the sum of its business days' figures. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pos/core/daily_report.hpp"

namespace pos::core {

struct PeriodBounds {
    std::string kind;                             // day, week (Monday to Sunday), month, quarter, year, or range
    std::string first, last;                      // YYYY-MM-DD, both included
    std::string previous_first, previous_last;    // the period just before, as long
    std::string last_year_first, last_year_last;  // a year before (a week: 52 weeks, Monday to Sunday)
};

// The period of `kind` that holds `day` (a valid YYYY-MM-DD); nullopt for an unknown kind.
[[nodiscard]] std::optional<PeriodBounds> period_bounds(std::string_view kind, std::string_view day);
// Any days `from` to `to` (valid dates); nullopt when `from` is after `to`.
[[nodiscard]] std::optional<PeriodBounds> range_bounds(std::string_view from, std::string_view to);
// Every date from `first` to `last`.
[[nodiscard]] std::vector<std::string> dates_between(std::string_view first, std::string_view last);

// The days' figures added up: headline, breakdowns and items summed key by key, exceptions by
// cashier, the shifts' cash one after the other; the average ticket over the whole period. `day`
// of the result is `first`.
[[nodiscard]] DayFigures add_up(const std::vector<DayFigures>& days, const std::string& first);

}  // namespace pos::core
