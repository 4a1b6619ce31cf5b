// The gateways' transport: an HTTPS POST with a time limit, through cpp-httplib and OpenSSL.
// Plain http is refused except to a loopback address (the simulator on this machine), so a
// payment code never crosses a network in clear text.
#pragma once

#include <chrono>
#include <string>

#include "support/expected.hpp"

namespace pos::payments {

struct Endpoint {
    std::string base_url;     // "https://api.mch.weixin.qq.com", "http://127.0.0.1:8740"
    std::string ca_file;      // trust anchors for the server's certificate; empty: the system's
    std::string client_cert;  // PEM files for mutual TLS (WeChat's refund and reverse); may be empty
    std::string client_key;
    std::chrono::milliseconds timeout{10000};
};

struct HttpReply {
    int status = 0;
    std::string body;
};

struct TransportError {
    std::string message;  // what happened on the wire: no connection, timeout, TLS failure
};

// Whether the URL may be used: https anywhere, http only to 127.0.0.0/8, ::1 or localhost.
[[nodiscard]] support::Expected<support::Done, std::string> check_endpoint_url(const std::string& base_url);

[[nodiscard]] support::Expected<HttpReply, TransportError> post(const Endpoint& endpoint, const std::string& path,
                                                                const std::string& content_type,
                                                                const std::string& body);

}  // namespace pos::payments
