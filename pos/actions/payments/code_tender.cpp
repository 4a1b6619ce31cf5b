// The Lane's side of a payment code (付款码): the ticket it pays, and the confirmed order as its
// tender. Charging is PaymentDesk's; the sale completes only on a paid order.
#include <fmt/format.h>

#include "pos/actions/access/secrets.hpp"
#include "pos/actions/lane.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;
using core::Money;

core::Result<CodePaymentTicket> Lane::code_payment_ticket(std::optional<Money> amount) {
    if (auto ready = require_selling(); !ready) return ready.error();
    if (!ticket_.has_live_lines()) return make_error(ErrorCode::no_ticket, "the ticket is empty: scan an item first");
    Money due = ticket_.amount_due_for(core::TenderMethod::wechat, config_.cash_rounding);
    Money wanted = amount.value_or(due);
    if (wanted <= Money{}) return make_error(ErrorCode::bad_amount, "nothing is due: the ticket is paid");
    if (wanted > due) {
        return make_error(ErrorCode::tender_over,
                          fmt::format("a payment code takes at most what is due ({}): type {} or less", due.to_string(),
                                      due.to_string()));
    }
    if (sale_id_.empty()) sale_id_ = new_uuid();
    return CodePaymentTicket{sale_id_, wanted};
}

core::Result<TenderOutcome> Lane::take_code_payment(const CodeOrder& paid, const std::string& now) {
    if (auto ready = require_selling(); !ready) return ready.error();
    if (paid.state != "paid") {
        return make_error(ErrorCode::bad_input, fmt::format("payment {} is {}, not paid: it cannot pay the sale",
                                                            paid.out_trade_no, paid.state));
    }
    if (sale_id_.empty() || paid.ticket_ref != sale_id_) {
        return make_error(ErrorCode::bad_input,
                          fmt::format("payment {} belongs to another ticket: it will be reversed", paid.out_trade_no));
    }
    core::Ticket next = ticket_;
    // The provider names are the tender methods' names (wechat, alipay, unionpay).
    auto method = core::parse_tender_method(paid.provider);
    if (!method || !core::is_payment_code_method(*method)) {
        return make_error(ErrorCode::bad_input, fmt::format("payment {} names no provider the lane knows: {}",
                                                            paid.out_trade_no, paid.provider));
    }
    core::Tender tender{*method, paid.amount, paid.transaction_id};
    if (auto taken = next.add_tender(tender, config_.cash_rounding, true); !taken) return taken.error();
    // The money is taken: the tender stays on the ticket whatever happens to the commit.
    ticket_ = next;
    TenderOutcome outcome;
    outcome.payment = next.payment(config_.cash_rounding);
    if (!outcome.payment.complete) return outcome;
    if (auto completed = complete_sale(std::move(next), now, outcome); !completed) return completed.error();
    return outcome;
}

core::Result<TenderOutcome> Lane::finish_paid_sale(const std::string& now) {
    if (auto ready = require_selling(); !ready) return ready.error();
    TenderOutcome outcome;
    outcome.payment = ticket_.payment(config_.cash_rounding);
    if (!outcome.payment.complete) {
        return make_error(ErrorCode::bad_input, fmt::format("{} is still due: take it before the sale can complete",
                                                            outcome.payment.remaining.to_string()));
    }
    if (auto completed = complete_sale(ticket_, now, outcome); !completed) return completed.error();
    return outcome;
}

}  // namespace pos::actions
