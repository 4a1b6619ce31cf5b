// Member accounts for the manager (posctl member): adding members at the store and this lane,
// listing them, and an account statement with a running balance.
#pragma once

#include <string>
#include <vector>

#include "db/shared/members.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/core/money.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

struct NewMember {
    std::string card;   // 4 to 20 digits
    std::string phone;  // digits, may be empty
    std::string name;
    core::Money limit;
};

// Writes the member to store.db (the master) and to this lane's lane.db, with nothing owed.
[[nodiscard]] core::Status add_member(const std::string& data_dir, OpenLane& lane, const NewMember& member,
                                      const std::string& now);
// A new credit limit at the store (the master) and on this lane; other lanes get it at their next
// sync. A limit below what the member owes is allowed: no more credit until repaid.
[[nodiscard]] core::Status set_member_limit(const std::string& data_dir, OpenLane& lane, const std::string& card,
                                            core::Money limit);
[[nodiscard]] core::Result<std::vector<db::MemberRecord>> list_members(db::LaneDb& lane);
// The store's members with the balances the store has received from every lane.
[[nodiscard]] core::Result<std::vector<db::MemberRecord>> list_store_members(const std::string& data_dir,
                                                                             const LaneConfig& config);
// By card number or phone; no_member when there is none.
[[nodiscard]] core::Result<db::MemberRecord> show_member(db::LaneDb& lane, const std::string& card_or_phone);

struct StatementLine {
    std::string at;
    std::string kind;     // sale, refund, repayment
    std::string receipt;  // the receipt code of the sale or return; empty for a repayment
    core::Money amount;   // + owed more, - owed less
    core::Money balance;  // running balance after it
};

struct MemberStatement {
    db::MemberRecord member;
    std::vector<StatementLine> lines;
};

[[nodiscard]] core::Result<MemberStatement> member_statement(db::LaneDb& lane, const std::string& card_or_phone);
// The statement as printed by `posctl member statement`.
[[nodiscard]] std::vector<std::string> statement_lines(const MemberStatement& statement);

}  // namespace pos::actions
