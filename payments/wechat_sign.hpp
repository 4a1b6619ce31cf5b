// WeChat Pay API v2 request and response signing (安全规范): the non-empty parameters sorted by
// name in ASCII order, joined "k=v&…", then "&key=" and the merchant's API key; MD5 or
// HMAC-SHA256 of that, upper-case hex. `sign` itself never takes part. OpenSSL does the hashing.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace pos::payments {

enum class WechatSignType { md5, hmac_sha256 };

// "MD5" or "HMAC-SHA256", the value of the sign_type field.
[[nodiscard]] std::string_view wechat_sign_type_name(WechatSignType type);

// The string that is hashed: stringA + "&key=" + key.
[[nodiscard]] std::string wechat_sign_string(const std::map<std::string, std::string>& params, std::string_view key);

[[nodiscard]] std::string wechat_sign(const std::map<std::string, std::string>& params, std::string_view key,
                                      WechatSignType type);

// True when params["sign"] is the signature of the other fields (unknown extra fields included,
// as the provider requires) under `key`.
[[nodiscard]] bool wechat_signature_valid(const std::map<std::string, std::string>& params, std::string_view key,
                                          WechatSignType type);

}  // namespace pos::payments
