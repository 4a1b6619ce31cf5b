// posctl day status | day close [--force --reason R [--approver N]]: the store's end of day (日结).
// Refusals print what blocks the day; a close prints the locked totals. The approver's PIN (and
// number, without --approver) come from standard input or the terminal, never the command line.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/store/day.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/cli/acting_operator.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {
namespace {

using nlohmann::json;

struct DayOptions {
    std::string format = "text";
    std::string day;  // status of a closed day
    bool force = false;
    std::string reason;
    std::string approver;
    std::string now;
};

void print(const json& out) { std::cout << out.dump(2, ' ', false, json::error_handler_t::replace) << "\n"; }

void print(const std::vector<std::string>& lines) {
    for (const std::string& line : lines) std::cout << line << "\n";
}

int show_closed_day(db::StoreDb& store, const std::string& day, const std::string& format) {
    auto found = db::find_business_day(store, day);
    if (!found) return report(actions::storage_error(found.error()));
    if (!*found)
        return report(core::make_error(core::ErrorCode::not_found, "business day " + day + " has not been closed"));
    auto late = db::late_sales_of_day(store, day);
    if (!late) return report(actions::storage_error(late.error()));
    if (format == "json")
        print(actions::closed_day_json(**found, *late));
    else
        print(actions::closed_day_lines(**found, *late));
    return exit_ok;
}

int run_day(const std::string& data_dir, const DayOptions& options, bool close) {
    auto lane_files = actions::open_lane(data_dir);
    if (!lane_files) return report(lane_files.error());
    actions::Lane lane(*lane_files->db, lane_files->config);
    auto store = lane.open_day_store();
    if (!store) return report(store.error());
    if (!close) {
        if (!options.day.empty()) return show_closed_day(**store, options.day, options.format);
        auto status = lane.day_status(**store);
        if (!status) return report(status.error());
        if (options.format == "json")
            print(actions::day_status_json(*status));
        else
            print(actions::day_status_lines(*status));
        return exit_ok;
    }
    if (options.force && options.reason.empty()) {
        return report(
            core::make_error(core::ErrorCode::bad_input, "--force needs --reason: it is kept with the day's totals"));
    }
    auto given = given_time(lane_files->config, options.now);
    if (!given) return report(given.error());
    actions::EndOfDayRequest request{options.force, options.reason, options.approver, {}};
    if (options.force || !request.approver.empty()) {
        actions::Approval acting = read_acting_operator(options.approver, "supervisor");
        request.approver = acting.approver;
        request.pin = acting.pin;
    }
    auto closed = lane.end_of_day(**store, request, given->empty() ? actions::local_now() : *given);
    if (!closed) {
        if (closed.error().code == core::ErrorCode::day_blocked) {
            auto status = lane.day_status(**store);
            if (status && !status->blockers.empty()) {
                if (options.format == "json")
                    print(actions::day_status_json(*status));
                else
                    print(actions::day_status_lines(*status));
                std::cerr << "posctl: the end of day was refused; a supervisor can force it: "
                             "posctl day close --force --reason \"...\" --approver N\n";
                return exit_failure;
            }
        }
        return report(closed.error());
    }
    return show_closed_day(**store, closed->day.day, options.format);
}

}  // namespace

void register_day(CLI::App& app, Command& command) {
    auto* day = app.add_subcommand("day", "the store's business day (日结): status and end of day");
    day->require_subcommand(1);
    auto options = std::make_shared<DayOptions>();

    auto* status =
        day->add_subcommand("status", "the open business day and what blocks closing it, or --day D's locked totals");
    status->add_option("--day", options->day, "a closed day (YYYY-MM-DD): its locked totals and late sales");
    status->add_option("--format", options->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    status->callback([&command, options] {
        command = [options](const std::string& data_dir) { return run_day(data_dir, *options, false); };
    });

    auto* close = day->add_subcommand("close", "end of day: lock the open business day's totals");
    close->add_flag("--force", options->force,
                    "close although shifts are open or records unsynced (needs --reason, --approver)");
    close->add_option("--reason", options->reason, "why it is forced (kept with the day)");
    close->add_option("--approver", options->approver,
                      "supervisor number (without it, with --force: the first line of standard input); the PIN is "
                      "always read from standard input or the terminal");
    close->add_option("--now", options->now, "the close time, ISO 8601 with offset (tests and scripts; default: now)");
    close->add_option("--format", options->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    close->callback([&command, options] {
        command = [options](const std::string& data_dir) { return run_day(data_dir, *options, true); };
    });
}

}  // namespace pos::cli
