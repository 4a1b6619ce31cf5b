// Alipay RSA2 with OpenSSL EVP: PEM keys in, base64 signatures out, and the signed object cut
// from a response body byte for byte.
#include "payments/alipay_sign.hpp"

#include <memory>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace pos::payments {
namespace {

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using MdContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

std::string base64(const unsigned char* bytes, size_t size) {
    std::string out(4 * ((size + 2) / 3) + 1, '\0');
    int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes, static_cast<int>(size));
    out.resize(static_cast<size_t>(written));
    return out;
}

std::optional<std::string> unbase64(std::string_view text) {
    std::string clean;
    for (char c : text) {
        if (c != '\n' && c != '\r' && c != ' ') clean.push_back(c);
    }
    if (clean.empty() || clean.size() % 4 != 0) return std::nullopt;
    std::string out(clean.size() / 4 * 3, '\0');
    int written = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(clean.data()), static_cast<int>(clean.size()));
    if (written < 0) return std::nullopt;
    size_t padding = (clean.back() == '=') + (clean.size() > 1 && clean[clean.size() - 2] == '=');
    out.resize(static_cast<size_t>(written) - padding);
    return out;
}

// Alipay's console shows the public key as bare base64; OpenSSL wants PEM.
std::string as_public_pem(std::string_view key) {
    if (key.find("-----BEGIN") != std::string_view::npos) return std::string(key);
    std::string pem = "-----BEGIN PUBLIC KEY-----\n";
    for (size_t at = 0; at < key.size(); at += 64) pem += std::string(key.substr(at, 64)) + "\n";
    return pem + "-----END PUBLIC KEY-----\n";
}

}  // namespace

std::string alipay_sign_content(const std::map<std::string, std::string>& params) {
    std::string text;
    for (const auto& [name, value] : params) {
        if (value.empty() || name == "sign") continue;
        if (!text.empty()) text += '&';
        text += name;
        text += '=';
        text += value;
    }
    return text;
}

support::Expected<std::string, SignError> rsa2_sign(std::string_view content, std::string_view private_key_pem) {
    Bio bio(BIO_new_mem_buf(private_key_pem.data(), static_cast<int>(private_key_pem.size())), &BIO_free);
    Key key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr, &EVP_PKEY_free);
    if (!key) {
        return SignError{
            "the Alipay app private key is not a PEM RSA private key: check the key file named in "
            "pos.toml ([payments.alipay] private_key)"};
    }
    MdContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    size_t size = 0;
    if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &size, reinterpret_cast<const unsigned char*>(content.data()),
                       content.size()) != 1) {
        return SignError{"the Alipay app private key cannot sign (is it an RSA key?)"};
    }
    std::string signature(size, '\0');
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                       reinterpret_cast<const unsigned char*>(content.data()), content.size()) != 1) {
        return SignError{"signing with the Alipay app private key failed"};
    }
    return base64(reinterpret_cast<const unsigned char*>(signature.data()), size);
}

bool rsa2_signature_valid(std::string_view content, std::string_view signature_base64, std::string_view public_key) {
    std::optional<std::string> signature = unbase64(signature_base64);
    if (!signature) return false;
    std::string pem = as_public_pem(public_key);
    Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
    Key key(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr, &EVP_PKEY_free);
    if (!key) return false;
    MdContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    return context && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1 &&
           EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature->data()), signature->size(),
                            reinterpret_cast<const unsigned char*>(content.data()), content.size()) == 1;
}

std::string alipay_response_root(const std::string& method) {
    std::string root = method;
    for (char& c : root) {
        if (c == '.') c = '_';
    }
    return root + "_response";
}

std::optional<std::string> alipay_signed_object(std::string_view body, std::string_view root) {
    std::string quoted = "\"" + std::string(root) + "\"";
    size_t at = body.find(quoted);
    if (at == std::string_view::npos) return std::nullopt;
    at += quoted.size();
    while (at < body.size() && (body[at] == ' ' || body[at] == '\n' || body[at] == '\r' || body[at] == '\t')) ++at;
    if (at >= body.size() || body[at] != ':') return std::nullopt;
    ++at;
    while (at < body.size() && (body[at] == ' ' || body[at] == '\n' || body[at] == '\r' || body[at] == '\t')) ++at;
    if (at >= body.size() || body[at] != '{') return std::nullopt;
    size_t start = at;
    int depth = 0;
    bool in_string = false;
    for (; at < body.size(); ++at) {
        char c = body[at];
        if (in_string) {
            if (c == '\\')
                ++at;  // the escaped character cannot end the string
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            return std::string(body.substr(start, at - start + 1));
        }
    }
    return std::nullopt;
}

}  // namespace pos::payments
