// How receipts and reports name a payment-code tender: the provider, in the lane's language.
#pragma once

#include <string_view>

namespace pos::actions {

// "微信支付" / "WeChat Pay" for "wechat", likewise alipay and unionpay; nullptr for other methods.
[[nodiscard]] inline const char* code_tender_label(std::string_view method, bool chinese) {
    if (method == "wechat") return chinese ? "微信支付" : "WeChat Pay";
    if (method == "alipay") return chinese ? "支付宝" : "Alipay";
    if (method == "unionpay") return chinese ? "银联云闪付" : "UnionPay QR";
    return nullptr;
}

}  // namespace pos::actions
