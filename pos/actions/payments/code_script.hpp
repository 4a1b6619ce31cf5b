// The action scripts' pay_code op (docs/action-scripts.md): a payment code charged through the
// gateway and driven to a final state before the result line is written.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "pos/actions/lane.hpp"
#include "pos/actions/payments/payment_desk.hpp"

namespace pos::actions {

// {"op":"pay_code","code":"134650328919428540","amount":"12.00","cancel":false}. amount omitted:
// what is due. cancel: the cashier cancels at once (the order is reversed). `desk` null: refused,
// the lane has no [payments].
[[nodiscard]] nlohmann::json apply_pay_code(Lane& lane, PaymentDesk* desk, const nlohmann::json& action,
                                            const std::string& now);

// A return's result with its payment-code refunds driven to final and listed ("refunds").
[[nodiscard]] nlohmann::json with_code_refunds(nlohmann::json return_result, PaymentDesk* desk);

}  // namespace pos::actions
