// Key pairs, the API key and the self-signed certificate through OpenSSL.
#include "paysim/keys.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace pos::paysim {
namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

std::string pem(EVP_PKEY* key, bool is_private) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (is_private)
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    else
        PEM_write_bio_PUBKEY(bio.get(), key);
    char* data = nullptr;
    long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<size_t>(size));
}

std::string certificate_pem(EVP_PKEY* key) {
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), &X509_free);
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1,
                               0);
    X509_set_issuer_name(cert.get(), name);
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, cert.get(), cert.get(), nullptr, nullptr, 0);
    for (auto [nid, value] : {std::pair{NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost"},
                              std::pair{NID_basic_constraints, "critical,CA:TRUE"}}) {
        X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
        X509_add_ext(cert.get(), extension, -1);
        X509_EXTENSION_free(extension);
    }
    X509_sign(cert.get(), key, EVP_sha256());
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_X509(bio.get(), cert.get());
    char* data = nullptr;
    long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<size_t>(size));
}

support::Expected<support::Done, SetupError> write_file(const std::filesystem::path& path, const std::string& text,
                                                        bool secret) {
    // Created with its final mode: a secret is never readable by others, not even for a moment.
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, secret ? 0600 : 0644);
    bool written = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    if (fd >= 0) written = (::close(fd) == 0) && written;
    if (!written) return SetupError{"could not write " + path.string() + ": is the disk full or the folder read-only?"};
    return support::Done{};
}

}  // namespace

support::Expected<std::string, SetupError> read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return SetupError{"cannot read " + path};
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

support::Expected<support::Done, SetupError> write_merchant_files(const std::string& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) return SetupError{"cannot make " + dir + ": " + error.message()};
    std::filesystem::path root(dir);
    if (std::filesystem::exists(root / "wechat_api_key")) return support::Done{};
    unsigned char random[16];
    RAND_bytes(random, sizeof(random));
    std::string api_key;
    for (unsigned char b : random) {
        static const char hex[] = "0123456789abcdef";
        api_key += hex[b >> 4];
        api_key += hex[b & 15];
    }
    Key app(EVP_RSA_gen(2048), &EVP_PKEY_free);
    Key gateway(EVP_RSA_gen(2048), &EVP_PKEY_free);
    Key tls(EVP_RSA_gen(2048), &EVP_PKEY_free);
    if (!app || !gateway || !tls) return SetupError{"OpenSSL could not make RSA keys"};
    const std::pair<const char*, std::pair<std::string, bool>> files[] = {
        {"alipay_app_private.pem", {pem(app.get(), true), true}},
        {"alipay_app_public.pem", {pem(app.get(), false), false}},
        {"alipay_gateway_private.pem", {pem(gateway.get(), true), true}},
        {"alipay_gateway_public.pem", {pem(gateway.get(), false), false}},
        {"tls.key", {pem(tls.get(), true), true}},
        {"tls.crt", {certificate_pem(tls.get()), false}},
        {"wechat_api_key", {api_key, true}},  // last: its presence means the set-up is whole
    };
    for (const auto& [name, content] : files) {
        if (auto written = write_file(root / name, content.first, content.second); !written) return written.error();
    }
    return support::Done{};
}

}  // namespace pos::paysim
