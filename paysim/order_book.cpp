// The order book's rules: scenarios, single-use codes, idempotent numbers, reverse and refunds.
#include "paysim/order_book.hpp"

#include <fmt/format.h>

namespace pos::paysim {

Scenario scenario_of(const std::string& auth_code) {
    if (auth_code.size() < 2) return Scenario::pays;
    char tens = auth_code[auth_code.size() - 2];
    char ones = auth_code.back();
    if (tens < '0' || tens > '9' || ones < '0' || ones > '9') return Scenario::pays;
    int ending = (tens - '0') * 10 + (ones - '0');
    switch (ending) {
        case 1: return Scenario::confirms_later;
        case 2: return Scenario::never_confirms;
        case 3: return Scenario::insufficient;
        case 4: return Scenario::expired;
        case 5: return Scenario::invalid;
        case 6: return Scenario::system_error;
        case 7: return Scenario::slow;
        case 8: return Scenario::dropped;
        case 9: return Scenario::lost_after_charge;
        case 10: return Scenario::declines;
        default: return Scenario::pays;
    }
}

PayReply OrderBook::pay(const std::string& provider, const std::string& out_trade_no, int64_t fen,
                        const std::string& auth_code, const std::string& now) {
    std::lock_guard lock(mutex_);
    if (auto existing = orders_.find(out_trade_no); existing != orders_.end()) {
        Order& order = existing->second;
        if (order.fen != fen || order.auth_code != auth_code) return {PayOutcome::number_reused, order};
        if (order.state == TradeState::success) return {PayOutcome::paid, order};
        if (order.state == TradeState::userpaying) return {PayOutcome::userpaying, order};
        return {PayOutcome::number_reused, order};
    }
    Scenario scenario = scenario_of(auth_code);
    if (scenario == Scenario::insufficient) return {PayOutcome::insufficient, {}};
    if (scenario == Scenario::expired) return {PayOutcome::expired, {}};
    if (scenario == Scenario::invalid) return {PayOutcome::invalid, {}};
    if (used_codes_.count(auth_code)) return {PayOutcome::code_used, {}};
    used_codes_[auth_code] = out_trade_no;
    Order order;
    order.out_trade_no = out_trade_no;
    order.provider = provider;
    order.auth_code = auth_code;
    order.fen = fen;
    order.scenario = scenario;
    order.created_at = now;
    bool waits =
        scenario == Scenario::confirms_later || scenario == Scenario::never_confirms || scenario == Scenario::declines;
    if (!waits) {
        order.state = TradeState::success;
        order.paid_at = now;
        order.transaction_id = fmt::format("42000{:013}", next_transaction_++);
    }
    orders_[out_trade_no] = order;
    if (scenario == Scenario::system_error) return {PayOutcome::system_error, order};
    return {waits ? PayOutcome::userpaying : PayOutcome::paid, order};
}

bool OrderBook::query(const std::string& out_trade_no, const std::string& now, Order& out) {
    std::lock_guard lock(mutex_);
    auto found = orders_.find(out_trade_no);
    if (found == orders_.end()) return false;
    Order& order = found->second;
    ++order.queries;
    if (order.state == TradeState::userpaying && order.queries >= 2) {
        if (order.scenario == Scenario::confirms_later) {
            order.state = TradeState::success;
            order.paid_at = now;
            order.transaction_id = fmt::format("42000{:013}", next_transaction_++);
        } else if (order.scenario == Scenario::declines) {
            order.state = TradeState::payerror;
        }
    }
    out = order;
    return true;
}

bool OrderBook::reverse(const std::string& out_trade_no, const std::string& now, Order& out) {
    std::lock_guard lock(mutex_);
    auto found = orders_.find(out_trade_no);
    if (found == orders_.end()) return false;
    Order& order = found->second;
    if (order.state == TradeState::success) {
        int64_t refunded = 0;
        for (const Refund& each : order.refunds) refunded += each.fen;
        if (refunded < order.fen) {
            order.refunds.push_back({"reverse-" + out_trade_no, order.fen - refunded, now});
        }
        order.refunded_by_reverse = true;
    }
    if (order.state != TradeState::closed) order.state = TradeState::revoked;
    out = order;
    return true;
}

RefundOutcome OrderBook::refund(const std::string& out_trade_no, const std::string& out_refund_no, int64_t fen,
                                const std::string& now) {
    std::lock_guard lock(mutex_);
    auto found = orders_.find(out_trade_no);
    if (found == orders_.end()) return RefundOutcome::no_order;
    Order& order = found->second;
    if (order.state != TradeState::success) return RefundOutcome::not_paid;
    int64_t refunded = 0;
    for (const Refund& each : order.refunds) {
        if (each.out_refund_no == out_refund_no) return RefundOutcome::repeated;  // the same refund again: once
        refunded += each.fen;
    }
    if (fen <= 0 || refunded + fen > order.fen) return RefundOutcome::too_much;
    order.refunds.push_back({out_refund_no, fen, now});
    return RefundOutcome::accepted;
}

bool OrderBook::find_refund(const std::string& out_refund_no, Refund& out, Order& order) {
    std::lock_guard lock(mutex_);
    for (const auto& [number, each] : orders_) {
        for (const Refund& refund : each.refunds) {
            if (refund.out_refund_no == out_refund_no) {
                out = refund;
                order = each;
                return true;
            }
        }
    }
    return false;
}

std::vector<Order> OrderBook::orders_of(const std::string& provider, const std::string& day) {
    std::lock_guard lock(mutex_);
    std::vector<Order> found;
    for (const auto& [number, order] : orders_) {
        if (order.provider == provider && order.created_at.rfind(day, 0) == 0) found.push_back(order);
    }
    return found;
}

}  // namespace pos::paysim
