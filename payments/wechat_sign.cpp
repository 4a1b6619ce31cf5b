// WeChat Pay v2 signatures with OpenSSL's EVP digests and HMAC.
#include "payments/wechat_sign.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace pos::payments {
namespace {

std::string upper_hex(const unsigned char* bytes, unsigned int size) {
    static const char digits[] = "0123456789ABCDEF";
    std::string hex;
    hex.reserve(size * 2);
    for (unsigned int i = 0; i < size; ++i) {
        hex.push_back(digits[bytes[i] >> 4]);
        hex.push_back(digits[bytes[i] & 0x0F]);
    }
    return hex;
}

}  // namespace

std::string_view wechat_sign_type_name(WechatSignType type) {
    return type == WechatSignType::md5 ? "MD5" : "HMAC-SHA256";
}

std::string wechat_sign_string(const std::map<std::string, std::string>& params, std::string_view key) {
    std::string text;
    for (const auto& [name, value] : params) {  // std::map orders names by byte: ASCII order
        if (value.empty() || name == "sign") continue;
        if (!text.empty()) text += '&';
        text += name;
        text += '=';
        text += value;
    }
    text += "&key=";
    text += key;
    return text;
}

std::string wechat_sign(const std::map<std::string, std::string>& params, std::string_view key, WechatSignType type) {
    std::string text = wechat_sign_string(params, key);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (type == WechatSignType::md5) {
        EVP_Digest(text.data(), text.size(), digest, &size, EVP_md5(), nullptr);
    } else {
        HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
             reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest, &size);
    }
    return upper_hex(digest, size);
}

bool wechat_signature_valid(const std::map<std::string, std::string>& params, std::string_view key,
                            WechatSignType type) {
    auto sign = params.find("sign");
    if (sign == params.end()) return false;
    std::string expected = wechat_sign(params, key, type);
    return expected.size() == sign->second.size() &&
           CRYPTO_memcmp(expected.data(), sign->second.data(), expected.size()) == 0;
}

}  // namespace pos::payments
