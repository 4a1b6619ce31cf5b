// pos-store's checks on a request's head, made before a byte of its body is read: no compressed
// bodies (a 305 KB gzip body unpacks to a gigabyte), a Content-Length, and one under the limit.
// The token is checked right after, also before the body (pos/store/main.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "sync/store_service.hpp"

namespace pos::sync {

// A few MiB: a batch of a few hundred sales is well under 1 MiB (pos-store serve --max-body-bytes).
inline constexpr size_t default_max_body_bytes = size_t{4} << 20;

struct RequestHead {
    std::string_view method;
    std::string_view content_length;     // the header's text, empty when absent
    std::string_view content_encoding;   // likewise
    std::string_view transfer_encoding;  // likewise
};

// The answer refusing the request (411, 413, 415, 400), or nothing when its body may be read.
[[nodiscard]] std::optional<ServiceResponse> refuse_request_head(const RequestHead& head, size_t max_body_bytes);

}  // namespace pos::sync
