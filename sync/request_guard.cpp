// The head checks: pure, on the header values, so they are tested without a socket.
#include "sync/request_guard.hpp"

#include <charconv>

#include <fmt/format.h>

#include "sync/store_protocol.hpp"

namespace pos::sync {
namespace {

ServiceResponse refusal(int status, std::string message) {
    return {status, encode_error(db::DbError{db::DbErrorCode::refused, std::move(message)})};
}

}  // namespace

std::optional<ServiceResponse> refuse_request_head(const RequestHead& head, size_t max_body_bytes) {
    if (!head.content_encoding.empty() && head.content_encoding != "identity") {
        return refusal(415,
                       "the body is compressed (Content-Encoding), which pos-store does not take: "
                       "lanes send plain JSON; nothing of the body was read");
    }
    if (!head.transfer_encoding.empty()) {
        return refusal(411,
                       "the body has no Content-Length (Transfer-Encoding), which pos-store does not "
                       "take: lanes send its length first; nothing of the body was read");
    }
    if (head.content_length.empty()) return std::nullopt;
    size_t length = 0;
    const char* end = head.content_length.data() + head.content_length.size();
    auto [stop, error] = std::from_chars(head.content_length.data(), end, length);
    if (error != std::errc{} || stop != end) {
        return refusal(400, "the Content-Length is not a number; nothing of the body was read");
    }
    if (length > max_body_bytes) {
        return refusal(413, fmt::format("the body is {} bytes, over pos-store's limit of {} bytes "
                                        "(pos-store serve --max-body-bytes); nothing of it was read (a lane's batch "
                                        "of 50 records is far smaller)",
                                        length, max_body_bytes));
    }
    return std::nullopt;
}

}  // namespace pos::sync
