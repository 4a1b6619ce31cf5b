// posctl report daily [--date D] [--format text|json|csv|html|receipt] [--out FILE] [--print]:
// the store manager's daily report from store.db, on screen, in a file, or on the receipt printer.
// posctl report period [--period day|week|month|quarter|year] [--date D] | [--from D --to D]
// [--format text|json|csv|html] [--out FILE]: the same figures for a period (docs/period-report.md).
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "drivers/printer/interpreter.hpp"
#include "drivers/printer/printer.hpp"
#include "pos/actions/reports/daily_report.hpp"
#include "pos/actions/reports/period_report.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/printing/printing.hpp"
#include "pos/actions/printing/report_print.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {
namespace {

struct ReportOptions {
    std::string date;
    std::string format = "text";
    std::string out;
    bool print = false;
};

namespace printer = drivers::printer;

// The printed version: the bytes the printer gets, read back by the ESC/POS interpreter as text
// (what the paper shows), or sent to the lane's USB printer.
int printed(const core::DailyReport& daily, const actions::LaneConfig& config, bool send, std::string& text) {
    auto profile = actions::configured_printer_profile(config, actions::assets_dir() + "/printers");
    if (!profile) return report(profile.error());
    std::vector<uint8_t> bytes = actions::daily_report_bytes(daily, config.store_name, *profile);
    if (send) {
        auto transport = actions::usb_printer_opener(*profile, config.printers)();
        if (!transport) return report(core::make_error(core::ErrorCode::io, transport.error().message));
        printer::PrintOutcome outcome = printer::print_job(**transport, *profile, bytes);
        if (!outcome.printed)
            return report(core::make_error(core::ErrorCode::io, "daily report not printed: " + outcome.reason));
        std::cerr << fmt::format("daily report of {} printed ({} bytes)\n", daily.day.day, bytes.size());
        return exit_ok;
    }
    auto document = printer::interpret(bytes);
    if (!document)
        return report(
            core::make_error(core::ErrorCode::internal, "report bytes rejected: " + document.error().message));
    text = printer::to_text(*document, profile->columns);
    return exit_ok;
}

int run_daily(const std::string& data_dir, const ReportOptions& options) {
    auto config = actions::load_config(data_dir);
    if (!config) return report(config.error());
    auto store = actions::open_store_for_reading(data_dir, *config);
    if (!store) return report(store.error());
    std::string day = options.date;
    if (day.empty()) {
        auto latest = actions::default_report_day(**store);
        if (!latest) return report(latest.error());
        day = *latest;
    }
    auto daily = actions::load_daily_report(**store, day);
    if (!daily) return report(daily.error());
    std::string body;
    if (options.print || options.format == "receipt") {
        int code = printed(*daily, *config, options.print, body);
        if (code != exit_ok || options.print) return code;
    } else if (options.format == "json")
        body = actions::report_json(*daily).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    else if (options.format == "csv")
        body = actions::report_csv(*daily);
    else if (options.format == "html")
        body = actions::report_html(*daily, config->store_name);
    else
        body = actions::report_text(*daily);
    return write_out(body, options.out, fmt::format("the {} report of {}", options.format, day));
}

struct PeriodOptions {
    actions::PeriodRequest request;
    std::string format = "text";
    std::string out;
};

int run_period(const std::string& data_dir, const PeriodOptions& options) {
    auto config = actions::load_config(data_dir);
    if (!config) return report(config.error());
    auto store = actions::open_store_for_reading(data_dir, *config);
    if (!store) return report(store.error());
    auto period = actions::load_period_report(**store, options.request, actions::local_now().substr(0, 10));
    if (!period) return report(period.error());
    std::string body =
        options.format == "json"
            ? actions::period_report_json(*period).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"
        : options.format == "csv"  ? actions::period_report_csv(*period)
        : options.format == "html" ? actions::period_report_html(*period, config->store_name)
                                   : actions::period_report_text(*period);
    return write_out(
        body, options.out,
        fmt::format("the {} report of {} to {}", options.format, period->bounds.first, period->bounds.last));
}

}  // namespace

void register_report(CLI::App& app, Command& command) {
    auto* report_group = app.add_subcommand("report", "store reports from store.db");
    report_group->require_subcommand(1);
    auto options = std::make_shared<ReportOptions>();
    auto* daily = report_group->add_subcommand("daily", "the manager's daily report of one business day");
    daily->add_option("--date", options->date, "the business day, YYYY-MM-DD (default: the last closed day)");
    daily
        ->add_option("--format", options->format,
                     "text, json, csv, html, or receipt (as the receipt printer prints it)")
        ->check(CLI::IsMember({"text", "json", "csv", "html", "receipt"}));
    daily->add_flag("--print", options->print, "print it on the lane's receipt printer");
    daily->add_option("--out,-o", options->out, "write to this file instead of standard output");
    daily->callback([&command, options] {
        command = [options](const std::string& data_dir) { return run_daily(data_dir, *options); };
    });

    auto period_options = std::make_shared<PeriodOptions>();
    auto* period = report_group->add_subcommand(
        "period",
        "the manager's report of a week, a month, a quarter, a year or any days, against the previous "
        "period and last year");
    auto* kind = period
                     ->add_option("--period", period_options->request.kind,
                                  "day, week (Monday to Sunday, default), month, quarter or year")
                     ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}));
    auto* date = period->add_option("--date", period_options->request.day, "a day in the period (default: today)");
    auto* from = period->add_option("--from", period_options->request.from, "first day of any days, YYYY-MM-DD");
    auto* to = period->add_option("--to", period_options->request.to, "last day of any days, YYYY-MM-DD");
    from->excludes(kind)->excludes(date)->needs(to);
    to->excludes(kind)->excludes(date)->needs(from);
    period->add_option("--format", period_options->format, "text, json, csv or html")
        ->check(CLI::IsMember({"text", "json", "csv", "html"}));
    period->add_option("--out,-o", period_options->out, "write to this file instead of standard output");
    period->callback([&command, period_options] {
        command = [period_options](const std::string& data_dir) { return run_period(data_dir, *period_options); };
    });
    register_stock_report(*report_group, command);
}

}  // namespace pos::cli
