// posctl member add | list | show | statement: member credit accounts (会员挂账) for the manager.
#include <iostream>

#include <fmt/format.h>

#include "pos/actions/members.hpp"
#include "pos/actions/session.hpp"
#include "pos/cli/commands.hpp"
#include "pos/core/member_credit.hpp"

namespace pos::cli {

namespace {

std::string member_line(const db::MemberRecord& member) {
    core::MemberAccount account{core::Money::fen(member.limit_fen), core::Money::fen(member.balance_fen)};
    return fmt::format("{:<12}  {:<12}  {:<12}  limit {:>9}  owed {:>9}  available {:>9}", member.card,
                       member.phone.empty() ? "-" : member.phone, member.name, account.limit.to_string(),
                       account.balance.to_string(), core::available_credit(account).to_string());
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

    auto* list = member->add_subcommand("list", "every member on this lane with limit, balance owed and available credit");
    list->callback([&command] {
        command = [](const std::string& data_dir) {
            auto lane = actions::open_lane(data_dir);
            if (!lane) return report(lane.error());
            auto members = actions::list_members(*lane->db);
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

    auto* statement = member->add_subcommand("statement", "every sale on account, refund and repayment with the running balance");
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
