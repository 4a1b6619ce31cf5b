// WeChat Pay v2 signatures against the provider's own worked example (安全规范, the MD5 and
// HMAC-SHA256 values published there) and a micropay-shaped request.
#include <doctest/doctest.h>

#include "payments/wechat_sign.hpp"

using namespace pos::payments;

namespace {
const std::string key = "192006250b4c09247ec02edce69f6a2d";
const std::map<std::string, std::string> example = {
    {"appid", "wxd930ea5d5a258f4f"},   {"mch_id", "10000100"}, {"device_info", "1000"}, {"body", "test"},
    {"nonce_str", "ibuaiVcKdpRxkhJA"},
};
}  // namespace

TEST_CASE("wechat_sign: the documented example, sorted and keyed") {
    CHECK(wechat_sign_string(example, key) ==
          "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA"
          "&key=192006250b4c09247ec02edce69f6a2d");
    CHECK(wechat_sign(example, key, WechatSignType::md5) == "9A0A8659F005D6984697E2CA0A9CF3B7");
    CHECK(wechat_sign(example, key, WechatSignType::hmac_sha256) ==
          "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
}

TEST_CASE("wechat_sign: empty fields and sign itself take no part, UTF-8 bodies are signed as bytes") {
    std::map<std::string, std::string> request = {
        {"appid", "wxd930ea5d5a258f4f"},
        {"mch_id", "10000100"},
        {"nonce_str", "ibuaiVcKdpRxkhJA"},
        {"body", "超市-收银台1-商品"},
        {"out_trade_no", "20240101000000000001"},
        {"total_fee", "1234"},
        {"spbill_create_ip", "192.168.1.10"},
        {"auth_code", "134650328919428540"},
        {"goods_tag", ""},
        {"sign_type", "MD5"},
    };
    CHECK(wechat_sign(request, key, WechatSignType::md5) == "4CD57F48ABC93DBE399A424F7B28DCB8");
    request["sign_type"] = "HMAC-SHA256";
    CHECK(wechat_sign(request, key, WechatSignType::hmac_sha256) ==
          "569278977A8190FE153D50C5B0DF642A0C4D4F452CBF39C91ACF42781B8C8D74");
    request["sign"] = "569278977A8190FE153D50C5B0DF642A0C4D4F452CBF39C91ACF42781B8C8D74";
    CHECK(wechat_signature_valid(request, key, WechatSignType::hmac_sha256));
}

TEST_CASE("wechat_sign: a changed field, an extra field, a missing sign or another key fail the check") {
    std::map<std::string, std::string> signed_example = example;
    signed_example["sign"] = "9A0A8659F005D6984697E2CA0A9CF3B7";
    CHECK(wechat_signature_valid(signed_example, key, WechatSignType::md5));
    auto changed = signed_example;
    changed["body"] = "tesT";
    CHECK_FALSE(wechat_signature_valid(changed, key, WechatSignType::md5));
    auto extra = signed_example;
    extra["promotion_detail"] = "x";  // unknown fields are signed over too
    CHECK_FALSE(wechat_signature_valid(extra, key, WechatSignType::md5));
    auto unsigned_example = example;
    CHECK_FALSE(wechat_signature_valid(unsigned_example, key, WechatSignType::md5));
    CHECK_FALSE(wechat_signature_valid(signed_example, "another-key", WechatSignType::md5));
}
