// The store manager's daily report: loaded from store.db for one business day with the two days it
// is compared with, and written as text, JSON, CSV (formula-safe) or one self-contained HTML file.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/store/store_db.hpp"
#include "pos/core/daily_report.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

// True for a real calendar date written YYYY-MM-DD.
[[nodiscard]] bool is_calendar_date(const std::string& text);

// The report of `day` (YYYY-MM-DD), beside the day before and the same weekday a week before.
// A date that was no business day gives an empty report (is_business_day false), not an error.
[[nodiscard]] core::Result<core::DailyReport> load_daily_report(db::StoreDb& store, const std::string& day);

// One business day's figures alone (a date that was no business day: empty figures).
[[nodiscard]] core::Result<core::DayFigures> load_day_figures(db::StoreDb& store, const std::string& day);

// The day a report shows when none is asked for: the last closed business day, else the open one.
[[nodiscard]] core::Result<std::string> default_report_day(db::StoreDb& store);

// One section of the report as a table of display strings, shared by text, CSV and HTML.
struct ReportTable {
    std::string id;  // "summary", "by_hour", ...
    std::string title;
    std::vector<std::string> columns;
    std::vector<bool> numeric;  // per column: right-aligned
    std::vector<std::vector<std::string>> rows;
};

[[nodiscard]] std::vector<ReportTable> report_tables(const core::DailyReport& report);
[[nodiscard]] nlohmann::json report_json(const core::DailyReport& report);
[[nodiscard]] std::string report_text(const core::DailyReport& report);
// One CSV file: section, then the section's columns; cells a spreadsheet would run are guarded.
[[nodiscard]] std::string report_csv(const core::DailyReport& report);
// Tables as aligned text (a title and its columns each) and as CSV sections; the daily and the
// period reports (period_report.hpp) draw their text and CSV from these.
[[nodiscard]] std::string tables_text(const std::vector<ReportTable>& tables);
[[nodiscard]] std::string tables_csv(const std::vector<ReportTable>& tables);
// A single HTML file (no external resources) with inline SVG: hourly bars and the tender split.
[[nodiscard]] std::string report_html(const core::DailyReport& report, const std::string& store_name);
// The same HTML under another heading and note above the figures (a period report's).
[[nodiscard]] std::string report_html(const core::DailyReport& report, const std::string& store_name,
                                      const std::string& title, const std::string& note);

}  // namespace pos::actions
