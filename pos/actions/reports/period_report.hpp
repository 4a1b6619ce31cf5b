// The store manager's period report (`posctl report period`): a week, a month, a quarter, a year or
// any days of the store, from store.db, beside the previous period and the same period last year.
// It is the sum of the store's daily reports of those days, in the daily report's sections.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "db/store/store_db.hpp"
#include "pos/actions/reports/daily_report.hpp"
#include "pos/core/period_report.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

struct PeriodRequest {
    std::string kind = "week";  // day, week, month, quarter, year (with `day` in it; empty: `today`)
    std::string day;
    std::string from;  // or any days: from and to
    std::string to;
};

struct StorePeriodReport {
    core::PeriodBounds bounds;
    core::DailyReport figures;  // day: the period; previous_day: the previous period; last_week: last year
    int64_t business_days = 0;  // days of the period with a business day
};

// `today` (YYYY-MM-DD) is the store's date for a request without a day.
[[nodiscard]] core::Result<StorePeriodReport> load_period_report(db::StoreDb& store, const PeriodRequest& request,
                                                                 const std::string& today);

// "Period report, week 2026-11-23 to 2026-11-29", and the line saying what it is compared with.
[[nodiscard]] std::string period_report_heading(const StorePeriodReport& report);
[[nodiscard]] std::string period_report_note(const StorePeriodReport& report);
// The daily report's tables for the period (no shift drawers, no stock on hand): what text, CSV and
// the manager's screen show.
[[nodiscard]] std::vector<ReportTable> period_report_tables(const StorePeriodReport& report);

[[nodiscard]] std::string period_report_text(const StorePeriodReport& report);
[[nodiscard]] std::string period_report_csv(const StorePeriodReport& report);
[[nodiscard]] nlohmann::json period_report_json(const StorePeriodReport& report);
[[nodiscard]] std::string period_report_html(const StorePeriodReport& report, const std::string& store_name);

}  // namespace pos::actions
