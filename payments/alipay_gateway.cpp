// Alipay calls and their outcomes: 10000 paid (or done), 10003 waiting for the buyer, 20000,
// ACQ.SYSTEM_ERROR, no answer or a bad signature unknown, other 40004 refusals failed.
#include "payments/alipay_gateway.hpp"

#include <cctype>
#include <cstdlib>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "payments/alipay_sign.hpp"

namespace pos::payments {
namespace {

using nlohmann::json;

std::string text_of(const json& object, const char* name) {
    auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

bool unclear(const std::string& code, const std::string& sub_code) {
    return code == "20000" || sub_code == "ACQ.SYSTEM_ERROR";
}

}  // namespace

std::string form_encode(const std::map<std::string, std::string>& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (!out.empty()) out += '&';
        for (const std::string* part : {&name, &value}) {
            for (unsigned char c : *part) {
                if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
                    out += static_cast<char>(c);
                else
                    out += fmt::format("%{:02X}", c);
            }
            if (part == &name) out += '=';
        }
    }
    return out;
}

AlipayGateway::Reply AlipayGateway::call(const std::string& method, const std::string& biz_content) {
    std::map<std::string, std::string> params = {
        {"app_id", config_.app_id}, {"method", method},           {"format", "JSON"},
        {"charset", "utf-8"},       {"sign_type", "RSA2"},        {"timestamp", config_.timestamp()},
        {"version", "1.0"},         {"biz_content", biz_content},
    };
    auto signature = rsa2_sign(alipay_sign_content(params), config_.private_key_pem);
    if (!signature) return Reply{false, {}, {}, {}, {}, signature.error().message};
    params["sign"] = *signature;
    auto reply =
        post(config_.endpoint, "/gateway.do", "application/x-www-form-urlencoded;charset=utf-8", form_encode(params));
    if (!reply) return Reply{false, {}, {}, {}, {}, reply.error().message};
    if (reply->status != 200)
        return Reply{false, {}, {}, {}, {}, fmt::format("the gateway answered HTTP {}", reply->status)};
    json body = json::parse(reply->body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) return Reply{false, {}, {}, {}, {}, "the answer is not JSON"};
    std::string root = alipay_response_root(method);
    std::optional<std::string> object = alipay_signed_object(reply->body, root);
    bool gateway_refused = false;
    if (!object) {
        // The gateway refusing the request itself (bad signature, unknown app): nothing was done.
        object = alipay_signed_object(reply->body, "error_response");
        gateway_refused = object.has_value();
    }
    if (!object) return Reply{false, {}, {}, {}, {}, "the answer has no " + root};
    if (!gateway_refused && !rsa2_signature_valid(*object, text_of(body, "sign"), config_.alipay_public_key)) {
        return Reply{false, {}, {}, {}, {}, "the answer's signature is wrong: it may not come from Alipay"};
    }
    json inner = json::parse(*object, nullptr, false);
    if (inner.is_discarded()) return Reply{false, {}, {}, {}, {}, "the answer is not JSON"};
    // An unsigned answer may only ever refuse the request (40001–40006); it never says paid.
    std::string code = text_of(inner, "code");
    if (gateway_refused && (code.size() != 5 || code.rfind("4000", 0) != 0)) {
        return Reply{false, {}, {}, {}, {}, "an unsigned answer that is not a refusal: it may not come from Alipay"};
    }
    std::string message = text_of(inner, "sub_msg");
    if (message.empty()) message = text_of(inner, "msg");
    return Reply{true, code, text_of(inner, "sub_code"), message, *object, {}};
}

GatewayAnswer AlipayGateway::charge(const ChargeRequest& request) {
    json biz = {{"out_trade_no", request.out_trade_no},   {"scene", "bar_code"},
                {"auth_code", request.auth_code},         {"subject", request.subject},
                {"total_amount", yuan_text(request.fen)}, {"store_id", config_.store_id},
                {"terminal_id", request.terminal}};
    Reply reply = call("alipay.trade.pay", biz.dump());
    if (!reply.answered) return GatewayAnswer{OrderState::unknown, {}, "no_answer", reply.problem};
    json inner = json::parse(reply.object, nullptr, false);
    if (reply.code == "10000") {
        // Paid, but only this order for this amount: anything else is for the query to settle.
        if (text_of(inner, "out_trade_no") != request.out_trade_no ||
            text_of(inner, "total_amount") != yuan_text(request.fen)) {
            return GatewayAnswer{OrderState::unknown, {}, "mismatch", "the answer names another order or amount"};
        }
        return GatewayAnswer{OrderState::paid, text_of(inner, "trade_no"), reply.code, {}};
    }
    if (reply.code == "10003") return GatewayAnswer{OrderState::waiting, {}, reply.code, reply.message};
    // TRADE_HAS_SUCCESS: paid already, by this order number; the query says by whom and how much.
    if (unclear(reply.code, reply.sub_code) || reply.sub_code == "ACQ.TRADE_HAS_SUCCESS") {
        return GatewayAnswer{
            OrderState::unknown, {}, reply.sub_code.empty() ? reply.code : reply.sub_code, reply.message};
    }
    return GatewayAnswer{OrderState::failed, {}, reply.sub_code.empty() ? reply.code : reply.sub_code, reply.message};
}

GatewayAnswer AlipayGateway::query(const std::string& out_trade_no) {
    Reply reply = call("alipay.trade.query", json{{"out_trade_no", out_trade_no}}.dump());
    if (!reply.answered) return GatewayAnswer{OrderState::unknown, {}, "no_answer", reply.problem};
    json inner = json::parse(reply.object, nullptr, false);
    if (reply.code != "10000") {
        // ACQ.TRADE_NOT_EXIST too: a trade.pay still on its way may yet arrive; a cancel settles it.
        return GatewayAnswer{
            OrderState::unknown, {}, reply.sub_code.empty() ? reply.code : reply.sub_code, reply.message};
    }
    std::string status = text_of(inner, "trade_status");
    if (status == "TRADE_SUCCESS" || status == "TRADE_FINISHED") {
        return GatewayAnswer{OrderState::paid, text_of(inner, "trade_no"), status, {}};
    }
    if (status == "WAIT_BUYER_PAY") return GatewayAnswer{OrderState::waiting, {}, status, {}};
    if (status == "TRADE_CLOSED") return GatewayAnswer{OrderState::closed, {}, status, {}};
    return GatewayAnswer{OrderState::unknown, {}, status, {}};
}

GatewayAnswer AlipayGateway::cancel(const std::string& out_trade_no) {
    Reply reply = call("alipay.trade.cancel", json{{"out_trade_no", out_trade_no}}.dump());
    if (!reply.answered) return GatewayAnswer{OrderState::unknown, {}, "no_answer", reply.problem, true};
    json inner = json::parse(reply.object, nullptr, false);
    bool again = text_of(inner, "retry_flag") == "Y";
    if (reply.code == "10000" && !again) return GatewayAnswer{OrderState::closed, {}, text_of(inner, "action"), {}};
    if (reply.code == "10000" || unclear(reply.code, reply.sub_code)) {
        return GatewayAnswer{
            OrderState::unknown, {}, reply.sub_code.empty() ? reply.code : reply.sub_code, reply.message, true};
    }
    return GatewayAnswer{OrderState::unknown, {}, reply.sub_code, reply.message, false};
}

RefundAnswer AlipayGateway::refund(const RefundRequest& request) {
    json biz = {{"out_trade_no", request.out_trade_no},
                {"refund_amount", yuan_text(request.refund_fen)},
                {"out_request_no", request.out_refund_no}};
    Reply reply = call("alipay.trade.refund", biz.dump());
    if (!reply.answered) return RefundAnswer{RefundState::unknown, "no_answer", reply.problem};
    json inner = json::parse(reply.object, nullptr, false);
    if (reply.code == "10000") {
        // fund_change N on a retry means the first request already moved the money: ask.
        return RefundAnswer{
            text_of(inner, "fund_change") == "Y" ? RefundState::refunded : RefundState::processing, reply.code, {}};
    }
    if (unclear(reply.code, reply.sub_code)) return RefundAnswer{RefundState::unknown, reply.sub_code, reply.message};
    return RefundAnswer{RefundState::failed, reply.sub_code.empty() ? reply.code : reply.sub_code, reply.message};
}

RefundAnswer AlipayGateway::refund_query(const RefundRequest& request) {
    json biz = {{"out_trade_no", request.out_trade_no}, {"out_request_no", request.out_refund_no}};
    Reply reply = call("alipay.trade.fastpay.refund.query", biz.dump());
    if (!reply.answered) return RefundAnswer{RefundState::unknown, "no_answer", reply.problem};
    json inner = json::parse(reply.object, nullptr, false);
    if (reply.code != "10000") return RefundAnswer{RefundState::unknown, reply.sub_code, reply.message};
    // Two documented ways of saying "refunded": refund_status, or the refund's data being there.
    std::string status = text_of(inner, "refund_status");
    if (status == "REFUND_SUCCESS" || (status.empty() && !text_of(inner, "refund_amount").empty())) {
        return RefundAnswer{RefundState::refunded, "REFUND_SUCCESS", {}};
    }
    return RefundAnswer{RefundState::failed, status.empty() ? "NOT_REFUNDED" : status, {}};
}

support::Expected<std::string, StatementError> AlipayGateway::statement(const std::string& day) {
    return StatementError{"Alipay statements are downloaded from the merchant console for " + day +
                          ": the lane reconciles WeChat Pay statements itself"};
}

}  // namespace pos::payments
