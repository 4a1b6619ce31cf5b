// Payment codes: which provider each code goes to, what is refused, and the mask.
#include <doctest/doctest.h>

#include "pos/core/payment_code.hpp"

using namespace pos::core;

TEST_CASE("payment_code: routed by prefix and length") {
    struct Case {
        const char* code;
        PaymentProvider provider;
    };
    const Case cases[] = {
        {"134650328919428540", PaymentProvider::wechat},           // 18 digits, 13
        {"100000000000000000", PaymentProvider::wechat},           // lowest prefix 10
        {"159999999999999999", PaymentProvider::wechat},           // highest prefix 15
        {"2876344382566439", PaymentProvider::alipay},             // 16 digits, 28
        {"250000000000000000", PaymentProvider::alipay},           // 18 digits, 25
        {"300000000000000000000000", PaymentProvider::alipay},     // 24 digits, 30
        {"6212345678901234567", PaymentProvider::unionpay},        // 19 digits, 62
        {" 1346 5032 8919 4285 40\r\n", PaymentProvider::wechat},  // scanner spaces and CR LF
    };
    for (const Case& each : cases) {
        CAPTURE(each.code);
        auto provider = classify_payment_code(each.code);
        REQUIRE(provider);
        CHECK(*provider == each.provider);
    }
}

TEST_CASE("payment_code: near misses are refused with what was scanned") {
    for (const char* code :
         {"16465032891942854", "1346503289194285400", "0934650328919428540", "240000000000000000", "310000000000000000",
          "2500000000000000000000000", "621234567890123456", "6921168176748", "62123456789012345678"}) {
        CAPTURE(code);
        auto refused = classify_payment_code(code);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::bad_input);
        CHECK(refused.error().message.find("not a WeChat Pay, Alipay or UnionPay payment code") == 0);
    }
    auto product = classify_payment_code("6921168176748");
    CHECK(product.error().message.find("(13 digits starting 69)") != std::string::npos);
    CHECK(classify_payment_code("").error().message == "scan the customer's payment code (付款码)");
    CHECK(classify_payment_code("13465032891942854X").error().message.find("only digits") != std::string::npos);
}

TEST_CASE("payment_code: only the first and last four digits are ever shown") {
    CHECK(mask_payment_code("134650328919428540") == "1346**********8540");
    CHECK(mask_payment_code("1346 5032 8919 4285 40") == "1346**********8540");
    CHECK(mask_payment_code("12345678") == "********");
    CHECK(payment_provider_name(PaymentProvider::alipay) == "alipay");
}
