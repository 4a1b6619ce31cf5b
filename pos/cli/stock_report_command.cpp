// posctl report stock [--from D] [--to D] [--format text|csv|html] [--out FILE]: stock on hand,
// its value and the movements of a period, from store.db's stock ledger (docs/stock.md).
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/actions/stock/stock_report.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {
namespace {

struct StockReportOptions {
    std::string from;
    std::string to;
    std::string format = "text";
    std::string out;
    std::string now;
};

bool is_day(const std::string& day) {
    if (day.size() != 10 || day[4] != '-' || day[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (day[i] < '0' || day[i] > '9') return false;
    }
    return true;
}

// A day becomes its first or last second in the store's offset (taken from `now`); an instant stays.
core::Result<std::string> instant_of(const std::string& text, const std::string& now, bool end_of_day) {
    if (text.size() == 25 && text[10] == 'T') return text;
    if (!is_day(text)) {
        return core::make_error(core::ErrorCode::bad_input,
                                fmt::format("\"{}\" is not a day: write it like 2026-11-23 (or a time like "
                                            "2026-11-23T09:00:00+08:00)",
                                            text.substr(0, 40)));
    }
    return text + (end_of_day ? "T23:59:59" : "T00:00:00") + now.substr(19);
}

int run_stock_report(const std::string& data_dir, const StockReportOptions& options) {
    auto config = actions::load_config(data_dir);
    if (!config) return report(config.error());
    auto store = actions::open_store_for_reading(data_dir, *config);
    if (!store) return report(store.error());
    std::string now = options.now.empty() ? actions::local_now() : options.now;
    auto from = instant_of(options.from.empty() ? now.substr(0, 10) : options.from, now, false);
    if (!from) return report(from.error());
    auto until = options.to.empty() ? core::Result<std::string>(now) : instant_of(options.to, now, true);
    if (!until) return report(until.error());
    auto loaded = actions::load_stock_report(**store, *from, *until);
    if (!loaded) return report(loaded.error());
    std::string body = options.format == "csv"    ? actions::stock_report_csv(*loaded)
                       : options.format == "html" ? actions::stock_report_html(*loaded, config->store_name)
                                                  : actions::stock_report_text(*loaded);
    return write_out(body, options.out, fmt::format("the {} stock report", options.format));
}

}  // namespace

void register_stock_report(CLI::App& report_group, Command& command) {
    auto options = std::make_shared<StockReportOptions>();
    auto* stock = report_group.add_subcommand("stock", "stock on hand, its value and the movements of a period");
    stock->add_option("--from", options->from, "the period's first day, YYYY-MM-DD (default: today)");
    stock->add_option("--to", options->to, "the period's last day, YYYY-MM-DD (default: up to now)");
    stock->add_option("--format", options->format, "text, csv or html")->check(CLI::IsMember({"text", "csv", "html"}));
    stock->add_option("--out,-o", options->out, "write to this file instead of standard output");
    stock->add_option("--now", options->now, "the time, ISO 8601 with offset (tests and scripts; default: now)");
    stock->callback([&command, options] {
        command = [options](const std::string& data_dir) { return run_stock_report(data_dir, *options); };
    });
}

}  // namespace pos::cli
