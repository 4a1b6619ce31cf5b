// 对账: gather the lane's journal and each gateway's record of the day, then compare (pos/core).
#include "pos/actions/payments/reconcile.hpp"

#include <fmt/format.h>

#include "payments/wechat_bill.hpp"

namespace pos::actions {
namespace {

using core::ErrorCode;
using core::make_error;

// WeChat's statement of the day, only this lane's numbers (L<lane>-...): other lanes share the merchant.
core::Result<std::vector<core::GatewayEntry>> wechat_entries(PaymentDesk& desk, const std::string& day) {
    auto gateway = desk.gateway("wechat");
    if (!gateway) return gateway.error();
    std::string compact = day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2);
    auto text = (*gateway)->statement(compact);
    if (!text) {
        return make_error(ErrorCode::io,
                          fmt::format("WeChat Pay's statement of {} could not be fetched: {} (statements of a day are "
                                      "ready after 10:00 the next day)",
                                      day, text.error().message));
    }
    auto lines = payments::parse_wechat_bill(*text);
    if (!lines)
        return make_error(ErrorCode::bad_input, "WeChat Pay's statement cannot be read: " + lines.error().message);
    std::string mine = fmt::format("L{}-", desk.lane());
    std::vector<core::GatewayEntry> entries;
    for (const payments::BillLine& line : *lines) {
        if (!line.out_trade_no.starts_with(mine)) continue;
        if (line.state == "REFUND") {
            entries.push_back({line.out_refund_no, line.out_trade_no, true, line.refund_fen, line.transaction_id});
        } else {
            entries.push_back({line.out_trade_no, {}, line.state == "SUCCESS", line.fen, line.transaction_id});
        }
    }
    return entries;
}

// Alipay: each order and refund of the lane asked of the gateway.
std::vector<core::GatewayEntry> alipay_entries(PaymentDesk& desk, const std::vector<CodeOrder>& orders,
                                               const std::vector<CodeRefund>& refunds) {
    std::vector<core::GatewayEntry> entries;
    auto gateway = desk.gateway("alipay");
    if (!gateway) return entries;
    for (const CodeOrder& order : orders) {
        if (order.provider != "alipay") continue;
        payments::GatewayAnswer answer = (*gateway)->query(order.out_trade_no);
        entries.push_back({order.out_trade_no,
                           {},
                           answer.state == payments::OrderState::paid,
                           order.amount.in_fen(),
                           answer.transaction_id});
    }
    for (const CodeRefund& refund : refunds) {
        auto order = std::find_if(orders.begin(), orders.end(),
                                  [&](const CodeOrder& each) { return each.out_trade_no == refund.out_trade_no; });
        if (order == orders.end() || order->provider != "alipay") continue;
        payments::RefundAnswer answer = (*gateway)->refund_query(
            {refund.out_trade_no, refund.out_refund_no, refund.amount.in_fen(), order->amount.in_fen()});
        entries.push_back({refund.out_refund_no,
                           refund.out_trade_no,
                           answer.state == payments::RefundState::refunded,
                           refund.amount.in_fen(),
                           {}});
    }
    return entries;
}

}  // namespace

core::Result<Reconciliation> reconcile_day(PaymentDesk& desk, const std::string& day) {
    if (day.size() != 10 || day[4] != '-' || day[7] != '-') {
        return make_error(ErrorCode::bad_input, "the day is yyyy-mm-dd, e.g. 2026-12-07");
    }
    auto orders = desk.orders_of_day(day);
    if (!orders) return orders.error();
    auto refunds = desk.refunds_of_day(day);
    if (!refunds) return refunds.error();
    Reconciliation result;
    result.day = day;
    std::vector<core::JournalEntry> lane;
    std::map<std::string, std::string> provider_of;
    bool any_wechat = false;
    for (const CodeOrder& order : *orders) {
        lane.push_back({order.out_trade_no, {}, order.state, order.amount.in_fen(), order.transaction_id});
        provider_of[order.out_trade_no] = order.provider;
        any_wechat = any_wechat || order.provider == "wechat";
        if (order.state == "paid") result.taken[order.provider] += order.amount;
    }
    for (const CodeRefund& refund : *refunds) {
        lane.push_back({refund.out_refund_no, refund.out_trade_no, refund.state, refund.amount.in_fen(), {}});
        if (refund.state == "refunded") result.refunded[provider_of[refund.out_trade_no]] += refund.amount;
    }
    result.orders = int(orders->size());
    result.refunds = int(refunds->size());
    std::vector<core::GatewayEntry> gateway = alipay_entries(desk, *orders, *refunds);
    if (any_wechat || desk.config().wechat.url.size()) {
        auto wechat = wechat_entries(desk, day);
        if (!wechat && any_wechat) return wechat.error();
        if (wechat) gateway.insert(gateway.end(), wechat->begin(), wechat->end());
    }
    result.differences = core::reconcile_payments(lane, gateway);
    return result;
}

}  // namespace pos::actions
