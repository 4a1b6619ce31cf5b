// Member credit accounts at the lane (会员挂账): looking the member up, a sale on account within
// the available credit (the rest in another tender), and repayments in cash, by card or mobile.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/lane/shifts.hpp"
#include "db/shared/members.hpp"
#include "pos/actions/access/audit.hpp"
#include "pos/actions/lane.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/access/secrets.hpp"
#include "pos/core/member_credit.hpp"
#include "pos/core/safe_text.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;
using core::Money;

namespace {

core::MemberAccount account_of(const db::MemberRecord& member) {
    return {Money::fen(member.limit_fen), Money::fen(member.balance_fen)};
}

Money on_account(const core::Ticket& ticket) {
    Money sum;
    for (const core::Tender& tender : ticket.tenders()) {
        if (tender.method == core::TenderMethod::account) sum += tender.amount;
    }
    return sum;
}

core::Result<db::MemberRecord> lookup(db::LaneDb& db, const std::string& card_or_phone) {
    if (card_or_phone.empty())
        return make_error(ErrorCode::bad_input, "scan the member card or type the card number or phone");
    if (auto clean = core::check_text("the member card or phone", card_or_phone, 32); !clean) return clean.error();
    auto found = db::find_member(db, card_or_phone);
    if (!found) return storage_error(found.error());
    if (!*found) {
        return make_error(ErrorCode::no_member, fmt::format("no member with card or phone {}: check the number, or ask "
                                                            "the manager to add the member (posctl member add)",
                                                            card_or_phone));
    }
    return **found;
}

}  // namespace

core::Result<Member> Lane::apply_member(const std::string& card_or_phone, const std::string& now) {
    if (auto ready = require_selling(); !ready) return ready.error();
    if (!on_account(ticket_).is_zero()) {
        return make_error(ErrorCode::payment_started,
                          "part of this sale is already on the member's account: finish the payment");
    }
    auto member = lookup(db_, card_or_phone);
    if (!member) return member.error();
    std::optional<db::MemberRecord> before = member_;
    member_ = *member;
    if (auto priced = reprice(ticket_, now); !priced) {
        member_ = before;
        return priced.error();
    }
    return to_member(*member);
}

core::Status Lane::clear_member(const std::string& now) {
    if (!on_account(ticket_).is_zero()) {
        return make_error(ErrorCode::payment_started,
                          "part of this sale is already on the member's account: finish the payment");
    }
    std::optional<db::MemberRecord> before = member_;
    member_.reset();
    if (auto priced = reprice(ticket_, now); !priced) {
        member_ = before;
        return priced.error();
    }
    return core::Done{};
}

core::Status Lane::check_account_tender(Money amount) const {
    if (!member_) {
        return make_error(ErrorCode::no_member, "no member on this sale: look the member up first (F9, card or phone)");
    }
    // The balance as lane.db has it now, with what this ticket already put on account.
    auto fresh = db::find_member(db_, member_->card);
    if (!fresh) return storage_error(fresh.error());
    if (!*fresh)
        return make_error(ErrorCode::no_member, fmt::format("member card {} is no longer on this lane", member_->card));
    core::MemberAccount account = account_of(**fresh);
    account.balance += on_account(ticket_);
    return core::check_account_sale(account, amount);
}

db::DbStatus Lane::charge_account(const core::Ticket& paid, const std::string& sale_id, const std::string& now,
                                  std::optional<core::Error>& refused, std::optional<Money>& balance) const {
    Money amount = on_account(paid);
    if (amount.is_zero()) return support::Done{};
    // Checked again inside the transaction: another lane or screen may have used the credit meanwhile.
    auto member = db::find_member(db_, member_ ? member_->card : std::string{});
    if (!member) return member.error();
    if (!*member) {
        refused =
            make_error(ErrorCode::no_member, "the member of this sale is no longer on this lane: take another tender");
        return db::DbError{db::DbErrorCode::not_found, refused->message};
    }
    if (auto allowed = core::check_account_sale(account_of(**member), amount); !allowed) {
        refused = allowed.error();
        return db::DbError{db::DbErrorCode::constraint, refused->message};
    }
    db::MemberMovementRecord movement{new_uuid(), (*member)->card, "sale",     amount.in_fen(),        0,
                                      sale_id,    config_.lane,    shift_->id, operator_->operator_id, now};
    auto moved = db::apply_member_movement(db_, movement);
    if (!moved) return moved.error();
    balance = Money::fen(moved->balance_after_fen);
    return support::Done{};
}

core::Result<Member> Lane::find_member(const std::string& card_or_phone) {
    auto member = lookup(db_, card_or_phone);
    if (!member) return member.error();
    return to_member(*member);
}

std::optional<Member> Lane::member() const {
    if (!member_) return std::nullopt;
    return to_member(*member_);
}

core::Result<AccountRepayment> Lane::pay_account(const std::string& card_or_phone, Money amount, const std::string& now,
                                                 core::TenderMethod method) {
    if (auto idle = require_idle_shift(); !idle) return idle.error();
    if (method == core::TenderMethod::account || core::is_payment_code_method(method)) {
        return make_error(ErrorCode::bad_input,
                          "a repayment is taken in cash, by card or mobile (not on the account, not by payment code)");
    }
    auto member = lookup(db_, card_or_phone);
    if (!member) return member.error();
    if (auto allowed = core::check_repayment(account_of(*member), amount); !allowed) return allowed.error();
    bool cash = method == core::TenderMethod::cash;
    std::string method_name(core::tender_method_name(method));
    // Cash goes into the drawer as a pay-in (expected cash at the close); card and mobile count in
    // the shift's totals by the movement's method (db/lane/shifts.cpp). The balance goes down in
    // the same transaction; everything is queued to the store.
    db::CashMovementRecord drawer{new_uuid(),
                                  shift_->id,
                                  "pay_in",
                                  amount.in_fen(),
                                  fmt::format("还款 account repayment {}", member->card),
                                  operator_->operator_id,
                                  {},
                                  now};
    nlohmann::json payload = {{"id", drawer.id},
                              {"shift_id", drawer.shift_id},
                              {"lane", config_.lane},
                              {"kind", drawer.kind},
                              {"amount", amount.to_string()},
                              {"reason", drawer.reason},
                              {"operator", drawer.operator_id},
                              {"approver", drawer.approver},
                              {"at", drawer.at}};
    AuditEvent event{now,
                     config_.lane,
                     "repayment",
                     drawer.operator_id,
                     {},
                     drawer.id,
                     {{"amount", amount.to_string()},
                      {"member", member->card},
                      {"shift", drawer.shift_id},
                      {"method", method_name}}};
    std::optional<db::MemberMovementRecord> moved;
    auto saved = with_audit(db_, event, [&]() -> db::DbStatus {
        auto transaction = db_.begin_transaction();
        if (!transaction) return transaction.error();
        if (cash) {
            if (auto recorded = db::record_cash_movement(db_, drawer, payload.dump()); !recorded) return recorded;
        }
        db::MemberMovementRecord movement{drawer.id,  member->card, "repayment", -amount.in_fen(),       0,
                                          {},         config_.lane, shift_->id,  operator_->operator_id, now,
                                          method_name};
        auto applied = db::apply_member_movement(db_, movement);
        if (!applied) return applied.error();
        moved = *applied;
        return transaction->commit();
    });
    if (!saved) {
        core::Error failure = storage_error(saved.error());
        failure.message =
            fmt::format("the repayment was NOT saved, take no {}: {}", cash ? "cash" : "payment", failure.message);
        return failure;
    }
    db::MemberRecord after = *member;
    after.balance_fen = moved->balance_after_fen;
    if (member_ && member_->card == after.card) member_ = after;
    return AccountRepayment{to_member(after), amount, drawer.id, method};
}

}  // namespace pos::actions
