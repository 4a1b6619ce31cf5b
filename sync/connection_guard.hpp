// pos-store's limits on connections, enforced inside OpenSSL's callbacks so they hold whatever
// the HTTP library does: at most so many connections at once (and from one address), and each
// one whole within a total time, so slow peers sending a byte every few seconds cannot hold the
// server's threads (docs/security.md "Threat table").
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include <openssl/types.h>

namespace pos::sync {

struct ConnectionLimits {
    size_t max_connections = 64;            // at once, every lane together (pos-store serve --max-connections)
    size_t max_per_address = 16;            // at once from one address: one host cannot take every slot
    std::chrono::seconds request_time{30};  // handshake to last byte of the answer (--request-seconds)
};

class ConnectionGuard {
public:
    using Log = std::function<void(const std::string&)>;

    ConnectionGuard(ConnectionLimits limits, Log log);
    ~ConnectionGuard();
    ConnectionGuard(const ConnectionGuard&) = delete;
    ConnectionGuard& operator=(const ConnectionGuard&) = delete;

    // Guards every connection accepted with `context` from then on; this guard must outlive them.
    void watch(SSL_CTX* context);

    // Called from OpenSSL's callbacks (connection_guard.cpp): a handshake starts on `fd`, and the
    // connection of a registered `fd` is over.
    [[nodiscard]] bool admit(int fd);
    void release(int fd);

private:
    struct Connection {
        std::string address;
        std::chrono::steady_clock::time_point deadline;
        bool cut = false;
    };
    void cut_overdue();

    ConnectionLimits limits_;
    Log log_;
    std::mutex mutex_;
    std::map<int, Connection> open_;  // by socket; an entry lives from handshake to SSL_free
    std::condition_variable_any wake_;
    std::jthread watchdog_;
};

}  // namespace pos::sync
