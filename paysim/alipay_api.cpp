// Alipay OpenAPI as the simulator answers it: codes 10000/10003/20000/40004 and the sub_codes
// of the provider's trade.pay table.
#include "paysim/alipay_api.hpp"

#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "payments/alipay_gateway.hpp"
#include "payments/alipay_sign.hpp"

namespace pos::paysim {
namespace {

using nlohmann::json;

std::string param(const std::map<std::string, std::string>& params, const std::string& name) {
    auto found = params.find(name);
    return found == params.end() ? std::string{} : found->second;
}

Answer signed_answer(const AlipayMerchant& merchant, const std::string& method, const json& object) {
    std::string inner = object.dump();
    auto signature = payments::rsa2_sign(inner, merchant.gateway_private_key);
    std::string body = "{\"" + payments::alipay_response_root(method) + "\":" + inner + ",\"sign\":\"" +
                       (signature ? *signature : "") + "\"}";
    return Answer{body, "application/json; charset=utf-8"};
}

json business_failure(const std::string& sub_code, const std::string& sub_msg) {
    return {{"code", "40004"}, {"msg", "Business Failed"}, {"sub_code", sub_code}, {"sub_msg", sub_msg}};
}

// "12.34" to fen; -1 when it is not an amount with at most two decimals.
int64_t fen_of(const std::string& text) {
    int64_t whole = 0;
    int decimals = -1;
    for (char c : text) {
        if (c == '.') {
            if (decimals >= 0) return -1;
            decimals = 0;
        } else if (c >= '0' && c <= '9' && decimals < 2) {
            if (whole > 10'000'000'000) return -1;  // more than any order: stop before int64 overflows
            whole = whole * 10 + (c - '0');
            if (decimals >= 0) ++decimals;
        } else {
            return -1;
        }
    }
    if (text.empty() || whole > 10'000'000'000) return -1;
    for (int d = decimals < 0 ? 0 : decimals; d < 2; ++d) whole *= 10;
    return whole;
}

json paid_object(const Order& order) {
    return {{"code", "10000"},
            {"msg", "Success"},
            {"trade_no", order.transaction_id},
            {"out_trade_no", order.out_trade_no},
            {"buyer_logon_id", "159***@qq.com"},
            {"total_amount", payments::yuan_text(order.fen)},
            {"receipt_amount", payments::yuan_text(order.fen)},
            {"gmt_payment", order.paid_at}};
}

Answer pay(OrderBook& book, const AlipayMerchant& merchant, const json& biz, const Clock& clock) {
    std::string code = biz.value("auth_code", "");
    Scenario scenario = scenario_of(code);
    if (scenario == Scenario::dropped) return Answer{{}, {}, Fault::drop};
    int64_t fen = fen_of(biz.value("total_amount", ""));
    if (fen <= 0)
        return signed_answer(merchant, "alipay.trade.pay", business_failure("ACQ.INVALID_PARAMETER", "参数无效"));
    PayReply reply = book.pay("alipay", biz.value("out_trade_no", ""), fen, code, clock.now_text);
    json object;
    switch (reply.outcome) {
        case PayOutcome::paid: object = paid_object(reply.order); break;
        case PayOutcome::userpaying:
            object = {{"code", "10003"}, {"msg", "等待用户付款"}, {"out_trade_no", reply.order.out_trade_no}};
            break;
        case PayOutcome::insufficient: object = business_failure("ACQ.BUYER_BALANCE_NOT_ENOUGH", "买家余额不足"); break;
        case PayOutcome::expired:
        case PayOutcome::invalid:
        case PayOutcome::code_used:
            object = business_failure("ACQ.PAYMENT_AUTH_CODE_INVALID",
                                      "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款");
            break;
        case PayOutcome::system_error:
            object = {{"code", "20000"},
                      {"msg", "Service Currently Unavailable"},
                      {"sub_code", "isp.unknow-error"},
                      {"sub_msg", "系统繁忙"}};
            break;
        case PayOutcome::number_reused: object = business_failure("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改"); break;
    }
    Answer answer = signed_answer(merchant, "alipay.trade.pay", object);
    if (scenario == Scenario::slow) answer.fault = Fault::slow;
    if (scenario == Scenario::lost_after_charge) answer.fault = Fault::drop_after;
    return answer;
}

Answer query(OrderBook& book, const AlipayMerchant& merchant, const json& biz, const Clock& clock) {
    Order order;
    if (!book.query(biz.value("out_trade_no", ""), clock.now_text, order)) {
        return signed_answer(merchant, "alipay.trade.query", business_failure("ACQ.TRADE_NOT_EXIST", "交易不存在"));
    }
    json object = {{"code", "10000"},
                   {"msg", "Success"},
                   {"out_trade_no", order.out_trade_no},
                   {"total_amount", payments::yuan_text(order.fen)}};
    switch (order.state) {
        case TradeState::success:
            object = paid_object(order);
            object["trade_status"] = "TRADE_SUCCESS";
            break;
        case TradeState::userpaying: object["trade_status"] = "WAIT_BUYER_PAY"; break;
        case TradeState::payerror:
        case TradeState::revoked:
        case TradeState::closed: object["trade_status"] = "TRADE_CLOSED"; break;
    }
    return signed_answer(merchant, "alipay.trade.query", object);
}

Answer cancel(OrderBook& book, const AlipayMerchant& merchant, const json& biz, const Clock& clock) {
    Order order;
    std::string number = biz.value("out_trade_no", "");
    if (!book.reverse(number, clock.now_text, order)) {
        return signed_answer(merchant, "alipay.trade.cancel",
                             {{"code", "10000"}, {"msg", "Success"}, {"out_trade_no", number}, {"retry_flag", "N"}});
    }
    return signed_answer(merchant, "alipay.trade.cancel",
                         {{"code", "10000"},
                          {"msg", "Success"},
                          {"out_trade_no", number},
                          {"retry_flag", "N"},
                          {"action", order.refunded_by_reverse ? "refund" : "close"}});
}

Answer refund(OrderBook& book, const AlipayMerchant& merchant, const json& biz, const Clock& clock) {
    int64_t fen = fen_of(biz.value("refund_amount", ""));
    std::string number = biz.value("out_trade_no", "");
    std::string request_no = biz.value("out_request_no", number);
    RefundOutcome outcome = book.refund(number, request_no, fen, clock.now_text);
    switch (outcome) {
        case RefundOutcome::accepted:
        case RefundOutcome::repeated:  // Alipay answers a repeated refund with fund_change N
            return signed_answer(merchant, "alipay.trade.refund",
                                 {{"code", "10000"},
                                  {"msg", "Success"},
                                  {"out_trade_no", number},
                                  {"fund_change", outcome == RefundOutcome::accepted ? "Y" : "N"},
                                  {"refund_fee", payments::yuan_text(fen)},
                                  {"gmt_refund_pay", clock.now_text}});
        case RefundOutcome::no_order:
            return signed_answer(merchant, "alipay.trade.refund",
                                 business_failure("ACQ.TRADE_NOT_EXIST", "交易不存在"));
        case RefundOutcome::not_paid:
            return signed_answer(merchant, "alipay.trade.refund",
                                 business_failure("ACQ.TRADE_STATUS_ERROR", "交易状态不合法"));
        case RefundOutcome::too_much:
            return signed_answer(merchant, "alipay.trade.refund",
                                 business_failure("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限"));
    }
    return Answer{};
}

Answer refund_query(OrderBook& book, const AlipayMerchant& merchant, const json& biz) {
    Refund found;
    Order order;
    json object = {{"code", "10000"}, {"msg", "Success"}, {"out_trade_no", biz.value("out_trade_no", "")}};
    if (book.find_refund(biz.value("out_request_no", ""), found, order)) {
        object["out_request_no"] = found.out_refund_no;
        object["refund_amount"] = payments::yuan_text(found.fen);
        object["refund_status"] = "REFUND_SUCCESS";
    }
    return signed_answer(merchant, "alipay.trade.fastpay.refund.query", object);
}

// The method's answer; nullopt for a method the simulator does not know.
std::optional<Answer> dispatch(OrderBook& book, const AlipayMerchant& merchant, const std::string& method,
                               const json& biz, const Clock& clock) {
    if (method == "alipay.trade.pay") return pay(book, merchant, biz, clock);
    if (method == "alipay.trade.query") return query(book, merchant, biz, clock);
    if (method == "alipay.trade.cancel") return cancel(book, merchant, biz, clock);
    if (method == "alipay.trade.refund") return refund(book, merchant, biz, clock);
    if (method == "alipay.trade.fastpay.refund.query") return refund_query(book, merchant, biz);
    return std::nullopt;
}

}  // namespace

Answer handle_alipay(OrderBook& book, const AlipayMerchant& merchant, const std::map<std::string, std::string>& params,
                     const Clock& clock) {
    std::string method = param(params, "method");
    auto refuse = [&](const std::string& sub_code, const std::string& sub_msg) {
        std::string text =
            json{{"code", "40002"}, {"msg", "Invalid Arguments"}, {"sub_code", sub_code}, {"sub_msg", sub_msg}}.dump();
        return Answer{"{\"error_response\":" + text + "}", "application/json; charset=utf-8"};
    };
    if (param(params, "app_id") != merchant.app_id) return refuse("isv.invalid-app-id", "无效的AppID参数");
    if (!payments::rsa2_signature_valid(payments::alipay_sign_content(params), param(params, "sign"),
                                        merchant.app_public_key)) {
        return refuse("isv.invalid-signature", "验签出错");
    }
    json biz = json::parse(param(params, "biz_content"), nullptr, false);
    if (!biz.is_object()) return refuse("isv.invalid-biz-content", "biz_content 不是 JSON");
    try {
        if (auto answer = dispatch(book, merchant, method, biz, clock)) return *answer;
    } catch (const json::exception&) {  // a field of the wrong type, e.g. "total_amount": 12
        return refuse("isv.invalid-parameter", "biz_content 字段类型错误");
    }
    return refuse("isv.invalid-method", "不存在的方法名 " + method);
}

}  // namespace pos::paysim
