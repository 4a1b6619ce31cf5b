// Pin checking in OpenSSL's verify callback.
#include "sync/certificate_pin.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace pos::sync {
namespace {

// The check a context's handshakes compare against; stored in the SSL_CTX's app data.
PinCheck* check_of(X509_STORE_CTX* store) {
    auto* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    if (ssl == nullptr) return nullptr;
    return static_cast<PinCheck*>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
}

// OpenSSL calls this for each certificate of the chain. The chain's CA and names do not matter
// (the store's certificate is self-signed): the leaf's pin decides, at every call.
int verify_pin(int /*preverified*/, X509_STORE_CTX* store) {
    PinCheck* check = check_of(store);
    X509* leaf = X509_STORE_CTX_get0_cert(store);
    if (check == nullptr || leaf == nullptr) return 0;
    check->seen = certificate_pin(leaf);
    return check->seen == check->expected ? 1 : 0;
}

}  // namespace

std::string certificate_pin(X509* certificate) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (X509_digest(certificate, EVP_sha256(), digest, &size) != 1) return {};
    std::string hex;
    for (unsigned int i = 0; i < size; ++i) hex += fmt::format("{:02x}", digest[i]);
    return hex;
}

void require_pin(SSL_CTX* context, PinCheck* check) {
    SSL_CTX_set_app_data(context, check);
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, verify_pin);
}

}  // namespace pos::sync
