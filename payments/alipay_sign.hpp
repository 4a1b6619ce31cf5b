// Alipay OpenAPI 2.0 signing (RSA2): requests are signed over their non-empty parameters (sign
// excluded, sign_type included) sorted by name and joined "k=v&…" with raw values, SHA256withRSA
// with the app's private key, base64. Responses are verified over the raw bytes of the
// "<method>_response" object exactly as received, with Alipay's public key. OpenSSL does the RSA.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "support/expected.hpp"

namespace pos::payments {

struct SignError {
    std::string message;  // what is wrong with the key or the signature, for the technician
};

// The text signed for a request.
[[nodiscard]] std::string alipay_sign_content(const std::map<std::string, std::string>& params);

// base64 of SHA256withRSA (PKCS#1 v1.5) over `content` with a PEM private key (PKCS#1 or PKCS#8).
[[nodiscard]] support::Expected<std::string, SignError> rsa2_sign(std::string_view content,
                                                                  std::string_view private_key_pem);

// Whether `signature_base64` signs `content` under a PEM public key ("-----BEGIN PUBLIC KEY-----"
// or the bare base64 that Alipay's console shows).
[[nodiscard]] bool rsa2_signature_valid(std::string_view content, std::string_view signature_base64,
                                        std::string_view public_key);

// Where a method's answer sits in the body: "alipay.trade.pay" -> "alipay_trade_pay_response".
[[nodiscard]] std::string alipay_response_root(const std::string& method);

// The raw text of the object after "`root`": in a response body, braces and strings honoured,
// never re-serialised (escapes such as \/ must stay as sent). nullopt when it is not there.
[[nodiscard]] std::optional<std::string> alipay_signed_object(std::string_view body, std::string_view root);

}  // namespace pos::payments
