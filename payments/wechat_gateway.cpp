// WeChat Pay v2 calls and how each answer maps to an order state (§ outcome tables in
// docs/payments.md): SUCCESS is paid; USERPAYING waits; SYSTEMERROR, BANKERROR, no answer or a
// bad signature are unknown; any other error code is a refusal, nothing taken.
#include "payments/wechat_gateway.hpp"

#include <set>

#include <openssl/rand.h>

#include "payments/wechat_xml.hpp"

namespace pos::payments {
namespace {

std::string value_of(const Fields& fields, const std::string& name) {
    auto found = fields.find(name);
    return found == fields.end() ? std::string{} : found->second;
}

// The micropay refusals WeChat Pay's table marks 支付确认失败: nothing was taken.
const std::set<std::string> definite_refusals = {"AUTHCODEEXPIRE",
                                                 "AUTH_CODE_INVALID",
                                                 "AUTH_CODE_ERROR",
                                                 "NOTENOUGH",
                                                 "NOTSUPORTCARD",
                                                 "ORDERCLOSED",
                                                 "ORDERREVERSED",
                                                 "BUYER_MISMATCH",
                                                 "TRADE_ERROR",
                                                 "PARAM_ERROR",
                                                 "NOAUTH",
                                                 "XML_FORMAT_ERROR",
                                                 "REQUIRE_POST_METHOD",
                                                 "SIGNERROR",
                                                 "LACK_PARAMS",
                                                 "NOT_UTF8",
                                                 "APPID_NOT_EXIST",
                                                 "MCHID_NOT_EXIST",
                                                 "APPID_MCHID_NOT_MATCH",
                                                 "OUT_TRADE_NO_USED",
                                                 "INVALID_REQUEST"};

std::string error_text(const Fields& fields) {
    std::string text = value_of(fields, "err_code_des");
    if (text.empty()) text = value_of(fields, "return_msg");
    return text;
}

}  // namespace

std::string random_nonce() {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char bytes[32];
    RAND_bytes(bytes, sizeof(bytes));
    std::string nonce;
    for (unsigned char b : bytes) nonce.push_back(alphabet[b % 62]);
    return nonce;
}

std::string WechatGateway::signed_body(Fields fields) const {
    fields["appid"] = config_.appid;
    fields["mch_id"] = config_.mch_id;
    fields["nonce_str"] = random_nonce();
    fields["sign_type"] = "HMAC-SHA256";
    fields["sign"] = wechat_sign(fields, config_.api_key, WechatSignType::hmac_sha256);
    return to_wechat_xml(fields);
}

WechatGateway::Reply WechatGateway::call(const std::string& path, Fields fields) {
    auto reply = post(config_.endpoint, path, "text/xml; charset=utf-8", signed_body(std::move(fields)));
    if (!reply) return Reply{false, {}, reply.error().message};
    if (reply->status != 200) return Reply{false, {}, "the gateway answered HTTP " + std::to_string(reply->status)};
    auto parsed = from_wechat_xml(reply->body);
    if (!parsed) return Reply{false, {}, parsed.error()};
    // A FAIL answer carries no signature (the provider's own SDK reads it unsigned); a SUCCESS
    // answer must be signed, or it may not be from the provider.
    if (value_of(*parsed, "return_code") == "SUCCESS" &&
        !wechat_signature_valid(*parsed, config_.api_key, WechatSignType::hmac_sha256)) {
        return Reply{false, {}, "the answer's signature is wrong: it may not come from WeChat Pay"};
    }
    return Reply{true, std::move(*parsed), {}};
}

GatewayAnswer WechatGateway::charge(const ChargeRequest& request) {
    Reply reply = call("/pay/micropay", {{"body", request.subject},
                                         {"out_trade_no", request.out_trade_no},
                                         {"total_fee", std::to_string(request.fen)},
                                         {"auth_code", request.auth_code},
                                         {"device_info", request.terminal},
                                         {"spbill_create_ip", config_.spbill_create_ip}});
    if (!reply.answered) return GatewayAnswer{OrderState::unknown, {}, "no_answer", reply.problem};
    const Fields& f = reply.fields;
    if (value_of(f, "return_code") != "SUCCESS") {
        return GatewayAnswer{OrderState::failed, {}, "return_code_fail", value_of(f, "return_msg")};
    }
    if (value_of(f, "result_code") == "SUCCESS") {
        // Paid, but only this order for this amount: anything else is for the query to settle.
        if (value_of(f, "out_trade_no") != request.out_trade_no ||
            value_of(f, "total_fee") != std::to_string(request.fen)) {
            return GatewayAnswer{OrderState::unknown, {}, "mismatch", "the answer names another order or amount"};
        }
        return GatewayAnswer{OrderState::paid, value_of(f, "transaction_id"), "SUCCESS", {}};
    }
    std::string code = value_of(f, "err_code");
    if (code == "USERPAYING") return GatewayAnswer{OrderState::waiting, {}, code, error_text(f)};
    // Only a refusal the provider's table calls definite (支付确认失败) means nothing was taken;
    // ORDERPAID, SYSTEMERROR, BANKERROR and any code we do not know are for the query to settle.
    if (definite_refusals.count(code)) return GatewayAnswer{OrderState::failed, {}, code, error_text(f)};
    return GatewayAnswer{OrderState::unknown, {}, code.empty() ? "no_err_code" : code, error_text(f)};
}

GatewayAnswer WechatGateway::query(const std::string& out_trade_no) {
    Reply reply = call("/pay/orderquery", {{"out_trade_no", out_trade_no}});
    if (!reply.answered) return GatewayAnswer{OrderState::unknown, {}, "no_answer", reply.problem};
    const Fields& f = reply.fields;
    if (value_of(f, "return_code") != "SUCCESS") {
        return GatewayAnswer{OrderState::unknown, {}, "return_code_fail", value_of(f, "return_msg")};
    }
    if (value_of(f, "result_code") != "SUCCESS") {
        std::string code = value_of(f, "err_code");
        // ORDERNOTEXIST too: a micropay still on its way may yet arrive; only a reverse settles it.
        return GatewayAnswer{OrderState::unknown, {}, code, error_text(f)};
    }
    std::string trade_state = value_of(f, "trade_state");
    std::string description = value_of(f, "trade_state_desc");
    if (trade_state == "SUCCESS")
        return GatewayAnswer{OrderState::paid, value_of(f, "transaction_id"), trade_state, {}};
    if (trade_state == "USERPAYING" || trade_state == "NOTPAY" || trade_state == "ACCEPT") {
        return GatewayAnswer{OrderState::waiting, {}, trade_state, description};
    }
    if (trade_state == "CLOSED" || trade_state == "REVOKED") {
        return GatewayAnswer{OrderState::closed, {}, trade_state, description};
    }
    // PAYERROR: "支付失败,请撤销订单" — the provider asks for a reverse, which settles it.
    if (trade_state == "PAYERROR") return GatewayAnswer{OrderState::unknown, {}, trade_state, description};
    if (trade_state == "REFUND") {
        return GatewayAnswer{OrderState::paid, value_of(f, "transaction_id"), trade_state, description};
    }
    return GatewayAnswer{OrderState::unknown, {}, trade_state, description};
}

GatewayAnswer WechatGateway::cancel(const std::string& out_trade_no) {
    Reply reply = call("/secapi/pay/reverse", {{"out_trade_no", out_trade_no}});
    if (!reply.answered) return GatewayAnswer{OrderState::unknown, {}, "no_answer", reply.problem, true};
    const Fields& f = reply.fields;
    if (value_of(f, "return_code") != "SUCCESS") {
        return GatewayAnswer{OrderState::unknown, {}, "return_code_fail", value_of(f, "return_msg"), true};
    }
    if (value_of(f, "result_code") == "SUCCESS") return GatewayAnswer{OrderState::closed, {}, "REVERSED", {}};
    // recall=Y: call again. An order WeChat does not know was never charged. Any other refusal
    // (past the 7 days, an error) is not proof nothing was taken: the query says what is so.
    std::string code = value_of(f, "err_code");
    bool again = value_of(f, "recall") == "Y";
    if (!again && code == "ORDERNOTEXIST") return GatewayAnswer{OrderState::closed, {}, code, error_text(f)};
    return GatewayAnswer{OrderState::unknown, {}, code, error_text(f), again};
}

RefundAnswer WechatGateway::refund(const RefundRequest& request) {
    Reply reply = call("/secapi/pay/refund", {{"out_trade_no", request.out_trade_no},
                                              {"out_refund_no", request.out_refund_no},
                                              {"total_fee", std::to_string(request.total_fen)},
                                              {"refund_fee", std::to_string(request.refund_fen)}});
    if (!reply.answered) return RefundAnswer{RefundState::unknown, "no_answer", reply.problem};
    const Fields& f = reply.fields;
    if (value_of(f, "return_code") != "SUCCESS") {
        return RefundAnswer{RefundState::unknown, "return_code_fail", value_of(f, "return_msg")};
    }
    if (value_of(f, "result_code") == "SUCCESS") return RefundAnswer{RefundState::processing, "SUCCESS", {}};
    std::string code = value_of(f, "err_code");
    if (code == "SYSTEMERROR" || code == "BIZERR_NEED_RETRY")
        return RefundAnswer{RefundState::unknown, code, error_text(f)};
    return RefundAnswer{RefundState::failed, code, error_text(f)};
}

RefundAnswer WechatGateway::refund_query(const RefundRequest& request) {
    Reply reply = call("/pay/refundquery", {{"out_refund_no", request.out_refund_no}});
    if (!reply.answered) return RefundAnswer{RefundState::unknown, "no_answer", reply.problem};
    const Fields& f = reply.fields;
    if (value_of(f, "return_code") != "SUCCESS") {
        return RefundAnswer{RefundState::unknown, "return_code_fail", value_of(f, "return_msg")};
    }
    if (value_of(f, "result_code") != "SUCCESS") {
        std::string code = value_of(f, "err_code");
        // REFUNDNOTEXIST: the refund never arrived; sending it again with the same number is safe.
        return RefundAnswer{code == "REFUNDNOTEXIST" ? RefundState::failed : RefundState::unknown, code, error_text(f)};
    }
    std::string status = value_of(f, "refund_status_0");
    if (status == "SUCCESS") return RefundAnswer{RefundState::refunded, status, {}};
    if (status == "PROCESSING") return RefundAnswer{RefundState::processing, status, {}};
    if (status == "REFUNDCLOSE" || status == "CHANGE") return RefundAnswer{RefundState::failed, status, {}};
    return RefundAnswer{RefundState::unknown, status.empty() ? "no_refund_status" : status, {}};
}

support::Expected<std::string, StatementError> WechatGateway::statement(const std::string& day) {
    // Not through call(): a bill comes back as plain text, not as a signed <xml> answer.
    auto reply = post(config_.endpoint, "/pay/downloadbill", "text/xml; charset=utf-8",
                      signed_body({{"bill_date", day}, {"bill_type", "ALL"}}));
    if (!reply) return StatementError{reply.error().message};
    if (reply->status != 200) return StatementError{"the gateway answered HTTP " + std::to_string(reply->status)};
    // A failure is an <xml> body; the bill itself is plain text.
    if (reply->body.rfind("<xml>", 0) == 0) {
        auto parsed = from_wechat_xml(reply->body);
        return StatementError{"no statement for " + day + ": " +
                              (parsed ? value_of(*parsed, "return_msg") : parsed.error())};
    }
    return reply->body;
}

}  // namespace pos::payments
