// posctl member add | list | show | statement: member credit accounts (会员挂账) for the manager.
#include <iostream>

#include <fmt/format.h>

#include "pos/actions/members/members.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/member_credit.hpp"

namespace pos::cli {

namespace {

std::string member_line(const db::MemberRecord& member) {
    core::MemberAccount account{core::Money::fen(member.limit_fen), core::Money::fen(member.balance_fen)};
    std::string line = fmt::format("{:<12}  {:<12}  {:<12}  limit {:>9}  owed {:>9}  available {:>9}", member.card,
                                   member.phone.empty() ? "-" : member.phone, member.name, account.limit.to_string(),
                                   account.balance.to_string(), core::available_credit(account).to_string());
    // Two lanes selling on one account while apart can together pass the limit: the store keeps
    // both sales (a sale is never refused after the fact) and says so here (docs/members.md).
    if (account.balance > account.limit) line += "  OVER LIMIT by " + (account.balance - account.limit).to_string();
    return line;
}

}  // namespace

void register_member(CLI::App& app, Command& command) {
    auto* member = app.add_subcommand("member", "member credit accounts (会员挂账)");
    member->require_subcommand(1);

    auto* add = member->add_subcommand("add", "add a member at the store and on this lane, owing nothing");
    auto fields = std::make_shared<actions::NewMember>();
    auto limit = std::make_shared<std::string>();
    add->add_option("CARD", fields->card, "member card number, 4 to 20 digits")->required();
    add->add_option("--name", fields->name, "the member's name")->required();
    add->add_option("--phone", fields->phone, "phone number, to look the member up without the card");
    add->add_option("--limit", *limit, "credit limit, like 500.00")->required();
    add->callback([&command, fields, limit] {
        command = [fields, limit](const std::string& data_dir) {
            auto parsed = core::Money::parse(*limit);
            if (!parsed) return report(parsed.error());
            fields->limit = *parsed;
            auto lane = actions::open_lane(data_dir);
            if (!lane) return report(lane.error());
            if (auto added = actions::add_member(data_dir, *lane, *fields, actions::local_now()); !added) {
                return report(added.error());
            }
            std::cout << fmt::format("added member {} {} with a credit limit of {}\n", fields->card, fields->name,
                                     fields->limit.to_string());
            return exit_ok;
        };
    });

    auto* limit_cmd = member->add_subcommand("limit",
                                             "change a member's credit limit at the store and on this lane; "
                                             "other lanes get it at their next sync");
    auto limit_card = std::make_shared<std::string>();
    auto new_limit = std::make_shared<std::string>();
    limit_cmd->add_option("CARD", *limit_card, "member card number")->required();
    limit_cmd->add_option("--limit", *new_limit, "the new credit limit, like 800.00")->required();
    limit_cmd->callback([&command, limit_card, new_limit] {
        command = [limit_card, new_limit](const std::string& data_dir) {
            auto parsed = core::Money::parse(*new_limit);
            if (!parsed) return report(parsed.error());
            auto lane = actions::open_lane(data_dir);
            if (!lane) return report(lane.error());
            if (auto changed = actions::set_member_limit(data_dir, *lane, *limit_card, *parsed); !changed) {
                return report(changed.error());
            }
            std::cout << fmt::format(
                "member {}'s credit limit is {} at the store; every lane gets it at its next sync\n", *limit_card,
                parsed->to_string());
            return exit_ok;
        };
    });

    auto* list =
        member->add_subcommand("list", "every member on this lane with limit, balance owed and available credit");
    auto list_store = std::make_shared<bool>(false);
    list->add_flag("--store", *list_store, "the store's members and the balances the store has from every lane");
    list->callback([&command, list_store] {
        command = [list_store](const std::string& data_dir) {
            auto lane = actions::open_lane(data_dir);
            if (!lane) return report(lane.error());
            auto members =
                *list_store ? actions::list_store_members(data_dir, lane->config) : actions::list_members(*lane->db);
            if (!members) return report(members.error());
            for (const db::MemberRecord& each : *members) std::cout << member_line(each) << "\n";
            if (members->empty()) std::cout << "no members yet: add one with posctl member add\n";
            return exit_ok;
        };
    });

    auto* show = member->add_subcommand("show", "one member by card number or phone");
    auto wanted = std::make_shared<std::string>();
    show->add_option("CARD_OR_PHONE", *wanted, "card number or phone")->required();
    show->callback([&command, wanted] {
        command = [wanted](const std::string& data_dir) {
            auto lane = actions::open_lane(data_dir);
            if (!lane) return report(lane.error());
            auto found = actions::show_member(*lane->db, *wanted);
            if (!found) return report(found.error());
            std::cout << member_line(*found) << "\n";
            return exit_ok;
        };
    });

    auto* statement =
        member->add_subcommand("statement", "every sale on account, refund and repayment with the running balance");
    auto whose = std::make_shared<std::string>();
    statement->add_option("CARD_OR_PHONE", *whose, "card number or phone")->required();
    statement->callback([&command, whose] {
        command = [whose](const std::string& data_dir) {
            auto lane = actions::open_lane(data_dir);
            if (!lane) return report(lane.error());
            auto found = actions::member_statement(*lane->db, *whose);
            if (!found) return report(found.error());
            for (const std::string& line : actions::statement_lines(*found)) std::cout << line << "\n";
            return exit_ok;
        };
    });
}

}  // namespace pos::cli
