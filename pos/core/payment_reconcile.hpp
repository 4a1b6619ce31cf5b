// Reconciliation of a day's payment codes (对账): the lane's journal against the gateway's own
// record (WeChat's statement, or Alipay's answer to a query of each order). Every difference is
// listed with what to do; none means the lane and the gateway agree to the fen. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pos::core {

// An order or refund as the lane journaled it.
struct JournalEntry {
    std::string number;  // out_trade_no, or out_refund_no for a refund
    std::string order;   // the order a refund belongs to (empty for an order)
    std::string state;   // order: paid, failed, closed, ...; refund: refunded, failed, ...
    int64_t fen = 0;
    std::string transaction_id;
};

// What the gateway says was taken (an order) or given back (a refund).
struct GatewayEntry {
    std::string number;
    std::string order;
    bool taken = false;  // an order: paid and not reversed; a refund: refunded
    int64_t fen = 0;
    std::string transaction_id;
};

struct PaymentDifference {
    std::string number;
    std::string what;  // "paid on the lane but not at the gateway: ..." with what to do
};

// Compares orders and refunds. The gateway's list holds only what it took or gave back; an entry
// the lane holds as not taken (failed, closed) must be absent there.
[[nodiscard]] std::vector<PaymentDifference> reconcile_payments(const std::vector<JournalEntry>& lane,
                                                                const std::vector<GatewayEntry>& gateway);

}  // namespace pos::core
