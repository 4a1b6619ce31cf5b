// The store URL rule and pin spelling, with no OpenSSL: the lane's configuration reads them too.
#include "sync/store_url.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <fmt/format.h>

namespace pos::sync {
namespace {

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// The host of "scheme://host[:port][/...]", without brackets around an IPv6 address.
std::string host_of(std::string_view url) {
    size_t start = url.find("://");
    std::string_view rest = start == std::string_view::npos ? url : url.substr(start + 3);
    rest = rest.substr(0, rest.find('/'));
    if (!rest.empty() && rest.front() == '[') return std::string(rest.substr(1, rest.find(']') - 1));
    return std::string(rest.substr(0, rest.rfind(':')));
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

std::optional<std::string> normalize_pin(std::string_view text) {
    std::string pin;
    for (char c : text) {
        if (c == ':') continue;
        char lower = (c >= 'A' && c <= 'F') ? static_cast<char>(c - 'A' + 'a') : c;
        if (!is_hex(lower)) return std::nullopt;
        pin += lower;
    }
    if (pin.size() != 64) return std::nullopt;
    return pin;
}

std::optional<std::string> refuse_store_url(std::string_view url, std::string_view pin) {
    if (url.starts_with("https://")) {
        if (pin.empty()) {
            return "an https url needs the store certificate's pin: run `pos-store token add --lane N` (or `pos-store "
                   "tls show`) on the store server and copy its pin line here";
        }
        if (!normalize_pin(pin)) {
            return "the pin must be the 64 hex digits of the store certificate's SHA-256, as `pos-store tls show` "
                   "prints it";
        }
        return std::nullopt;
    }
    if (url.starts_with("http://")) {
        if (loopback(host_of(url))) return std::nullopt;
        return fmt::format(
            "\"{}\" is plain http to another machine: the token, sales and PIN hashes would cross the network in "
            "clear; use https:// with the store's pin (`pos-store token add --lane N` prints both)",
            url);
    }
    return "must start with https:// (the address of pos-store, e.g. \"https://192.168.1.10:8735\")";
}

}  // namespace pos::sync
