// The lane's side of TLS to pos-store: the store's certificate is pinned by its SHA-256, so a
// lane talks only to the server holding that certificate's key, whatever CA or name it shows
// (docs/store-service.md "TLS and the certificate pin").
#pragma once

#include <string>

#include <openssl/types.h>

namespace pos::sync {

// The SHA-256 of the certificate's DER bytes, 64 lowercase hex digits.
[[nodiscard]] std::string certificate_pin(X509* certificate);

// What the handshake saw, for the message when the pin does not match.
struct PinCheck {
    std::string expected;  // normalized pin from pos.toml
    std::string seen;      // the server's certificate's pin, once the handshake got that far
};

// Makes every handshake on `context` fail unless the server's certificate has `check->expected`
// as its pin. `check` must outlive the connections made with the context.
void require_pin(SSL_CTX* context, PinCheck* check);

}  // namespace pos::sync
