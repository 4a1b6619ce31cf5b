// Lane actions: each checks who may do it, changes the ticket, and journals what must last.
#include "pos/actions/lane.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/lane/float_counts.hpp"
#include "db/lane/users.hpp"
#include "pos/actions/access/audit.hpp"
#include "pos/actions/sale/code_lookup.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/access/secrets.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/core/business_day.hpp"
#include "pos/core/card_data.hpp"
#include "pos/core/lockout.hpp"
#include "pos/core/safe_text.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;
using core::Money;

namespace {

AuditEvent failed_pin_event(int64_t lane, const std::string& operator_id, std::string_view prompt,
                            const std::string& now) {
    return {now,
            lane,
            prompt == "login" ? "login_failed" : "pin_failed",
            operator_id,
            {},
            operator_id,
            {{"prompt", std::string(prompt)}}};
}

}  // namespace

core::Result<Lane::Admitted> Lane::admit_operator(const std::string& operator_id, std::string_view prompt) {
    // Lockouts run on the system clock whatever time a script gives (docs/security.md "Trusted
    // time"): a "now" 16 minutes later must not end a lockout, one in 2099 must not start one.
    std::string now = local_now();
    int64_t instant = core::instant_of(now).value_or(0);
    AuditEvent failed = failed_pin_event(config_.lane, operator_id, prompt, now);
    auto found = db_.find_user(operator_id);
    if (!found) return storage_error(found.error());
    if (*found && !(*found)->active) {
        failed.detail["reason"] = "disabled";
        if (auto logged = record_audit(db_, failed); !logged) return logged.error();
        return make_error(
            ErrorCode::unknown_operator,
            fmt::format("operator {} is disabled: a manager can enable them again (posctl user enable {}, "
                        "with --store at the store)",
                        operator_id, operator_id));
    }
    if (!*found) {
        failed.detail["reason"] = "unknown operator";
        if (auto logged = record_audit(db_, failed); !logged) return logged.error();
        return make_error(ErrorCode::unknown_operator,
                          fmt::format("there is no operator number {}: check the number on your badge", operator_id));
    }
    auto stored = db::read_pin_lock(db_, operator_id);
    if (!stored) return storage_error(stored.error());
    core::PinLock lock{int(stored->failed_pins), stored->locked_until};
    if (core::is_locked(lock, instant)) {
        failed.detail["reason"] = "locked out";
        if (auto logged = record_audit(db_, failed); !logged) return logged.error();
        return make_error(ErrorCode::locked_out,
                          fmt::format("operator {} is locked out after {} wrong PINs: try again in {} minute(s), "
                                      "or ask a manager to reset the PIN",
                                      operator_id, core::max_wrong_pins, core::minutes_left(lock, instant)));
    }
    return Admitted{**found, lock};
}

core::Error Lane::count_wrong_pin(const std::string& operator_id, const core::PinLock& lock, std::string_view prompt) {
    std::string now = local_now();
    int64_t instant = core::instant_of(now).value_or(0);
    core::PinLock next = core::after_wrong_pin(lock, instant, config_.lockout_minutes);
    bool locks = core::is_locked(next, instant);
    AuditEvent failed = failed_pin_event(config_.lane, operator_id, prompt, now);
    failed.detail["reason"] = "wrong PIN";
    auto transaction = db_.begin_transaction();
    if (!transaction) return storage_error(transaction.error());
    if (auto kept = db::write_pin_lock(db_, operator_id, {next.failed, next.locked_until}); !kept) {
        return storage_error(kept.error());
    }
    if (auto logged = append_audit(db_, failed); !logged) return storage_error(logged.error());
    if (locks) {
        AuditEvent lockout{now,
                           config_.lane,
                           "lockout",
                           operator_id,
                           {},
                           operator_id,
                           {{"minutes", config_.lockout_minutes}, {"wrong_pins", core::max_wrong_pins}}};
        if (auto logged = append_audit(db_, lockout); !logged) return storage_error(logged.error());
    }
    if (auto committed = transaction->commit(); !committed) return storage_error(committed.error());
    if (locks) {
        return make_error(ErrorCode::locked_out,
                          fmt::format("wrong PIN for operator {}: that was the {}th wrong PIN in a row, the operator "
                                      "is locked out for {} minute(s) (a manager can reset the PIN)",
                                      operator_id, core::max_wrong_pins, config_.lockout_minutes));
    }
    return make_error(
        ErrorCode::wrong_pin,
        fmt::format("wrong PIN for operator {}: enter it again ({} more wrong PIN(s) lock it for {} minutes)",
                    operator_id, core::max_wrong_pins - next.failed, config_.lockout_minutes));
}

core::Status Lane::clear_wrong_pins(const std::string& operator_id, const core::PinLock& lock) {
    if (lock.failed == 0 && !lock.locked_until) return core::Done{};
    if (auto cleared = db::write_pin_lock(db_, operator_id, {}); !cleared) return storage_error(cleared.error());
    return core::Done{};
}

core::Result<db::UserRecord> Lane::check_credentials(const std::string& operator_id, std::string_view pin,
                                                     std::string_view prompt, const std::string&) {
    auto admitted = admit_operator(operator_id, prompt);
    if (!admitted) return admitted.error();
    if (!verify_pin(pin, admitted->user.pin_hash)) return count_wrong_pin(operator_id, admitted->lock, prompt);
    if (auto cleared = clear_wrong_pins(operator_id, admitted->lock); !cleared) return cleared.error();
    return admitted->user;
}

core::Status Lane::login(const std::string& operator_id, std::string_view pin, const std::string& now_given) {
    if (operator_) {
        return make_error(ErrorCode::already_logged_in,
                          fmt::format("operator {} is logged in on this lane: log out first", operator_->operator_id));
    }
    std::string now = now_given.empty() ? local_now() : now_given;
    auto user = check_credentials(operator_id, pin, "login", now);
    if (!user) return user.error();
    auto open = db_.find_open_shift(config_.lane);
    if (!open) return storage_error(open.error());
    if (auto logged =
            record_audit(db_, {now, config_.lane, "login", operator_id, {}, operator_id, {{"role", user->role}}});
        !logged) {
        return logged.error();
    }
    operator_ = *user;
    shift_ = *open;
    return core::Done{};
}

core::Status Lane::logout(const std::string& now) {
    if (!operator_) return make_error(ErrorCode::not_logged_in, "nobody is logged in");
    if (ticket_.has_live_lines()) {
        return make_error(ErrorCode::ticket_open, "a ticket is open: finish the sale before logging out");
    }
    if (auto logged = record_audit(db_, {now.empty() ? local_now() : now,
                                         config_.lane,
                                         "logout",
                                         operator_->operator_id,
                                         {},
                                         operator_->operator_id,
                                         nlohmann::json::object()});
        !logged) {
        return logged.error();
    }
    operator_.reset();
    shift_.reset();
    ticket_ = core::Ticket{};
    sale_id_.clear();
    return core::Done{};
}

std::optional<Operator> Lane::operator_user() const {
    if (!operator_) return std::nullopt;
    return to_operator(*operator_);
}

std::optional<OpenShift> Lane::shift() const {
    if (!shift_) return std::nullopt;
    return to_open_shift(*shift_);
}

core::Result<OpenShift> Lane::open_shift(Money float_amount, const std::string& now) {
    auto shift = open_shift_with(float_amount, nullptr, now);
    if (!shift) return shift.error();
    return to_open_shift(*shift);
}

core::Result<OpenShift> Lane::open_shift(const core::CashCount& counted, const std::string& now) {
    auto shift = open_shift_with(counted.total(), &counted, now);
    if (!shift) return shift.error();
    return to_open_shift(*shift);
}

core::Result<db::ShiftRecord> Lane::open_shift_with(Money float_amount, const core::CashCount* counted,
                                                    const std::string& now) {
    if (!operator_) return make_error(ErrorCode::not_logged_in, "log in before opening a shift");
    if (float_amount.is_negative()) return make_error(ErrorCode::bad_amount, "the float cannot be negative");
    auto open = db_.find_open_shift(config_.lane);
    if (!open) return storage_error(open.error());
    if (*open) {
        return make_error(
            ErrorCode::shift_open,
            fmt::format("a shift of operator {} opened at {} is still open on lane {}: close it (交班) first",
                        (*open)->operator_id, (*open)->opened_at, config_.lane));
    }
    db::ShiftRecord shift{new_uuid(), config_.lane, operator_->operator_id, now, float_amount.in_fen(), std::nullopt};
    nlohmann::json payload = {{"shift_id", shift.id},
                              {"lane", shift.lane},
                              {"operator", shift.operator_id},
                              {"opened_at", shift.opened_at},
                              {"float", float_amount.to_string()}};
    AuditEvent event{
        now, config_.lane, "shift_open", operator_->operator_id, {}, shift.id, {{"float", float_amount.to_string()}}};
    nlohmann::json counts = nlohmann::json::object();
    if (counted) {
        for (const auto& [denomination, count] : counted->counts()) counts[denomination.to_string()] = count;
        payload["float_counts"] = counts;
        event.detail["float_counts"] = counts;
    }
    auto save = [&]() -> db::DbStatus {
        if (auto opened = db_.open_shift(shift, payload.dump()); !opened) return opened;
        if (!counted) return support::Done{};
        return db::record_float_counts(db_, shift.id, counts.dump());
    };
    if (auto saved = with_audit(db_, event, save); !saved) {
        return storage_error(saved.error());
    }
    shift_ = shift;
    return shift;
}

core::Status Lane::require_selling() const {
    if (!operator_) return make_error(ErrorCode::not_logged_in, "log in first (operator number and PIN)");
    if (!shift_) return make_error(ErrorCode::no_shift, "open a shift with your float before selling");
    if (shift_->operator_id != operator_->operator_id) {
        return make_error(
            ErrorCode::shift_open,
            fmt::format("the open shift on this lane belongs to operator {}: they must close it (交班) first",
                        shift_->operator_id));
    }
    return core::Done{};
}

core::Result<LineChange> Lane::scan(std::string_view code, std::optional<core::Quantity> quantity,
                                    const std::string& now) {
    if (auto ready = require_selling(); !ready) return ready.error();
    auto resolved = resolve_code(db_, config_.nomenclature, code, quantity);
    if (!resolved) return resolved.error();
    if (config_.scale && resolved->item.sale_unit == core::SaleUnit::weight && !resolved->from_label) {
        // On a lane with a scale the scale weighs; a weight typed by hand is scan_keyed_weight's, approved.
        return core::make_error(ErrorCode::approval_required,
                                fmt::format("{} is weighed on the scale here; a weight typed by hand needs a "
                                            "supervisor's number and PIN",
                                            resolved->item.name_zh));
    }
    core::Ticket next = ticket_;
    auto line = next.add_item(resolved->item, resolved->gtin, resolved->quantity, resolved->unit_price,
                              resolved->label_amount, resolved->from_label);
    if (!line) return line.error();
    if (auto priced = reprice(next, now); !priced) return priced.error();
    ticket_ = std::move(next);
    return change_after(*line);
}

core::Result<LineChange> Lane::set_quantity(int line, core::Quantity quantity, const std::string& now) {
    if (auto ready = require_selling(); !ready) return ready.error();
    core::Ticket next = ticket_;
    bool weighed = line >= 1 && size_t(line) <= next.lines().size() &&
                   next.lines()[size_t(line - 1)].item.sale_unit == core::SaleUnit::weight;
    if (config_.scale && weighed) {
        return core::make_error(ErrorCode::bad_line, fmt::format("line {} is weighed on the scale: void it and weigh "
                                                                 "the item again",
                                                                 line));
    }
    if (auto changed = next.set_quantity(line, quantity); !changed) return changed.error();
    if (auto priced = reprice(next, now); !priced) return priced.error();
    ticket_ = std::move(next);
    return change_after(line);
}

core::Result<LineChange> Lane::void_line(int line, const std::string& approver, std::string_view approver_pin,
                                         const std::string& now) {
    if (auto ready = require_selling(); !ready) return ready.error();
    if (auto approved =
            check_approval({approver, std::string(approver_pin)}, core::Action::void_line, "voiding a line");
        !approved) {
        return approved.error();
    }
    core::Ticket next = ticket_;  // kept only once the void is in the audit log
    if (auto voided = next.void_line(line, approver); !voided) return voided.error();
    if (auto priced = reprice(next, now); !priced) return priced.error();
    const core::TicketLine& voided = next.lines()[size_t(line - 1)];
    AuditEvent event{now.empty() ? local_now() : now,
                     config_.lane,
                     "void",
                     operator_->operator_id,
                     approver,
                     shift_->id,
                     {{"line", line},
                      {"sku", voided.item.sku},
                      {"name", voided.item.name_zh},
                      {"qty", voided.quantity.to_string()},
                      {"unit_price", voided.unit_price.to_string()}}};
    if (auto logged = record_audit(db_, event); !logged) return logged.error();
    ticket_ = std::move(next);
    return change_after(line);
}

core::Result<int64_t> Lane::commit(const core::Ticket& paid, const std::string& sale_id, const std::string& now) {
    SaleContext context{sale_id, config_.lane, shift_->id, operator_->operator_id, now};
    db::SaleRecord sale = to_sale_record(paid, paid.payment(config_.cash_rounding), context);
    nlohmann::json tenders = nlohmann::json::array();
    for (const db::TenderRecord& tender : sale.tenders) {
        tenders.push_back({{"method", tender.method}, {"amount", Money::fen(tender.amount_fen).to_string()}});
    }
    AuditEvent event{now,
                     config_.lane,
                     "sale",
                     operator_->operator_id,
                     {},
                     sale_id,
                     {{"total", Money::fen(sale.total_fen).to_string()},
                      {"tenders", tenders},
                      {"change", Money::fen(sale.change_fen).to_string()},
                      {"shift", shift_->id}}};
    // A sale on account moves the member's balance in the same transaction (lane_members.cpp).
    std::optional<core::Error> refused;
    auto guard = [&] { return charge_account(paid, sale_id, now, refused, member_balance_); };
    auto committed = with_audit(db_, event, [&] {
        return db_.commit_sale(
            std::move(sale), [](const db::SaleRecord& record) { return sale_to_json(record).dump(); }, guard);
    });
    if (!committed) {
        if (refused) return *refused;
        core::Error failure = storage_error(committed.error());
        failure.message = "the sale was NOT saved, it is still on screen: " + failure.message;
        return failure;
    }
    return *committed;
}

core::Result<TenderOutcome> Lane::tender(const TenderRequest& request, const std::string& now) {
    if (auto ready = require_selling(); !ready) return ready.error();
    if (!ticket_.has_live_lines()) return make_error(ErrorCode::no_ticket, "the ticket is empty: scan an item first");
    if (core::is_payment_code_method(request.method)) {
        return make_error(ErrorCode::bad_input,
                          "a payment code is charged through the gateway, never just recorded: scan the customer's "
                          "code (F4, or the script action pay_code)");
    }
    // Work on a copy: if the sale cannot be saved, the ticket stays exactly as it was.
    core::Ticket next = ticket_;
    Money amount = request.amount.value_or(next.amount_due_for(request.method, config_.cash_rounding));
    if (auto clean = core::check_text("the reference", request.reference, 64); !clean) return clean.error();
    std::string reference = request.reference;
    if (request.method == core::TenderMethod::card) {
        if (auto clean = core::check_card_reference(request.reference); !clean) return clean.error();
        if (auto last4 = core::check_card_last4(request.card_last4); !last4) return last4.error();
        reference = core::card_reference(request.reference, request.card_last4);
    } else if (!request.card_last4.empty()) {
        return make_error(ErrorCode::bad_input, "last4 is only for card tenders");
    }
    if (request.method == core::TenderMethod::account) {
        if (auto allowed = check_account_tender(amount); !allowed) return allowed.error();
        reference = member_->card;
    }
    core::Tender tender{request.method, amount, reference};
    if (auto taken = next.add_tender(tender, config_.cash_rounding, request.partial); !taken) return taken.error();

    TenderOutcome outcome;
    outcome.payment = next.payment(config_.cash_rounding);
    if (outcome.payment.complete) {
        if (auto completed = complete_sale(std::move(next), now, outcome); !completed) return completed.error();
        return outcome;
    }
    ticket_ = std::move(next);
    return outcome;
}

core::Status Lane::complete_sale(core::Ticket paid, const std::string& now, TenderOutcome& outcome) {
    // A sale a payment code paid keeps the id its payment journal names (its ticket_ref).
    std::string sale_id = sale_id_.empty() ? new_uuid() : sale_id_;
    member_balance_.reset();
    auto receipt = commit(paid, sale_id, now);
    if (!receipt) return receipt.error();
    outcome.sale_id = sale_id;
    outcome.receipt_no = *receipt;
    outcome.member_balance = member_balance_;
    member_balance_.reset();
    member_.reset();
    sale_id_.clear();
    ticket_ = core::Ticket{};
    return core::Done{};
}

}  // namespace pos::actions
