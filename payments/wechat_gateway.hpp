// WeChat Pay API v2 付款码支付: micropay, orderquery, reverse, refund, refundquery and
// downloadbill, XML bodies signed with HMAC-SHA256 (docs/payments.md, "WeChat Pay").
#pragma once

#include <string>

#include "payments/gateway.hpp"
#include "payments/https_client.hpp"
#include "payments/wechat_sign.hpp"
#include "payments/wechat_xml.hpp"

namespace pos::payments {

struct WechatConfig {
    std::string appid;
    std::string mch_id;
    std::string api_key;           // the merchant platform's API key (APIv2 密钥): from a 0600 file
    std::string spbill_create_ip;  // this lane's address, as the API asks
    Endpoint endpoint;             // https://api.mch.weixin.qq.com; client cert for reverse and refund
};

class WechatGateway final : public Gateway {
public:
    explicit WechatGateway(WechatConfig config) : config_(std::move(config)) {}

    GatewayAnswer charge(const ChargeRequest& request) override;
    GatewayAnswer query(const std::string& out_trade_no) override;
    GatewayAnswer cancel(const std::string& out_trade_no) override;
    RefundAnswer refund(const RefundRequest& request) override;
    RefundAnswer refund_query(const RefundRequest& request) override;
    support::Expected<std::string, StatementError> statement(const std::string& day) override;

private:
    struct Reply {
        bool answered = false;  // a signed, readable answer came back
        Fields fields;
        std::string problem;  // why not, when not
    };
    // `fields` with the merchant's ids, a nonce and the HMAC-SHA256 signature, as XML.
    [[nodiscard]] std::string signed_body(Fields fields) const;
    // Signs and posts `fields`; the answer's signature is checked when return_code is SUCCESS.
    Reply call(const std::string& path, Fields fields);
    WechatConfig config_;
};

// 32 random letters and digits for nonce_str.
[[nodiscard]] std::string random_nonce();

}  // namespace pos::payments
