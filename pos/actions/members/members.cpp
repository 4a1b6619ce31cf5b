// Member accounts for the manager (pos/actions/members/members.hpp).
#include "pos/actions/members/members.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "pos/actions/printing/receipt.hpp"
#include "pos/actions/records.hpp"
#include "pos/core/member_credit.hpp"
#include "pos/core/safe_text.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;
using core::Money;

namespace {

bool digits(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

}  // namespace

core::Status add_member(const std::string& data_dir, OpenLane& lane, const NewMember& member, const std::string& now) {
    if (member.card.size() < 4 || member.card.size() > 20 || !digits(member.card)) {
        return make_error(ErrorCode::bad_input,
                          fmt::format("card \"{}\": a member card number is 4 to 20 digits", member.card));
    }
    if (!digits(member.phone) || member.phone.size() > 20) {
        return make_error(ErrorCode::bad_input,
                          fmt::format("phone \"{}\": digits only, like 13800138000", member.phone));
    }
    if (member.name.empty()) return make_error(ErrorCode::bad_input, "give the member's name (--name)");
    if (auto clean = core::check_text("the name", member.name, 60); !clean) return clean.error();
    if (member.limit < Money{}) return make_error(ErrorCode::bad_amount, "the credit limit cannot be below 0.00");
    db::MemberRecord record{member.card, member.phone, member.name, member.limit.in_fen(), 0, now};
    auto store = open_store(data_dir, lane.config);
    if (!store) return store.error();
    if (auto added = db::add_member(**store, record); !added) {
        if (added.error().code == db::DbErrorCode::constraint) {
            return make_error(ErrorCode::bad_input, fmt::format("member card {} already exists", member.card));
        }
        return storage_error(added.error());
    }
    if (auto copied = db::upsert_member(*lane.db, record); !copied) {
        core::Error failure = storage_error(copied.error());
        failure.message =
            "the member is at the store but not yet on this lane; run the command again: " + failure.message;
        return failure;
    }
    return core::Done{};
}

core::Status set_member_limit(const std::string& data_dir, OpenLane& lane, const std::string& card, Money limit) {
    if (limit < Money{}) return make_error(ErrorCode::bad_amount, "the credit limit cannot be below 0.00");
    auto store = open_store(data_dir, lane.config);
    if (!store) return store.error();
    auto changed = db::set_member_limit(**store, card, limit.in_fen());
    if (!changed) return storage_error(changed.error());
    if (!*changed) {
        return make_error(ErrorCode::no_member,
                          fmt::format("the store has no member with card {}: nothing was changed", card));
    }
    // This lane at once; the flow-down brings it again with the store's balance.
    if (auto copied = db::set_member_limit(*lane.db, card, limit.in_fen()); !copied) {
        core::Error failure = storage_error(copied.error());
        failure.message = "the limit is changed at the store; this lane gets it at its next sync: " + failure.message;
        return failure;
    }
    return core::Done{};
}

core::Result<std::vector<db::MemberRecord>> list_store_members(const std::string& data_dir, const LaneConfig& config) {
    auto store = open_store_for_reading(data_dir, config);
    if (!store) return store.error();
    auto members = db::all_members(**store);
    if (!members) return storage_error(members.error());
    return *members;
}

core::Result<std::vector<db::MemberRecord>> list_members(db::LaneDb& lane) {
    auto members = db::all_members(lane);
    if (!members) return storage_error(members.error());
    return *members;
}

core::Result<db::MemberRecord> show_member(db::LaneDb& lane, const std::string& card_or_phone) {
    auto found = db::find_member(lane, card_or_phone);
    if (!found) return storage_error(found.error());
    if (!*found) return make_error(ErrorCode::no_member, fmt::format("no member with card or phone {}", card_or_phone));
    return **found;
}

core::Result<MemberStatement> member_statement(db::LaneDb& lane, const std::string& card_or_phone) {
    auto member = show_member(lane, card_or_phone);
    if (!member) return member.error();
    auto movements = db::member_movements(lane, member->card);
    if (!movements) return storage_error(movements.error());
    MemberStatement statement{*member, {}};
    for (const db::MemberMovementRecord& movement : *movements) {
        std::string receipt;
        if (!movement.sale_id.empty()) {
            auto sale = lane.find_sale(movement.sale_id);
            if (sale && *sale) receipt = receipt_code((*sale)->lane, (*sale)->receipt_no);
        }
        statement.lines.push_back(StatementLine{movement.at, movement.kind, receipt, Money::fen(movement.amount_fen),
                                                Money::fen(movement.balance_after_fen)});
    }
    return statement;
}

std::vector<std::string> statement_lines(const MemberStatement& statement) {
    const db::MemberRecord& member = statement.member;
    core::MemberAccount account{Money::fen(member.limit_fen), Money::fen(member.balance_fen)};
    std::vector<std::string> lines;
    lines.push_back(
        fmt::format("member {} {}  phone {}", member.card, member.name, member.phone.empty() ? "-" : member.phone));
    lines.push_back(fmt::format("credit limit {}  owed {}  available {}", account.limit.to_string(),
                                account.balance.to_string(), core::available_credit(account).to_string()));
    lines.push_back(
        fmt::format("{:<19}  {:<9}  {:<10}  {:>10}  {:>10}", "time", "kind", "receipt", "amount", "balance"));
    for (const StatementLine& line : statement.lines) {
        std::string at = line.at.substr(0, std::min<size_t>(line.at.size(), 19));
        if (at.size() > 10 && at[10] == 'T') at[10] = ' ';
        lines.push_back(fmt::format("{:<19}  {:<9}  {:<10}  {:>10}  {:>10}", at, line.kind,
                                    line.receipt.empty() ? "-" : line.receipt, line.amount.to_string(),
                                    line.balance.to_string()));
    }
    if (statement.lines.empty()) lines.push_back("no account sales, refunds or repayments yet");
    return lines;
}

}  // namespace pos::actions
