// Lane actions: each checks who may do it, changes the ticket, and journals what must last.
#include "pos/actions/lane.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pos/actions/code_lookup.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/secrets.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;
using core::Money;

namespace {

LineChange change_of(const core::Ticket& ticket, int line, core::CashRounding rounding) {
    return LineChange{line, ticket.lines()[size_t(line - 1)], ticket.payment(rounding).subtotal};
}

}  // namespace

core::Result<db::UserRecord> Lane::check_credentials(const std::string& operator_id, std::string_view pin) {
    auto found = db_.find_user(operator_id);
    if (!found) return storage_error(found.error());
    if (!*found || !(*found)->active) {
        return make_error(ErrorCode::unknown_operator,
                          fmt::format("there is no operator number {}: check the number on your badge", operator_id));
    }
    if (!verify_pin(pin, (*found)->pin_hash)) {
        return make_error(ErrorCode::wrong_pin, fmt::format("wrong PIN for operator {}: enter it again", operator_id));
    }
    return **found;
}

core::Status Lane::login(const std::string& operator_id, std::string_view pin) {
    if (operator_) {
        return make_error(ErrorCode::already_logged_in,
                          fmt::format("operator {} is logged in on this lane: log out first", operator_->operator_id));
    }
    auto user = check_credentials(operator_id, pin);
    if (!user) return user.error();
    auto open = db_.find_open_shift(config_.lane);
    if (!open) return storage_error(open.error());
    operator_ = *user;
    shift_ = *open;
    return core::Done{};
}

core::Status Lane::logout() {
    if (!operator_) return make_error(ErrorCode::not_logged_in, "nobody is logged in");
    if (ticket_.has_live_lines()) {
        return make_error(ErrorCode::ticket_open, "a ticket is open: finish the sale before logging out");
    }
    operator_.reset();
    shift_.reset();
    ticket_ = core::Ticket{};
    return core::Done{};
}

core::Result<db::ShiftRecord> Lane::open_shift(Money float_amount, const std::string& now) {
    if (!operator_) return make_error(ErrorCode::not_logged_in, "log in before opening a shift");
    if (float_amount.is_negative()) return make_error(ErrorCode::bad_amount, "the float cannot be negative");
    auto open = db_.find_open_shift(config_.lane);
    if (!open) return storage_error(open.error());
    if (*open) {
        return make_error(ErrorCode::shift_open,
                          fmt::format("a shift of operator {} opened at {} is still open on lane {}: close it (交班) first",
                                      (*open)->operator_id, (*open)->opened_at, config_.lane));
    }
    db::ShiftRecord shift{new_uuid(), config_.lane, operator_->operator_id, now, float_amount.in_fen(), std::nullopt};
    nlohmann::json payload = {{"shift_id", shift.id}, {"lane", shift.lane}, {"operator", shift.operator_id},
                              {"opened_at", shift.opened_at}, {"float", float_amount.to_string()}};
    if (auto saved = db_.open_shift(shift, payload.dump()); !saved) return storage_error(saved.error());
    shift_ = shift;
    return shift;
}

core::Status Lane::require_selling() const {
    if (!operator_) return make_error(ErrorCode::not_logged_in, "log in first (operator number and PIN)");
    if (!shift_) return make_error(ErrorCode::no_shift, "open a shift with your float before selling");
    if (shift_->operator_id != operator_->operator_id) {
        return make_error(ErrorCode::shift_open,
                          fmt::format("the open shift on this lane belongs to operator {}: they must close it (交班) first",
                                      shift_->operator_id));
    }
    return core::Done{};
}

core::Result<LineChange> Lane::scan(std::string_view code, std::optional<core::Quantity> quantity) {
    if (auto ready = require_selling(); !ready) return ready.error();
    auto resolved = resolve_code(db_, config_.nomenclature, code, quantity);
    if (!resolved) return resolved.error();
    auto line = ticket_.add_item(resolved->item, resolved->gtin, resolved->quantity, resolved->unit_price,
                                 resolved->label_amount, resolved->from_label);
    if (!line) return line.error();
    return change_of(ticket_, *line, config_.cash_rounding);
}

core::Result<LineChange> Lane::set_quantity(int line, core::Quantity quantity) {
    if (auto ready = require_selling(); !ready) return ready.error();
    if (auto changed = ticket_.set_quantity(line, quantity); !changed) return changed.error();
    return change_of(ticket_, line, config_.cash_rounding);
}

core::Result<LineChange> Lane::void_line(int line, const std::string& approver, std::string_view approver_pin) {
    if (auto ready = require_selling(); !ready) return ready.error();
    if (auto approved = check_approval({approver, std::string(approver_pin)}, "voiding a line"); !approved) {
        return approved.error();
    }
    if (auto voided = ticket_.void_line(line, approver); !voided) return voided.error();
    return change_of(ticket_, line, config_.cash_rounding);
}

core::Result<int64_t> Lane::commit(const core::Ticket& paid, const std::string& sale_id, const std::string& now) {
    SaleContext context{sale_id, config_.lane, shift_->id, operator_->operator_id, now};
    db::SaleRecord sale = to_sale_record(paid, paid.payment(config_.cash_rounding), context);
    auto committed = db_.commit_sale(std::move(sale), [](const db::SaleRecord& record) { return sale_to_json(record).dump(); });
    if (!committed) {
        core::Error failure = storage_error(committed.error());
        failure.message = "the sale was NOT saved, it is still on screen: " + failure.message;
        return failure;
    }
    return *committed;
}

core::Result<TenderOutcome> Lane::tender(const TenderRequest& request, const std::string& now) {
    if (auto ready = require_selling(); !ready) return ready.error();
    if (!ticket_.has_live_lines()) return make_error(ErrorCode::no_ticket, "the ticket is empty: scan an item first");
    // Work on a copy: if the sale cannot be saved, the ticket stays exactly as it was.
    core::Ticket next = ticket_;
    Money amount = request.amount.value_or(next.amount_due_for(request.method, config_.cash_rounding));
    core::Tender tender{request.method, amount, request.reference};
    if (auto taken = next.add_tender(tender, config_.cash_rounding, request.partial); !taken) return taken.error();

    TenderOutcome outcome;
    outcome.payment = next.payment(config_.cash_rounding);
    if (outcome.payment.complete) {
        std::string sale_id = new_uuid();
        auto receipt = commit(next, sale_id, now);
        if (!receipt) return receipt.error();
        outcome.sale_id = sale_id;
        outcome.receipt_no = *receipt;
        next = core::Ticket{};
    }
    ticket_ = std::move(next);
    return outcome;
}

}  // namespace pos::actions
