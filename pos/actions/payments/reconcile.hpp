// `posctl payments reconcile`: a day's payment codes on this lane against the gateways' records
// (docs/payments.md "Reconciliation"): WeChat Pay's statement (downloadbill), and for Alipay,
// whose statement is a file from the merchant console, the gateway's answer for each order.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pos/actions/payments/payment_desk.hpp"
#include "pos/core/payment_reconcile.hpp"

namespace pos::actions {

struct Reconciliation {
    std::string day;                              // yyyy-mm-dd
    std::map<std::string, core::Money> taken;     // provider → paid on the lane
    std::map<std::string, core::Money> refunded;  // provider → refunded on the lane
    int orders = 0;
    int refunds = 0;
    std::vector<core::PaymentDifference> differences;  // empty: lane and gateways agree to the fen
};

[[nodiscard]] core::Result<Reconciliation> reconcile_day(PaymentDesk& desk, const std::string& day);

}  // namespace pos::actions
