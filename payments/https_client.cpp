// POST over cpp-httplib's client, one connection per call (a payment is a handful of calls).
#include "payments/https_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <optional>

#include <httplib.h>

namespace pos::payments {
namespace {

struct ParsedUrl {
    std::string scheme;
    std::string host;  // host[:port] as written
    std::string bare_host;
};

std::optional<ParsedUrl> parse_url(const std::string& url) {
    size_t scheme_end = url.find("://");
    if (scheme_end == std::string::npos) return std::nullopt;
    ParsedUrl parsed{url.substr(0, scheme_end), url.substr(scheme_end + 3), {}};
    if (size_t slash = parsed.host.find('/'); slash != std::string::npos) parsed.host.resize(slash);
    parsed.bare_host = parsed.host;
    if (!parsed.bare_host.empty() && parsed.bare_host[0] == '[') {
        parsed.bare_host = parsed.bare_host.substr(1, parsed.bare_host.find(']') - 1);
    } else if (size_t colon = parsed.bare_host.rfind(':'); colon != std::string::npos) {
        parsed.bare_host.resize(colon);
    }
    if (parsed.host.empty()) return std::nullopt;
    return parsed;
}

// An address literal in 127.0.0.0/8 or ::1, or the name localhost; "127.evil.example" is not.
bool loopback(const std::string& host) {
    if (host == "localhost") return true;
    in_addr v4{};
    if (inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    return inet_pton(AF_INET6, host.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

}  // namespace

support::Expected<support::Done, std::string> check_endpoint_url(const std::string& base_url) {
    auto parsed = parse_url(base_url);
    if (!parsed || (parsed->scheme != "https" && parsed->scheme != "http")) {
        return "gateway URL \"" + base_url + "\" is not an http(s) URL such as https://api.mch.weixin.qq.com";
    }
    if (parsed->scheme == "http" && !loopback(parsed->bare_host)) {
        return "gateway URL \"" + base_url +
               "\" is plain http to another machine: payment codes go over https only "
               "(http is for the simulator on this machine, 127.0.0.1)";
    }
    return support::Done{};
}

support::Expected<HttpReply, TransportError> post(const Endpoint& endpoint, const std::string& path,
                                                  const std::string& content_type, const std::string& body) {
    if (auto allowed = check_endpoint_url(endpoint.base_url); !allowed) return TransportError{allowed.error()};
    auto parsed = parse_url(endpoint.base_url);
    std::string prefix;
    if (size_t slash = endpoint.base_url.find('/', endpoint.base_url.find("://") + 3); slash != std::string::npos) {
        prefix = endpoint.base_url.substr(slash);
        if (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
    }
    std::string origin = parsed->scheme + "://" + parsed->host;
    std::unique_ptr<httplib::Client> client;
    if (parsed->scheme == "https" && !endpoint.client_cert.empty()) {
        client = std::make_unique<httplib::Client>(origin, endpoint.client_cert, endpoint.client_key);
    } else {
        client = std::make_unique<httplib::Client>(origin);
    }
    if (parsed->scheme == "https") {
        client->enable_server_certificate_verification(true);
        if (!endpoint.ca_file.empty()) client->set_ca_cert_path(endpoint.ca_file);
    }
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(endpoint.timeout);
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(endpoint.timeout - seconds);
    client->set_connection_timeout(seconds.count(), static_cast<time_t>(micros.count()));
    client->set_read_timeout(seconds.count(), static_cast<time_t>(micros.count()));
    client->set_write_timeout(seconds.count(), static_cast<time_t>(micros.count()));
    auto result = client->Post(prefix + path, body, content_type);
    if (!result) {
        return TransportError{"no answer from " + origin + path + " (" + httplib::to_string(result.error()) + ")"};
    }
    return HttpReply{result->status, result->body};
}

}  // namespace pos::payments
