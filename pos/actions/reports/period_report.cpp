// The period report: the period's and its two comparisons' business days read one by one with the
// daily report's reader and added up (pos/core/period_report), so a period is exactly the sum of
// its daily reports; written with the daily report's tables.
#include "pos/actions/reports/period_report.hpp"

#include <map>

#include <fmt/format.h>

#include "pos/actions/reports/daily_report.hpp"

namespace pos::actions {
namespace {

struct Summed {
    core::DayFigures figures;
    int64_t business_days = 0;
};

core::Result<Summed> period_figures(db::StoreDb& store, const std::string& first, const std::string& last) {
    std::vector<core::DayFigures> days;
    Summed out;
    for (const std::string& date : core::dates_between(first, last)) {
        auto day = load_day_figures(store, date);
        if (!day) return day.error();
        out.business_days += day->is_business_day ? 1 : 0;
        days.push_back(std::move(*day));
    }
    out.figures = core::add_up(days, first);
    return out;
}

std::string heading(const core::PeriodBounds& bounds) {
    std::string period = bounds.kind == "range" ? bounds.first + " to " + bounds.last
                                                : bounds.kind + " " + bounds.first + " to " + bounds.last;
    if (bounds.kind == "day") period = "day " + bounds.first;
    return "Period report, " + period;
}

std::string note(const StorePeriodReport& report) {
    const core::PeriodBounds& bounds = report.bounds;
    std::string out = fmt::format(
        "Compared with the previous period ({} to {}) and the same period last year ({} to "
        "{}). {} business day(s).",
        bounds.previous_first, bounds.previous_last, bounds.last_year_first, bounds.last_year_last,
        report.business_days);
    if (report.business_days > 0 && !report.figures.day.closed) {
        out += " A day in it is still open (no end of day yet): figures can still change.";
    }
    return out;
}

// The daily report's JSON names its comparisons after days; a period's are periods.
nlohmann::json renamed(const nlohmann::json& value) {
    static const std::map<std::string, std::string> names = {
        {"previous_day", "previous"}, {"delta_previous_day", "delta_previous"}, {"pct_previous_day", "pct_previous"},
        {"last_week", "last_year"},   {"delta_last_week", "delta_last_year"},   {"pct_last_week", "pct_last_year"}};
    if (value.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& item : value) out.push_back(renamed(item));
        return out;
    }
    if (!value.is_object()) return value;
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, item] : value.items()) {
        auto name = names.find(key);
        out[name == names.end() ? key : name->second] = renamed(item);
    }
    return out;
}

}  // namespace

core::Result<StorePeriodReport> load_period_report(db::StoreDb& store, const PeriodRequest& request,
                                                   const std::string& today) {
    bool range = !request.from.empty() || !request.to.empty();
    std::optional<core::PeriodBounds> bounds;
    if (range) {
        for (const std::string& date : {request.from, request.to}) {
            if (!is_calendar_date(date)) {
                return core::make_error(core::ErrorCode::bad_input,
                                        "\"" + date + "\" is not a date: give --from and --to as YYYY-MM-DD");
            }
        }
        bounds = core::range_bounds(request.from, request.to);
        if (!bounds) {
            return core::make_error(core::ErrorCode::bad_input,
                                    "--from " + request.from + " is after --to " + request.to + ": swap them");
        }
        if (core::dates_between(bounds->first, bounds->last).size() > 3660) {
            return core::make_error(core::ErrorCode::bad_input, "a range of at most ten years, please");
        }
    } else {
        std::string day = request.day.empty() ? today : request.day;
        if (!is_calendar_date(day)) {
            return core::make_error(core::ErrorCode::bad_input,
                                    "\"" + day + "\" is not a date: write it YYYY-MM-DD, e.g. 2026-11-23");
        }
        bounds = core::period_bounds(request.kind, day);
        if (!bounds) {
            return core::make_error(core::ErrorCode::bad_input,
                                    "period \"" + request.kind + "\": use day, week, month, quarter or year");
        }
    }
    StorePeriodReport report;
    report.bounds = *bounds;
    auto now = period_figures(store, bounds->first, bounds->last);
    if (!now) return now.error();
    auto previous = period_figures(store, bounds->previous_first, bounds->previous_last);
    if (!previous) return previous.error();
    auto last_year = period_figures(store, bounds->last_year_first, bounds->last_year_last);
    if (!last_year) return last_year.error();
    report.business_days = now->business_days;
    report.figures.day = std::move(now->figures);
    report.figures.previous_day = std::move(previous->figures);
    report.figures.last_week = std::move(last_year->figures);
    report.figures.current_label = "period";
    report.figures.previous_label = "previous";
    report.figures.earlier_label = "last year";
    return report;
}

std::string period_report_heading(const StorePeriodReport& report) { return heading(report.bounds); }

std::string period_report_note(const StorePeriodReport& report) { return note(report); }

std::vector<ReportTable> period_report_tables(const StorePeriodReport& report) {
    std::vector<ReportTable> tables = report_tables(report.figures);
    std::erase_if(tables, [](const ReportTable& table) { return table.id == "cash" || table.id == "low_stock"; });
    return tables;
}

std::string period_report_text(const StorePeriodReport& report) {
    std::string out = heading(report.bounds) + "\n" + note(report) + "\n";
    return out + tables_text(period_report_tables(report));
}

std::string period_report_csv(const StorePeriodReport& report) {
    std::vector<ReportTable> tables = period_report_tables(report);
    std::string out = "period," + report.bounds.kind + "\nfirst," + report.bounds.first + "\nlast," +
                      report.bounds.last + "\nprevious_first," + report.bounds.previous_first + "\nlast_year_first," +
                      report.bounds.last_year_first + "\n";
    return out + tables_csv(tables);
}

nlohmann::json period_report_json(const StorePeriodReport& report) {
    nlohmann::json out = renamed(report_json(report.figures));
    for (const char* gone : {"day", "previous", "last_year", "low_stock", "cash"}) out.erase(gone);
    const core::PeriodBounds& bounds = report.bounds;
    out["period"] = {{"kind", bounds.kind}, {"first", bounds.first}, {"last", bounds.last}};
    out["previous"] = {{"first", bounds.previous_first}, {"last", bounds.previous_last}};
    out["last_year"] = {{"first", bounds.last_year_first}, {"last", bounds.last_year_last}};
    out["business_days"] = report.business_days;
    return out;
}

std::string period_report_html(const StorePeriodReport& report, const std::string& store_name) {
    return report_html(report.figures, store_name, heading(report.bounds), note(report));
}

}  // namespace pos::actions
