// Alipay RSA2: the request's sign content, sign-and-verify with a key made here, a signed
// alipay.trade.pay response verified with the published public key, and the signed object cut
// from a body exactly as sent.
#include <doctest/doctest.h>

#include <memory>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "payments/alipay_sign.hpp"

using namespace pos::payments;

namespace {

struct KeyPair {
    std::string private_pem;
    std::string public_pem;
};

KeyPair fresh_rsa_key() {
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), &EVP_PKEY_free);
    REQUIRE(key);
    auto pem_of = [&](bool is_private) {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
        if (is_private)
            PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
        else
            PEM_write_bio_PUBKEY(bio.get(), key.get());
        char* data = nullptr;
        long size = BIO_get_mem_data(bio.get(), &data);
        return std::string(data, static_cast<size_t>(size));
    };
    return {pem_of(true), pem_of(false)};
}

// The alipay.trade.pay success response and its signature as published with go-pay's
// TestSyncVerifySign, and the public key that signature verifies under.
const std::string pay_response =
    R"({"code":"10000","msg":"Success","buyer_logon_id":"854***@qq.com","buyer_pay_amount":"0.01","buyer_user_id":"2088102363632794","fund_bill_list":[{"amount":"0.01","fund_channel":"PCREDIT"}],"gmt_payment":"2019-08-29 20:14:05","invoice_amount":"0.01","out_trade_no":"GZ201901301040361012","point_amount":"0.00","receipt_amount":"0.01","total_amount":"0.01","trade_no":"2019082922001432790585537960"})";
const std::string pay_signature =
    "bk3SzX0CZRI811IJioS2XKQHcgMixUT8mYyGQj+vcOAQas7GIYi6LpykqqSc3m7+yvqoG0TdX/c2JjYnpw/J53JxtC2IC4vsLuIPIgghVo5qafsfSx"
    "EJ22w20RZDatI2dYqFVcj8Jp+4aesQ8zMMNw7cX9NLyk7kw3DecYeyQp+zrZMueZPqLh88Z+54G+e6QuSU++0ouqQVd4PkpPqy6YI+8MdMUX4Ve0jO"
    "QxMmYH8BC6n5ZsTH/uEaLEtzYVZdSw/"
    "xdSQ7K1SH73aEH8XbRYx6rL7RkKksrdvhezX+ThDjQ+fTWjvNFrGcg3fmqXRy2elvoalu+BQmqlkWWjEJYA==";
const std::string alipay_public_key =
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAp8gueNlkbiDidz6FBQEBpqoRgH8h7JtsPtYW0nzAqy1MME4mFnDSMfSKlreUomS3a55gmB"
    "o"
    "pL1eF4/Km/dEnaL5tCY9+24SKn1D4iyls+lvz/ZjvUjVwxoUYBh8kkcxMZSDeDz8//o+9qZTrICVP2a4sBB8T0XmU4gxfw8FsmtoomBH1nLk3AO7wg"
    "RN2a3+SRSAmxrhIGDmF1lljSlhY32eJpJ2TZQKaWNW+7yDBU/0Wt3kQVY84vr14yYagnSCiIfqyVFqePayRtmVJDr5qvSXr51tdqs2zKZCu+26X7JA"
    "F4BSsaq4gmY5DmDTm4TohCnBduI1+bPGD+igVmtl05wIDAQAB";

}  // namespace

TEST_CASE("alipay_sign: the request's sign content is sorted, raw, with sign_type and without sign") {
    std::map<std::string, std::string> params = {
        {"app_id", "2014072300007148"},
        {"method", "alipay.trade.pay"},
        {"charset", "utf-8"},
        {"sign_type", "RSA2"},
        {"timestamp", "2014-07-24 03:07:50"},
        {"version", "1.0"},
        {"notify_url", ""},
        {"sign", "ignored"},
        {"biz_content",
         R"({"out_trade_no":"20150320010101001","scene":"bar_code","auth_code":"28763443825664394","subject":"Iphone6 16G","total_amount":"88.88"})"},
    };
    CHECK(
        alipay_sign_content(params) ==
        R"(app_id=2014072300007148&biz_content={"out_trade_no":"20150320010101001","scene":"bar_code","auth_code":"28763443825664394","subject":"Iphone6 16G","total_amount":"88.88"}&charset=utf-8&method=alipay.trade.pay&sign_type=RSA2&timestamp=2014-07-24 03:07:50&version=1.0)");
}

TEST_CASE("alipay_sign: a published alipay.trade.pay response verifies, one changed byte does not") {
    CHECK(rsa2_signature_valid(pay_response, pay_signature, alipay_public_key));
    std::string tampered = pay_response;
    tampered.replace(tampered.find("0.01"), 4, "0.02");
    CHECK_FALSE(rsa2_signature_valid(tampered, pay_signature, alipay_public_key));
    CHECK_FALSE(rsa2_signature_valid(pay_response, "not base64!", alipay_public_key));
    CHECK_FALSE(rsa2_signature_valid(pay_response, pay_signature, "not a key"));
}

TEST_CASE("alipay_sign: what the lane signs verifies under its public key, and only that") {
    KeyPair pair = fresh_rsa_key();
    auto signature = rsa2_sign("app_id=1&method=alipay.trade.query", pair.private_pem);
    REQUIRE(signature);
    CHECK(rsa2_signature_valid("app_id=1&method=alipay.trade.query", *signature, pair.public_pem));
    CHECK_FALSE(rsa2_signature_valid("app_id=2&method=alipay.trade.query", *signature, pair.public_pem));
    auto bad_key = rsa2_sign("x", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    REQUIRE_FALSE(bad_key);
    CHECK(bad_key.error().message.find("not a PEM RSA private key") != std::string::npos);
}

TEST_CASE("alipay_sign: the signed object is cut from the body as sent, escapes and nesting kept") {
    std::string body =
        R"({"alipay_trade_pay_response":{"code":"10000","msg":"a \"}\" and \/","sub":{"sign":"x"}},"sign":"SIG"})";
    CHECK(alipay_signed_object(body, "alipay_trade_pay_response") ==
          R"({"code":"10000","msg":"a \"}\" and \/","sub":{"sign":"x"}})");
    CHECK(alipay_signed_object("{\"alipay_trade_pay_response\" :\n {\"a\":1},\"sign\":\"S\"}",
                               "alipay_trade_pay_response") == "{\"a\":1}");
    CHECK_FALSE(alipay_signed_object(R"({"error_response":{"code":"40002"}})", "alipay_trade_pay_response"));
    CHECK_FALSE(alipay_signed_object(R"({"alipay_trade_pay_response":{"code":"1")", "alipay_trade_pay_response"));
}
