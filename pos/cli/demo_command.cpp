// posctl demo generate --lanes N --days N [--seed S] [--last-day D] [--sales N]: synthetic store
// history in store.db for demos, tests and the report benchmark.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "pos/actions/setup/demo_generator.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/cli/commands.hpp"
#include "pos/cli/terminal_progress.hpp"
#include "pos/core/daily_report.hpp"

namespace pos::cli {

void register_demo(CLI::App& app, Command& command) {
    auto* demo = app.add_subcommand("demo", "demo data");
    demo->require_subcommand(1);
    auto options = std::make_shared<actions::DemoOptions>();
    auto* generate =
        demo->add_subcommand("generate", "write synthetic business days into store.db (one transaction a day)");
    generate->add_option("--lanes", options->lanes, "lanes (default 4)")->check(CLI::Range(1, 99));
    generate->add_option("--days", options->days, "days of history (default 14)")->check(CLI::Range(1, 3660));
    generate->add_option("--seed", options->seed, "random seed: the same seed gives the same history (default 1)");
    generate->add_option("--last-day", options->last_day, "the newest day, YYYY-MM-DD (default: yesterday)");
    generate->add_option("--sales", options->sales_per_lane_day, "sales per lane on a weekday (default 250)")
        ->check(CLI::Range(1, 100000));
    generate->callback([&command, options] {
        command = [options](const std::string& data_dir) {
            auto config = actions::load_config(data_dir);
            if (!config) return report(config.error());
            auto store = actions::open_store(data_dir, *config);
            if (!store) return report(store.error());
            actions::DemoOptions chosen = *options;
            std::string now = actions::local_now();
            if (chosen.last_day.empty()) chosen.last_day = core::date_minus_days(now.substr(0, 10), 1);
            if (now.size() >= 25) chosen.offset = now.substr(19, 6);
            auto start = std::chrono::steady_clock::now();
            auto summary = [&] {
                TerminalProgress shown("generating", chosen.days, "days");  // on a terminal only
                int64_t days_done = 0;
                return actions::generate_demo_history(**store, chosen,
                                                      [&](const std::string&) { shown.update(++days_done); });
            }();
            if (!summary) return report(summary.error());
            double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::cout << fmt::format(
                "generated {} day(s) to {}: {} shifts, {} sales ({} returns), {} lines in {:.1f} s\n", summary->days,
                chosen.last_day, summary->shifts, summary->sales, summary->returns, summary->lines, seconds);
            return exit_ok;
        };
    });
}

}  // namespace pos::cli
