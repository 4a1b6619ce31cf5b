// Routing a payment code by its prefix and length, and masking it.
#include "pos/core/payment_code.hpp"

#include <cstdio>

namespace pos::core {
namespace {

bool all_digits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return !text.empty();
}

int prefix_of(std::string_view digits) { return (digits[0] - '0') * 10 + (digits[1] - '0'); }

}  // namespace

std::string_view payment_provider_name(PaymentProvider provider) {
    switch (provider) {
        case PaymentProvider::wechat: return "wechat";
        case PaymentProvider::alipay: return "alipay";
        case PaymentProvider::unionpay: return "unionpay";
    }
    return "wechat";
}

std::string payment_code_digits(std::string_view code) {
    std::string digits;
    for (char c : code) {
        if (c != ' ' && c != '\r' && c != '\n' && c != '\t') digits.push_back(c);
    }
    return digits;
}

Result<PaymentProvider> classify_payment_code(std::string_view code) {
    std::string digits = payment_code_digits(code);
    if (digits.empty()) return make_error(ErrorCode::bad_input, "scan the customer's payment code (付款码)");
    if (!all_digits(digits)) {
        return make_error(ErrorCode::bad_input,
                          "that is not a payment code (only digits): ask the customer to open 付款码 in WeChat, "
                          "Alipay or UnionPay and scan again");
    }
    size_t length = digits.size();
    int prefix = length >= 2 ? prefix_of(digits) : -1;
    if (length == 18 && prefix >= 10 && prefix <= 15) return PaymentProvider::wechat;
    if (length >= 16 && length <= 24 && prefix >= 25 && prefix <= 30) return PaymentProvider::alipay;
    if (length == 19 && prefix == 62) return PaymentProvider::unionpay;
    char shown[64];
    std::snprintf(shown, sizeof(shown), "%zu digits starting %.2s", length, digits.c_str());
    return make_error(ErrorCode::bad_input,
                      std::string("not a WeChat Pay, Alipay or UnionPay payment code (") + shown +
                          "): it may be a product barcode or a loyalty card; ask the customer to show the payment "
                          "code (付款码) and scan again");
}

std::string mask_payment_code(std::string_view code) {
    std::string digits = payment_code_digits(code);
    if (digits.size() <= 8) return std::string(digits.size(), '*');
    return digits.substr(0, 4) + std::string(digits.size() - 8, '*') + digits.substr(digits.size() - 4);
}

}  // namespace pos::core
