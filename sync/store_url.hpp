// Which pos-store addresses a lane accepts, and the certificate pin as pos.toml holds it: read by
// the lane's configuration at start and again by every connection (sync/http_store_sink.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pos::sync {

// "3f2a…" (64 hex digits) from what a technician may paste: lower or upper case, with or without
// the colons `openssl x509 -fingerprint -sha256` prints. Nothing when it is not a SHA-256.
[[nodiscard]] std::optional<std::string> normalize_pin(std::string_view text);

// Why the store's URL may not be used, or nothing: https with a pin anywhere; plain http only to
// this machine (127.0.0.0/8, ::1, localhost), where nothing crosses a network.
[[nodiscard]] std::optional<std::string> refuse_store_url(std::string_view url, std::string_view pin);

}  // namespace pos::sync
