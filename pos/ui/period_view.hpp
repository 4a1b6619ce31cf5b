// What the 周报/月报 screen draws: the store's period report (pos/actions/reports/period_report)
// as the manager report's headline figures and the period report's own breakdown tables.
#pragma once

#include <string>
#include <vector>

#include "pos/actions/reports/period_report.hpp"
#include "pos/ui/day_views.hpp"

namespace pos::ui {

struct PeriodReportView {
    std::string kind;  // week, month
    std::string first, last;
    std::string previous_first, previous_last;
    std::string last_year_first, last_year_last;
    int64_t business_days = 0;
    bool open_day = false;                         // a business day in it is not closed yet: figures can change
    std::vector<FigureRow> figures;                // vs the previous period and last year
    std::vector<actions::ReportTable> dimensions;  // department, hour, cashier, lane, tender, top items
};

// The breakdowns offered, in the order Tab goes through them.
inline constexpr const char* period_dimensions[] = {"by_department", "by_hour",   "by_cashier",
                                                    "by_lane",       "by_tender", "top_by_amount"};

[[nodiscard]] PeriodReportView make_period_report_view(const actions::StorePeriodReport& report);

}  // namespace pos::ui
