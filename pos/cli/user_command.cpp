// posctl user add: creates an operator; the PIN is read from standard input, never from the command line.
#include <iostream>

#include <fmt/format.h>

#include "pos/actions/users.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {

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
            if (auto added = actions::add_user(*lane->db, added_user); !added) return report(added.error());
            std::cout << fmt::format("added {} {} ({})\n", added_user.operator_id, added_user.name, added_user.role);
            return exit_ok;
        };
    });
}

}  // namespace pos::cli
