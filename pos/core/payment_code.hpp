// Payment codes (付款码): the one-time code a customer shows on the phone, routed to its provider
// by its digits (docs/payments.md). The code is a bearer credential: the lane keeps only the
// masked form, never the whole code.
#pragma once

#include <string>
#include <string_view>

#include "pos/core/result.hpp"

namespace pos::core {

enum class PaymentProvider { wechat, alipay, unionpay };

// "wechat", "alipay", "unionpay": the names used in action scripts, lane.db and reports.
[[nodiscard]] std::string_view payment_provider_name(PaymentProvider provider);

// WeChat Pay: 18 digits starting 10–15. Alipay: 16–24 digits starting 25–30. UnionPay QR:
// 19 digits starting 62. Spaces and a trailing CR/LF from the scanner are ignored; anything
// else is bad_input with a message that says what was scanned and what to do.
[[nodiscard]] Result<PaymentProvider> classify_payment_code(std::string_view code);

// The code without separators, as the gateway takes it (digits only).
[[nodiscard]] std::string payment_code_digits(std::string_view code);

// The first four and last four digits with the rest starred ("1346**********8540"): what the
// journal, the logs and the screen may show.
[[nodiscard]] std::string mask_payment_code(std::string_view code);

}  // namespace pos::core
