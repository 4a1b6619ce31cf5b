// posctl user add | pin | reset-pin: operators and their PINs; PINs are read from standard input,
// never from the command line.
#include <iostream>

#include <fmt/format.h>

#include "pos/actions/lane.hpp"
#include "pos/actions/users.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {

namespace {

// One line of standard input, without its line ending. PINs never go on the command line: they
// would land in shell history and `ps`.
std::string read_secret_line() {
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace

void register_user(CLI::App& app, Command& command) {
    auto* user = app.add_subcommand("user", "operators of this lane");
    user->require_subcommand(1);
    auto* add = user->add_subcommand("add", "add an operator; the PIN is read from the first line of standard input");
    auto fields = std::make_shared<actions::NewUser>();
    add->add_option("OPERATOR", fields->operator_id, "operator number, 4 to 8 digits")->required();
    add->add_option("--name", fields->name, "name as shown on screen and receipts")->required();
    add->add_option("--role", fields->role, "cashier, supervisor, manager or admin")->required();
    add->callback([&command, fields] {
        command = [fields](const std::string& data_dir) {
            auto lane = actions::open_lane(data_dir);
            if (!lane) return report(lane.error());
            actions::NewUser added_user = *fields;
            // A PIN on the command line would land in shell history and `ps`.
            std::getline(std::cin, added_user.pin);
            if (!added_user.pin.empty() && added_user.pin.back() == '\r') added_user.pin.pop_back();
            if (auto added = actions::add_user(*lane->db, added_user, lane->config.lane); !added) return report(added.error());
            std::cout << fmt::format("added {} {} ({})\n", added_user.operator_id, added_user.name, added_user.role);
            return exit_ok;
        };
    });

    auto* pin = user->add_subcommand("pin", "change your own PIN: the old PIN on the first line of standard input, "
                                            "the new one on the second");
    auto own = std::make_shared<std::string>();
    pin->add_option("OPERATOR", *own, "your operator number")->required();
    pin->callback([&command, own] {
        command = [own](const std::string& data_dir) {
            auto lane_files = actions::open_lane(data_dir);
            if (!lane_files) return report(lane_files.error());
            std::string old_pin = read_secret_line(), new_pin = read_secret_line();
            actions::Lane lane(*lane_files->db, lane_files->config);
            if (auto changed = lane.change_pin(*own, old_pin, new_pin); !changed) return report(changed.error());
            std::cout << fmt::format("the PIN of operator {} was changed\n", *own);
            return exit_ok;
        };
    });
    auto* reset = user->add_subcommand("reset-pin", "a manager sets a new PIN for an operator and lifts a lockout: the "
                                                    "manager's PIN on the first line of standard input, the new PIN on the second");
    auto target = std::make_shared<std::string>();
    auto manager = std::make_shared<std::string>();
    reset->add_option("OPERATOR", *target, "the operator whose PIN is reset")->required();
    reset->add_option("--manager", *manager, "the manager's operator number")->required();
    reset->callback([&command, target, manager] {
        command = [target, manager](const std::string& data_dir) {
            auto lane_files = actions::open_lane(data_dir);
            if (!lane_files) return report(lane_files.error());
            std::string manager_pin = read_secret_line(), new_pin = read_secret_line();
            actions::Lane lane(*lane_files->db, lane_files->config);
            if (auto done = lane.reset_pin({*manager, manager_pin}, *target, new_pin); !done) return report(done.error());
            std::cout << fmt::format("the PIN of operator {} was reset by {}; any lockout is lifted\n", *target, *manager);
            return exit_ok;
        };
    });
}

}  // namespace pos::cli
