// One payment gateway as the lane sees it, whichever provider is behind it: charge a payment
// code, ask about an order, cancel (reverse) it, refund it, fetch a day's statement. Every call
// answers with a state; an unclear answer (timeout, dropped connection, bad signature, system
// error) is `unknown`, never a guess, so the lane asks again until the order is final.
#pragma once

#include <cstdint>
#include <string>

#include "support/expected.hpp"

namespace pos::payments {

enum class OrderState {
    paid,     // the money is taken: transaction_id is the provider's
    waiting,  // the customer must confirm on the phone (USERPAYING, WAIT_BUYER_PAY): ask again
    unknown,  // no clear answer: ask again, never charge again
    failed,   // refused or never created: nothing was taken
    closed,   // cancelled or reversed: nothing is taken (a paid order was refunded in full)
};

[[nodiscard]] const char* order_state_name(OrderState state);

// "12.34" from fen: amounts in yuan with two decimals (Alipay's requests, WeChat's statements).
[[nodiscard]] std::string yuan_text(int64_t fen);

struct GatewayAnswer {
    OrderState state = OrderState::unknown;
    std::string transaction_id;  // when paid
    std::string code;            // the provider's code: USERPAYING, NOTENOUGH, ACQ.SYSTEM_ERROR, timeout ...
    std::string message;         // the provider's words, or ours for a transport fault
    bool retry = false;          // a cancel asked to be called again (recall=Y, retry_flag=Y)
};

struct ChargeRequest {
    std::string out_trade_no;  // lane-unique, the same on every retry of this order
    int64_t fen = 0;
    std::string auth_code;  // the customer's code: sent, never kept
    std::string subject;    // "超市 lane 1 receipt 42"
    std::string terminal;   // store and lane, for the provider's records
};

enum class RefundState { refunded, processing, unknown, failed };

[[nodiscard]] const char* refund_state_name(RefundState state);

struct RefundRequest {
    std::string out_trade_no;
    std::string out_refund_no;  // unique per refund; the same on every retry, so it is refunded once
    int64_t refund_fen = 0;
    int64_t total_fen = 0;  // the order's amount
};

struct RefundAnswer {
    RefundState state = RefundState::unknown;
    std::string code;
    std::string message;
};

struct StatementError {
    std::string message;
};

class Gateway {
public:
    virtual ~Gateway() = default;
    [[nodiscard]] virtual GatewayAnswer charge(const ChargeRequest& request) = 0;
    [[nodiscard]] virtual GatewayAnswer query(const std::string& out_trade_no) = 0;
    // WeChat reverse / Alipay trade.cancel: an unpaid order is closed, a paid one refunded.
    [[nodiscard]] virtual GatewayAnswer cancel(const std::string& out_trade_no) = 0;
    [[nodiscard]] virtual RefundAnswer refund(const RefundRequest& request) = 0;
    [[nodiscard]] virtual RefundAnswer refund_query(const RefundRequest& request) = 0;
    // The provider's statement of a day (yyyymmdd) as it sends it; an error says why not.
    [[nodiscard]] virtual support::Expected<std::string, StatementError> statement(const std::string& day) = 0;
};

}  // namespace pos::payments
