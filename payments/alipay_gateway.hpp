// Alipay OpenAPI 2.0 当面付 条码支付: alipay.trade.pay (scene bar_code), .query, .cancel,
// .refund and .fastpay.refund.query, form requests signed RSA2, JSON answers whose signature
// is checked with Alipay's public key (docs/payments.md, "Alipay").
#pragma once

#include <functional>
#include <map>
#include <string>

#include "payments/gateway.hpp"
#include "payments/https_client.hpp"

namespace pos::payments {

struct AlipayConfig {
    std::string app_id;
    std::string private_key_pem;             // the app's RSA private key, read from a 0600 file
    std::string alipay_public_key;           // Alipay's public key (PEM or the console's bare base64)
    std::string store_id;                    // ASCII, as Alipay asks
    Endpoint endpoint;                       // https://openapi.alipay.com (the path /gateway.do is added)
    std::function<std::string()> timestamp;  // "yyyy-MM-dd HH:mm:ss", China time
};

class AlipayGateway final : public Gateway {
public:
    explicit AlipayGateway(AlipayConfig config) : config_(std::move(config)) {}

    GatewayAnswer charge(const ChargeRequest& request) override;
    GatewayAnswer query(const std::string& out_trade_no) override;
    GatewayAnswer cancel(const std::string& out_trade_no) override;
    RefundAnswer refund(const RefundRequest& request) override;
    RefundAnswer refund_query(const RefundRequest& request) override;
    support::Expected<std::string, StatementError> statement(const std::string& day) override;

private:
    struct Reply {
        bool answered = false;
        std::string code;      // 10000, 10003, 20000, 40004 ...
        std::string sub_code;  // ACQ.SYSTEM_ERROR ...
        std::string message;   // sub_msg, else msg
        std::string object;    // the signed "<method>_response" object, as received
        std::string problem;
    };
    Reply call(const std::string& method, const std::string& biz_content);
    AlipayConfig config_;
};

// application/x-www-form-urlencoded, UTF-8 bytes percent-encoded.
[[nodiscard]] std::string form_encode(const std::map<std::string, std::string>& params);

}  // namespace pos::payments
