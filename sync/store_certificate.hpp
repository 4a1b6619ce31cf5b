// pos-store's own TLS key and self-signed certificate, made once in its data directory
// (DIR/tls/store.key, mode 0600, and DIR/tls/store.crt). Lanes pin the certificate's SHA-256, so
// no CA is involved: docs/store-service.md "TLS and the certificate pin".
#pragma once

#include <string>

#include "support/expected.hpp"

namespace pos::sync {

struct StoreCertificate {
    std::string certificate_path;
    std::string key_path;
    std::string pin;  // SHA-256 of the certificate, 64 lowercase hex digits (sync/certificate_pin.hpp)
};

// The store's key and certificate, made first if the data directory has none. Safe when
// `token add` and `serve` run at once: the pair appears whole, in one rename, or not at all.
[[nodiscard]] support::Expected<StoreCertificate, std::string> ensure_store_certificate(const std::string& data_dir);

// A new key and certificate in place of the old pair, which is kept in DIR/tls.previous/. Every
// lane needs the new pin; pos-store serves the new pair from its next start.
[[nodiscard]] support::Expected<StoreCertificate, std::string> rotate_store_certificate(const std::string& data_dir);

}  // namespace pos::sync
