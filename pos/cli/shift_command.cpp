// posctl shift report: the X report of the open shift, or the Z report of a closed one.
#include <iostream>

#include <nlohmann/json.hpp>

#include "pos/actions/shift/shift_report.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {

void register_shift(CLI::App& app, Command& command) {
    auto* shift = app.add_subcommand("shift", "shift reports");
    shift->require_subcommand(1);
    auto* report_command =
        shift->add_subcommand("report", "X report of the lane's latest shift, or the report of --shift ID");
    auto shift_id = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("text");
    report_command->add_option("--shift", *shift_id, "shift id (default: the lane's latest shift)");
    report_command->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
    report_command->callback([&command, shift_id, format] {
        command = [shift_id, format](const std::string& data_dir) {
            auto lane_files = actions::open_lane(data_dir);
            if (!lane_files) return report(lane_files.error());
            actions::Lane lane(*lane_files->db, lane_files->config);
            std::optional<std::string> wanted;
            if (!shift_id->empty()) wanted = *shift_id;
            auto shift_report = lane.shift_report(wanted);
            if (!shift_report) return report(shift_report.error());
            if (*format == "json") {
                std::cout << actions::shift_report_json(*shift_report).dump(2, ' ', false) << "\n";
            } else {
                for (const std::string& line : actions::shift_report_lines(*shift_report, lane_files->config, 40)) {
                    std::cout << line << "\n";
                }
            }
            return exit_ok;
        };
    });
}

}  // namespace pos::cli
