// WeChat Pay v2 as the simulator answers it, with the error codes of the provider's tables.
#include "paysim/wechat_api.hpp"

#include <fmt/format.h>

#include "payments/gateway.hpp"
#include "payments/wechat_gateway.hpp"
#include "payments/wechat_sign.hpp"
#include "payments/wechat_xml.hpp"

namespace pos::paysim {
namespace {

using payments::Fields;

std::string value_of(const Fields& fields, const std::string& name) {
    auto found = fields.find(name);
    return found == fields.end() ? std::string{} : found->second;
}

Answer unsigned_failure(const std::string& message) {
    return Answer{payments::to_wechat_xml({{"return_code", "FAIL"}, {"return_msg", message}})};
}

Answer signed_answer(const WechatMerchant& merchant, Fields fields) {
    fields["return_code"] = "SUCCESS";
    fields["return_msg"] = "OK";
    fields["appid"] = merchant.appid;
    fields["mch_id"] = merchant.mch_id;
    fields["nonce_str"] = payments::random_nonce();
    fields["sign"] = payments::wechat_sign(fields, merchant.api_key, payments::WechatSignType::hmac_sha256);
    return Answer{payments::to_wechat_xml(fields)};
}

Fields refusal(const std::string& code, const std::string& text) {
    return {{"result_code", "FAIL"}, {"err_code", code}, {"err_code_des", text}};
}

std::string compact_time(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c >= '0' && c <= '9') out.push_back(c);
    }
    return out;
}

Fields paid_fields(const Order& order) {
    return {{"result_code", "SUCCESS"},
            {"openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
            {"trade_type", "MICROPAY"},
            {"bank_type", "CMC"},
            {"total_fee", std::to_string(order.fen)},
            {"fee_type", "CNY"},
            {"transaction_id", order.transaction_id},
            {"out_trade_no", order.out_trade_no},
            {"time_end", compact_time(order.paid_at)}};
}

Answer micropay(OrderBook& book, const WechatMerchant& merchant, const Fields& request, const Clock& clock) {
    std::string code = value_of(request, "auth_code");
    Scenario scenario = scenario_of(code);
    if (scenario == Scenario::dropped) return Answer{{}, {}, Fault::drop};
    int64_t fen = 0;
    try {
        fen = std::stoll(value_of(request, "total_fee"));
    } catch (...) {
        return signed_answer(merchant, refusal("PARAM_ERROR", "total_fee 必须为整数"));
    }
    PayReply reply = book.pay("wechat", value_of(request, "out_trade_no"), fen, code, clock.now_text);
    Answer answer;
    switch (reply.outcome) {
        case PayOutcome::paid: answer = signed_answer(merchant, paid_fields(reply.order)); break;
        case PayOutcome::userpaying:
            answer = signed_answer(merchant, refusal("USERPAYING", "需要用户输入支付密码"));
            break;
        case PayOutcome::insufficient: answer = signed_answer(merchant, refusal("NOTENOUGH", "余额不足")); break;
        case PayOutcome::expired:
            answer = signed_answer(merchant, refusal("AUTHCODEEXPIRE", "101 付款码已过期,请退出重试"));
            break;
        case PayOutcome::invalid:
            answer = signed_answer(merchant, refusal("AUTH_CODE_INVALID", "101 付款码无效，请重新扫码"));
            break;
        case PayOutcome::code_used:
            answer = signed_answer(merchant, refusal("AUTH_CODE_ERROR", "每个二维码仅限使用一次，请刷新再试"));
            break;
        case PayOutcome::system_error: answer = signed_answer(merchant, refusal("SYSTEMERROR", "系统超时")); break;
        case PayOutcome::number_reused:
            answer = signed_answer(merchant, refusal("OUT_TRADE_NO_USED", "商户订单号重复"));
            break;
    }
    if (scenario == Scenario::slow) answer.fault = Fault::slow;
    if (scenario == Scenario::lost_after_charge) answer.fault = Fault::drop_after;
    return answer;
}

Answer orderquery(OrderBook& book, const WechatMerchant& merchant, const Fields& request, const Clock& clock) {
    Order order;
    if (!book.query(value_of(request, "out_trade_no"), clock.now_text, order)) {
        return signed_answer(merchant, refusal("ORDERNOTEXIST", "此交易订单号不存在"));
    }
    Fields fields = {{"result_code", "SUCCESS"},
                     {"out_trade_no", order.out_trade_no},
                     {"total_fee", std::to_string(order.fen)},
                     {"trade_type", "MICROPAY"}};
    switch (order.state) {
        case TradeState::success:
            fields = paid_fields(order);
            fields["trade_state"] = order.refunds.empty() ? "SUCCESS" : "REFUND";
            fields["trade_state_desc"] = "支付成功";
            break;
        case TradeState::userpaying:
            fields["trade_state"] = "USERPAYING";
            fields["trade_state_desc"] = "需要用户输入支付密码";
            break;
        case TradeState::payerror:
            fields["trade_state"] = "PAYERROR";
            fields["trade_state_desc"] = "支付失败,请撤销订单";
            break;
        case TradeState::revoked:
            fields["trade_state"] = "REVOKED";
            fields["trade_state_desc"] = "已撤销";
            break;
        case TradeState::closed:
            fields["trade_state"] = "CLOSED";
            fields["trade_state_desc"] = "已关闭";
            break;
    }
    return signed_answer(merchant, fields);
}

Answer reverse(OrderBook& book, const WechatMerchant& merchant, const Fields& request, const Clock& clock) {
    Order order;
    if (!book.reverse(value_of(request, "out_trade_no"), clock.now_text, order)) {
        Fields fields = refusal("ORDERNOTEXIST", "订单不存在");
        fields["recall"] = "N";
        return signed_answer(merchant, fields);
    }
    return signed_answer(merchant, {{"result_code", "SUCCESS"}, {"recall", "N"}});
}

Answer refund(OrderBook& book, const WechatMerchant& merchant, const Fields& request, const Clock& clock) {
    int64_t fen = 0;
    try {
        fen = std::stoll(value_of(request, "refund_fee"));
    } catch (...) {
        return signed_answer(merchant, refusal("PARAM_ERROR", "refund_fee 必须为整数"));
    }
    std::string out_refund_no = value_of(request, "out_refund_no");
    switch (book.refund(value_of(request, "out_trade_no"), out_refund_no, fen, clock.now_text)) {
        case RefundOutcome::accepted:
        case RefundOutcome::repeated:
            return signed_answer(merchant, {{"result_code", "SUCCESS"},
                                            {"out_refund_no", out_refund_no},
                                            {"refund_fee", std::to_string(fen)},
                                            {"refund_id", "50000" + compact_time(clock.now_text)}});
        case RefundOutcome::no_order: return signed_answer(merchant, refusal("ORDERNOTEXIST", "订单不存在"));
        case RefundOutcome::not_paid: return signed_answer(merchant, refusal("TRADE_STATE_ERROR", "订单状态错误"));
        case RefundOutcome::too_much: return signed_answer(merchant, refusal("ERROR", "退款金额大于支付金额"));
    }
    return unsigned_failure("系统错误");
}

Answer refundquery(OrderBook& book, const WechatMerchant& merchant, const Fields& request) {
    Refund found;
    Order order;
    if (!book.find_refund(value_of(request, "out_refund_no"), found, order)) {
        return signed_answer(merchant, refusal("REFUNDNOTEXIST", "退款订单查询失败"));
    }
    return signed_answer(merchant, {{"result_code", "SUCCESS"},
                                    {"out_trade_no", order.out_trade_no},
                                    {"refund_count", "1"},
                                    {"out_refund_no_0", found.out_refund_no},
                                    {"refund_fee_0", std::to_string(found.fen)},
                                    {"refund_status_0", "SUCCESS"}});
}

}  // namespace

std::string Clock::compact() const { return compact_time(now_text); }

std::string wechat_bill(OrderBook& book, const WechatMerchant& merchant, const std::string& day) {
    std::vector<Order> orders = book.orders_of("wechat", day);
    std::string bill = "\xEF\xBB\xBF";
    bill +=
        "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,"
        "货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
        "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n";
    int64_t count = 0;
    int64_t paid = 0;
    int64_t refunded = 0;
    for (const Order& order : orders) {
        if (order.transaction_id.empty()) continue;  // never paid: not in the bill
        // A paid order reversed (撤销) is listed as REVOKED: nothing of it is settled.
        const char* state = order.refunded_by_reverse ? "REVOKED" : "SUCCESS";
        int64_t settled = order.refunded_by_reverse ? 0 : order.fen;
        bill += fmt::format(
            "`{},`{},`{},`0,`,`{},`{},`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`MICROPAY,`{},`CMC,`CNY,"
            "`{},`0.00,`0,`0,`0.00,`0.00,`,`,`,`,`0.00000,`0.60%,`{},`0.00,`\r\n",
            order.paid_at, merchant.appid, merchant.mch_id, order.transaction_id, order.out_trade_no, state,
            payments::yuan_text(settled), payments::yuan_text(order.fen));
        ++count;
        paid += settled;
        for (const Refund& each : order.refunds) {
            if (each.out_refund_no.starts_with("reverse-")) continue;  // the REVOKED row above stands for it
            bill += fmt::format(
                "`{},`{},`{},`0,`,`{},`{},`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`MICROPAY,`REFUND,`CMC,`CNY,"
                "`0.00,`0.00,`50000{},`{},`{},`0.00,`ORIGINAL,`SUCCESS,`,`,`0.00000,`0.60%,`0.00,`{},`"
                "\r\n",
                each.at, merchant.appid, merchant.mch_id, order.transaction_id, order.out_trade_no,
                compact_time(each.at), each.out_refund_no, payments::yuan_text(each.fen),
                payments::yuan_text(each.fen));
            ++count;
            refunded += each.fen;
        }
    }
    bill += "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n";
    bill += fmt::format("`{},`{},`{},`0.00,`0.00,`{},`{}\r\n", count, payments::yuan_text(paid),
                        payments::yuan_text(refunded), payments::yuan_text(paid), payments::yuan_text(refunded));
    return bill;
}

Answer handle_wechat(OrderBook& book, const WechatMerchant& merchant, const std::string& path, const std::string& body,
                     const Clock& clock) {
    auto request = payments::from_wechat_xml(body);
    if (!request) return unsigned_failure("XML格式错误");
    payments::WechatSignType type = value_of(*request, "sign_type") == "HMAC-SHA256"
                                        ? payments::WechatSignType::hmac_sha256
                                        : payments::WechatSignType::md5;
    if (!payments::wechat_signature_valid(*request, merchant.api_key, type)) return unsigned_failure("签名错误");
    if (value_of(*request, "mch_id") != merchant.mch_id || value_of(*request, "appid") != merchant.appid) {
        return unsigned_failure("appid和mch_id不匹配");
    }
    if (path == "/pay/micropay") return micropay(book, merchant, *request, clock);
    if (path == "/pay/orderquery") return orderquery(book, merchant, *request, clock);
    if (path == "/secapi/pay/reverse") return reverse(book, merchant, *request, clock);
    if (path == "/secapi/pay/refund") return refund(book, merchant, *request, clock);
    if (path == "/pay/refundquery") return refundquery(book, merchant, *request);
    if (path == "/pay/downloadbill") {
        std::string day = value_of(*request, "bill_date");
        if (day.size() != 8) return unsigned_failure("invalid bill_date");
        std::string dashed = day.substr(0, 4) + "-" + day.substr(4, 2) + "-" + day.substr(6, 2);
        if (book.orders_of("wechat", dashed).empty()) return unsigned_failure("No Bill Exist");
        return Answer{wechat_bill(book, merchant, dashed), "text/plain; charset=utf-8"};
    }
    return unsigned_failure("未知接口 " + path);
}

}  // namespace pos::paysim
