// [payments] in pos.toml: the merchant's gateway accounts, where their keys are, and the timings
// of the closed loop (docs/payments.md "Merchant set-up"). Key files must be 0600.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "payments/gateway.hpp"
#include "pos/core/payment_code.hpp"
#include "pos/core/payment_flow.hpp"
#include "pos/core/result.hpp"

namespace pos::actions {

struct WechatAccount {
    std::string url;  // https://api.mch.weixin.qq.com
    std::string appid;
    std::string mch_id;
    std::string key_file;     // the APIv2 key (32 characters), 0600
    std::string client_cert;  // apiclient_cert.pem, for reverse and refund (mutual TLS)
    std::string client_key;   // apiclient_key.pem, 0600
};

struct AlipayAccount {
    std::string url;  // https://openapi.alipay.com
    std::string app_id;
    std::string private_key_file;  // the app's RSA2 private key, 0600
    std::string public_key_file;   // Alipay's public key
};

struct PaymentConfig {
    WechatAccount wechat;  // url empty: WeChat Pay codes are refused with a message
    AlipayAccount alipay;  // url empty: Alipay codes are refused with a message
    std::string ca_file;   // trust anchors for the gateways' certificates; empty: the system's
    int64_t call_timeout_ms = 10000;
    core::PaymentTimings timings;

    [[nodiscard]] bool any() const { return !wechat.url.empty() || !alipay.url.empty(); }
};

// The gateway for `provider`, its keys read from their files (relative paths inside `data_dir`).
// Refused with a message saying what to set or fix: an unconfigured provider, a missing key file,
// a key file others can read.
[[nodiscard]] core::Result<std::unique_ptr<payments::Gateway>> make_gateway(const PaymentConfig& config,
                                                                            core::PaymentProvider provider,
                                                                            const std::string& data_dir,
                                                                            const std::string& store_id);

}  // namespace pos::actions
