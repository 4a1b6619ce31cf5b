// posctl user add | list | disable | enable | pin | reset-pin: operators and their PINs. The acting
// manager's number and PIN and the new PINs are read from the terminal or standard input, never
// from the command line. --store acts on store.db, whose operators flow down to every lane at its
// next sync (docs/store-service.md).
#include <iostream>

#include <fmt/format.h>

#include "pos/actions/lane.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/access/store_users.hpp"
#include "pos/actions/access/users.hpp"
#include "pos/cli/acting_operator.hpp"
#include "pos/cli/commands.hpp"

namespace pos::cli {

namespace {

std::string read_secret_line(std::string_view prompt) { return read_line(prompt, true); }

// store.db of this data directory's pos.toml (direct mode), or why it cannot be opened here.
template <typename Action>
int with_store(const std::string& data_dir, Action action) {
    auto lane = actions::open_lane(data_dir);
    if (!lane) return report(lane.error());
    auto store = actions::open_store(data_dir, lane->config);
    if (!store) return report(store.error());
    return action(**store, *lane);
}

std::string lane_user_line(const db::LaneUserRecord& each) {
    std::string state = each.user.active ? "active" : "disabled";
    if (each.lock.locked_until) state += fmt::format(", locked until {}", *each.lock.locked_until);
    if (each.lock.failed_pins > 0) state += fmt::format(", {} wrong PIN(s)", each.lock.failed_pins);
    if (each.from_store) state += ", from the store";
    return fmt::format("{:<8}  {:<16}  {:<10}  {}", each.user.operator_id, each.user.name, each.user.role, state);
}

const char* store_note = "; every lane gets it at its next sync";

}  // namespace

void register_user(CLI::App& app, Command& command) {
    auto* user = app.add_subcommand("user", "operators of this lane");
    user->require_subcommand(1);
    auto* add = user->add_subcommand("add", "add an operator; the PIN is read from the first line of standard input");
    auto fields = std::make_shared<actions::NewUser>();
    add->add_option("OPERATOR", fields->operator_id, "operator number, 4 to 8 digits")->required();
    add->add_option("--name", fields->name, "name as shown on screen and receipts")->required();
    add->add_option("--role", fields->role, "cashier, supervisor, manager or admin")->required();
    auto add_at_store = std::make_shared<bool>(false);
    add->add_flag("--store", *add_at_store, "add the operator at the store (store.db), for every lane");
    auto add_by = std::make_shared<std::string>();
    add->add_option("--by", *add_by,
                    "the approving manager's number (without it: the first line of standard input); their PIN "
                    "comes next, then the new operator's PIN");
    add->callback([&command, fields, add_at_store, add_by] {
        command = [fields, add_at_store, add_by](const std::string& data_dir) {
            if (*add_at_store) {
                return with_store(data_dir, [&](db::StoreDb& store, actions::OpenLane& lane) {
                    auto staffed = actions::store_has_operators(store);
                    if (!staffed) return report(staffed.error());
                    actions::Approval by = *staffed ? read_acting_operator(*add_by, "manager") : actions::Approval{};
                    actions::NewUser added_user = *fields;
                    added_user.pin = read_secret_line(fmt::format("new PIN of {}", added_user.operator_id));
                    if (auto added = actions::add_store_user(store, lane, added_user, by); !added)
                        return report(added.error());
                    std::cout << fmt::format("added {} {} ({}) at the store{}\n", added_user.operator_id,
                                             added_user.name, added_user.role, store_note);
                    return exit_ok;
                });
            }
            auto lane = actions::open_lane(data_dir);
            if (!lane) return report(lane.error());
            auto staffed = actions::lane_has_operators(*lane->db);
            if (!staffed) return report(staffed.error());
            actions::Approval by = *staffed ? read_acting_operator(*add_by, "manager") : actions::Approval{};
            actions::NewUser added_user = *fields;
            added_user.pin = read_secret_line(fmt::format("new PIN of {}", added_user.operator_id));
            actions::Lane till(*lane->db, lane->config);
            if (auto added = actions::add_user(till, *lane->db, added_user, by); !added) return report(added.error());
            std::cout << fmt::format("added {} {} ({})\n", added_user.operator_id, added_user.name, added_user.role);
            return exit_ok;
        };
    });

    auto* list = user->add_subcommand("list", "every operator with role and state (active, disabled, locked out)");
    auto list_store = std::make_shared<bool>(false);
    list->add_flag("--store", *list_store, "the store's operators (store.db) instead of this lane's");
    list->callback([&command, list_store] {
        command = [list_store](const std::string& data_dir) {
            if (*list_store) {
                return with_store(data_dir, [](db::StoreDb& store, actions::OpenLane&) {
                    auto users = actions::list_store_users(store);
                    if (!users) return report(users.error());
                    for (const db::UserRecord& each : *users) {
                        std::cout << fmt::format("{:<8}  {:<16}  {:<10}  {}\n", each.operator_id, each.name, each.role,
                                                 each.active ? "active" : "disabled");
                    }
                    if (users->empty()) std::cout << "no operators at the store yet: posctl user add --store\n";
                    return exit_ok;
                });
            }
            auto lane = actions::open_lane(data_dir);
            if (!lane) return report(lane.error());
            auto users = actions::list_users(*lane->db);
            if (!users) return report(users.error());
            for (const db::LaneUserRecord& each : *users) std::cout << lane_user_line(each) << "\n";
            if (users->empty()) std::cout << "no operators on this lane yet: posctl user add\n";
            return exit_ok;
        };
    });

    for (bool active : {false, true}) {
        auto* toggle =
            user->add_subcommand(active ? "enable" : "disable",
                                 active ? "let a disabled operator log in again"
                                        : "stop an operator from logging in or approving (kept for the records)");
        auto who = std::make_shared<std::string>();
        auto at_store = std::make_shared<bool>(false);
        toggle->add_option("OPERATOR", *who, "operator number")->required();
        toggle->add_flag("--store", *at_store, "at the store (store.db), for every lane");
        auto toggle_by = std::make_shared<std::string>();
        toggle->add_option("--by", *toggle_by,
                           "the manager's number (without it: the first line of standard input); their PIN next");
        toggle->callback([&command, who, at_store, active, toggle_by] {
            command = [who, at_store, active, toggle_by](const std::string& data_dir) {
                const char* done = active ? "enabled" : "disabled";
                actions::Approval by = read_acting_operator(*toggle_by, "manager");
                if (*at_store) {
                    return with_store(data_dir, [&](db::StoreDb& store, actions::OpenLane& lane) {
                        if (auto changed = actions::set_store_user_active(store, lane, *who, active, by); !changed) {
                            return report(changed.error());
                        }
                        std::cout << fmt::format("operator {} is {} at the store{}\n", *who, done, store_note);
                        return exit_ok;
                    });
                }
                auto lane = actions::open_lane(data_dir);
                if (!lane) return report(lane.error());
                actions::Lane till(*lane->db, lane->config);
                if (auto changed = actions::set_user_active(till, *lane->db, *who, active, by); !changed) {
                    return report(changed.error());
                }
                std::cout << fmt::format("operator {} is {} on this lane\n", *who, done);
                return exit_ok;
            };
        });
    }

    auto* pin = user->add_subcommand("pin",
                                     "change your own PIN: the old PIN on the first line of standard input, "
                                     "the new one on the second");
    auto own = std::make_shared<std::string>();
    pin->add_option("OPERATOR", *own, "your operator number")->required();
    pin->callback([&command, own] {
        command = [own](const std::string& data_dir) {
            auto lane_files = actions::open_lane(data_dir);
            if (!lane_files) return report(lane_files.error());
            auto from_store = db::user_from_store(*lane_files->db, *own);
            if (!from_store) return report(actions::storage_error(from_store.error()));
            bool direct = lane_files->config.store_url.empty();
            std::string old_pin = read_secret_line("old PIN"), new_pin = read_secret_line("new PIN");
            actions::Lane lane(*lane_files->db, lane_files->config);
            if (*from_store && !direct) {
                // Kept at the store, behind pos-store: the store takes it first (it checks the old
                // PIN itself), or its next flow-down would put the old one back.
                if (auto changed = lane.change_pin_at_store(*own, old_pin, new_pin); !changed)
                    return report(changed.error());
                std::cout << fmt::format(
                    "the PIN of operator {} was changed at the store and on this lane; every "
                    "other lane gets it at its next sync\n",
                    *own);
                return exit_ok;
            }
            if (auto changed = lane.change_pin(*own, old_pin, new_pin); !changed) return report(changed.error());
            std::cout << fmt::format("the PIN of operator {} was changed\n", *own);
            if (!direct) return exit_ok;
            // The store keeps its own copy of an operator it knows: the new PIN goes there too.
            auto changed_user = lane_files->db->find_user(*own);
            if (!changed_user || !*changed_user) return exit_ok;
            auto store = actions::open_store(data_dir, lane_files->config);
            if (!store) return report(store.error());
            auto copied = actions::copy_pin_to_store(**store, *own, (*changed_user)->pin_hash, lane_files->config.lane);
            if (!copied) return report(copied.error());
            if (*copied) std::cout << "the store has the new PIN too; every lane gets it at its next sync\n";
            return exit_ok;
        };
    });
    auto* reset = user->add_subcommand("reset-pin",
                                       "a manager sets a new PIN for an operator and lifts a lockout: the "
                                       "manager's PIN on the first line of standard input, the new PIN on the second");
    auto target = std::make_shared<std::string>();
    auto manager = std::make_shared<std::string>();
    reset->add_option("OPERATOR", *target, "the operator whose PIN is reset")->required();
    reset->add_option("--manager", *manager,
                      "the manager's operator number (without it: the first line of standard input)");
    auto reset_at_store = std::make_shared<bool>(false);
    reset->add_flag("--store", *reset_at_store,
                    "at the store (store.db), for every lane; the manager must be a store operator");
    reset->callback([&command, target, manager, reset_at_store] {
        command = [target, manager, reset_at_store](const std::string& data_dir) {
            if (manager->empty()) *manager = read_line("manager's operator number", false);
            if (*reset_at_store) {
                return with_store(data_dir, [&](db::StoreDb& store, actions::OpenLane& lane) {
                    std::string manager_pin = read_secret_line(fmt::format("PIN of {}", *manager));
                    std::string new_pin = read_secret_line(fmt::format("new PIN of {}", *target));
                    if (auto done = actions::reset_store_pin(store, lane, {*manager, manager_pin}, *target, new_pin);
                        !done) {
                        return report(done.error());
                    }
                    std::cout << fmt::format(
                        "the PIN of operator {} was reset at the store by {}{}; each lane lifts its "
                        "lockout then\n",
                        *target, *manager, store_note);
                    return exit_ok;
                });
            }
            auto lane_files = actions::open_lane(data_dir);
            if (!lane_files) return report(lane_files.error());
            std::string manager_pin = read_secret_line(fmt::format("PIN of {}", *manager));
            std::string new_pin = read_secret_line(fmt::format("new PIN of {}", *target));
            actions::Lane lane(*lane_files->db, lane_files->config);
            if (auto done = lane.reset_pin({*manager, manager_pin}, *target, new_pin); !done)
                return report(done.error());
            std::cout << fmt::format("the PIN of operator {} was reset by {}; any lockout is lifted\n", *target,
                                     *manager);
            return exit_ok;
        };
    });
}

}  // namespace pos::cli
