// The period report's view: the daily report's headline rows and the period report's tables, reused.
#include "pos/ui/period_view.hpp"

#include <algorithm>

namespace pos::ui {

PeriodReportView make_period_report_view(const actions::StorePeriodReport& report) {
    const core::PeriodBounds& bounds = report.bounds;
    PeriodReportView view{bounds.kind,
                          bounds.first,
                          bounds.last,
                          bounds.previous_first,
                          bounds.previous_last,
                          bounds.last_year_first,
                          bounds.last_year_last,
                          report.business_days,
                          report.business_days > 0 && !report.figures.day.closed,
                          make_manager_report_view(report.figures).figures,
                          {}};
    std::vector<actions::ReportTable> tables = actions::period_report_tables(report);
    for (const char* id : period_dimensions) {
        auto found = std::find_if(tables.begin(), tables.end(),
                                  [id](const actions::ReportTable& table) { return table.id == id; });
        if (found != tables.end()) view.dimensions.push_back(std::move(*found));
    }
    return view;
}

}  // namespace pos::ui
