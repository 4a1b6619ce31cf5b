// pay_code: journal, charge, drive to final, and only a paid order becomes the sale's tender.
#include "pos/actions/payments/code_script.hpp"

#include <fmt/format.h>

#include "pos/actions/scripts/session.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;
using nlohmann::json;

namespace {

json order_json(const CodeOrder& order) {
    return {{"out_trade_no", order.out_trade_no},
            {"provider", order.provider},
            {"code", order.masked_code},
            {"amount", order.amount.to_string()},
            {"state", order.state},
            {"transaction_id", order.transaction_id},
            {"gateway_code", order.last_code},
            {"gateway_message", order.last_message}};
}

}  // namespace

json apply_pay_code(Lane& lane, PaymentDesk* desk, const json& action, const std::string& now) {
    if (!desk || !desk->configured()) {
        return failure(
            make_error(ErrorCode::bad_input, "payment codes are not set up on this lane: fill [payments] in pos.toml"));
    }
    if (!action.contains("code") || !action["code"].is_string()) {
        return failure(make_error(ErrorCode::bad_input, "\"code\" is missing: the customer's payment code"));
    }
    std::optional<core::Money> amount;
    if (action.contains("amount")) {
        if (!action["amount"].is_string()) return failure(make_error(ErrorCode::bad_input, "\"amount\" must be text"));
        auto parsed = core::Money::parse(action["amount"].get<std::string>());
        if (!parsed) return failure(parsed.error());
        amount = *parsed;
    }
    bool cancel = action.value("cancel", false);
    auto ticket = lane.code_payment_ticket(amount);
    if (!ticket) return failure(ticket.error());
    std::string code = action["code"].get<std::string>();
    auto begun = desk->begin(code, ticket->amount, ticket->sale_id, now);
    if (!begun) return failure(begun.error());
    PaymentControl control;
    if (cancel) control.cancel();
    CodeOrder final_order = desk->charge(*begun, std::move(code), control);
    json result = order_json(final_order);
    if (final_order.state != "paid") {
        json refused = failure(
            make_error(ErrorCode::payment_refused, fmt::format("{} {}: {} {}", final_order.provider, final_order.state,
                                                               final_order.last_code, final_order.last_message)));
        refused["order"] = result;
        return refused;
    }
    auto taken = lane.take_code_payment(final_order, now);
    bool on_ticket = false;
    for (const core::Tender& tender : lane.ticket().tenders()) {
        on_ticket = on_ticket || tender.reference == final_order.transaction_id;
    }
    if (!taken && on_ticket) {
        json failed = failure(taken.error());  // the sale's commit failed; the payment stays on the ticket
        failed["order"] = result;
        return failed;
    }
    if (!taken) {
        // The money was taken but cannot pay this ticket: give it back.
        PaymentControl reverse_control;
        result = order_json(desk->reverse(final_order, reverse_control));
        json refused = failure(taken.error());
        refused["order"] = result;
        return refused;
    }
    result["ok"] = true;
    result["complete"] = taken->payment.complete;
    result["remaining"] = taken->payment.remaining.to_string();
    result["sale_id"] = taken->sale_id ? json(*taken->sale_id) : json(nullptr);
    result["receipt_no"] = taken->receipt_no;
    return result;
}

json with_code_refunds(json return_result, PaymentDesk* desk) {
    if (!desk || return_result.value("ok", false) == false || !return_result.contains("sale_id")) return return_result;
    PaymentControl control;
    auto refunds = desk->refund_return(return_result["sale_id"].get<std::string>(), control);
    json list = json::array();
    if (refunds) {
        for (const CodeRefund& refund : *refunds) {
            list.push_back({{"out_refund_no", refund.out_refund_no},
                            {"out_trade_no", refund.out_trade_no},
                            {"amount", refund.amount.to_string()},
                            {"state", refund.state},
                            {"gateway_code", refund.last_code},
                            {"gateway_message", refund.last_message}});
        }
    }
    return_result["refunds"] = list;
    return return_result;
}

}  // namespace pos::actions
