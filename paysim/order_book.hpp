// The simulated gateway's orders, provider-neutral: what a customer's phone does with each
// payment code (docs/payments.md, "The simulator"), and what the gateway then knows about each
// order and refund. Codes are single use; order and refund numbers are idempotent, as the
// providers' documents say. No IO: the protocol files turn this into WeChat or Alipay bytes.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace pos::paysim {

// What the customer's phone does, chosen by the code's last two digits.
enum class Scenario {
    pays,               // any other ending: paid at once
    confirms_later,     // 01: USERPAYING, paid on the second query
    never_confirms,     // 02: USERPAYING until reversed
    insufficient,       // 03: not enough balance
    expired,            // 04: the code expired
    invalid,            // 05: not a valid code
    system_error,       // 06: SYSTEMERROR, yet the charge went through
    slow,               // 07: paid, the answer comes late
    dropped,            // 08: the connection drops before anything is charged
    lost_after_charge,  // 09: charged, then the connection drops
    declines,           // 10: USERPAYING, then the customer declines (PAYERROR)
};

[[nodiscard]] Scenario scenario_of(const std::string& auth_code);

enum class TradeState { userpaying, success, payerror, revoked, closed };

struct Refund {
    std::string out_refund_no;
    int64_t fen = 0;
    std::string at;  // "2026-12-07 10:15:00"
};

struct Order {
    std::string out_trade_no;
    std::string provider;  // wechat, alipay
    std::string auth_code;
    int64_t fen = 0;
    TradeState state = TradeState::userpaying;
    Scenario scenario = Scenario::pays;
    int queries = 0;
    std::string transaction_id;
    std::string created_at;
    std::string paid_at;
    bool refunded_by_reverse = false;
    std::vector<Refund> refunds;
};

enum class PayOutcome { paid, userpaying, insufficient, expired, invalid, code_used, system_error, number_reused };

struct PayReply {
    PayOutcome outcome = PayOutcome::paid;
    Order order;
};

// repeated: that refund number was refunded before; nothing moves again.
enum class RefundOutcome { accepted, repeated, no_order, not_paid, too_much };

class OrderBook {
public:
    // A charge: idempotent by out_trade_no (the same order asked again answers its state).
    PayReply pay(const std::string& provider, const std::string& out_trade_no, int64_t fen,
                 const std::string& auth_code, const std::string& now);
    // The order as a query sees it, advancing a customer who confirms later; false when unknown.
    bool query(const std::string& out_trade_no, const std::string& now, Order& out);
    // Reverse / cancel: closes an unpaid order, refunds a paid one; false when unknown.
    bool reverse(const std::string& out_trade_no, const std::string& now, Order& out);
    RefundOutcome refund(const std::string& out_trade_no, const std::string& out_refund_no, int64_t fen,
                         const std::string& now);
    // The refund with that number, if any.
    bool find_refund(const std::string& out_refund_no, Refund& out, Order& order);
    // Every order created on `day` ("2026-12-07"), for the statement.
    [[nodiscard]] std::vector<Order> orders_of(const std::string& provider, const std::string& day);

private:
    std::mutex mutex_;
    std::map<std::string, Order> orders_;
    std::map<std::string, std::string> used_codes_;  // auth code -> its order
    int64_t next_transaction_ = 1;
};

}  // namespace pos::paysim
