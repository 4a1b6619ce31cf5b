// A connection is admitted when its TLS handshake starts (SSL_CB_HANDSHAKE_START, before a byte
// is read) and released when its SSL is freed (ex_data free callback), which the HTTP library
// does before it closes the socket: so a registered fd is always still this connection's, and
// the watchdog's shutdown() can never hit a reused descriptor.
#include "sync/connection_guard.hpp"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <algorithm>
#include <vector>

#include <fmt/format.h>
#include <openssl/ssl.h>

namespace pos::sync {
namespace {

// What an SSL carries once admitted, so its release finds the guard and the socket.
struct Admission {
    ConnectionGuard* guard;
    int fd;
};

void release_admission(void* /*parent*/, void* data, CRYPTO_EX_DATA* /*ad*/, int /*index*/, long /*argl*/,
                       void* /*argp*/) {
    auto* admission = static_cast<Admission*>(data);
    if (admission == nullptr) return;
    admission->guard->release(admission->fd);
    delete admission;
}

int admission_index() {
    static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, release_admission);
    return index;
}

int guard_index() {
    static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

void on_state(const SSL* ssl, int where, int /*ret*/) {
    if ((where & SSL_CB_HANDSHAKE_START) == 0) return;
    if (SSL_get_ex_data(ssl, admission_index()) != nullptr) return;  // admitted at its first handshake
    auto* guard = static_cast<ConnectionGuard*>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), guard_index()));
    int fd = SSL_get_fd(ssl);
    if (guard == nullptr || fd < 0) return;
    if (!guard->admit(fd)) {
        ::shutdown(fd, SHUT_RDWR);  // the handshake fails at once and the library closes the socket
        return;
    }
    SSL_set_ex_data(const_cast<SSL*>(ssl), admission_index(), new Admission{guard, fd});
}

std::string peer_address(int fd) {
    sockaddr_storage peer{};
    socklen_t size = sizeof(peer);
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &size) != 0) return "?";
    char text[INET6_ADDRSTRLEN] = {};
    if (peer.ss_family == AF_INET) {
        inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&peer)->sin_addr, text, sizeof(text));
    } else if (peer.ss_family == AF_INET6) {
        inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&peer)->sin6_addr, text, sizeof(text));
    }
    return text;
}

}  // namespace

ConnectionGuard::ConnectionGuard(ConnectionLimits limits, Log log) : limits_(limits), log_(std::move(log)) {
    watchdog_ = std::jthread([this](std::stop_token stop) {
        std::unique_lock lock(mutex_);
        while (!stop.stop_requested()) {
            wake_.wait_for(lock, stop, std::chrono::milliseconds(200), [] { return false; });
            lock.unlock();
            cut_overdue();
            lock.lock();
        }
    });
}

ConnectionGuard::~ConnectionGuard() {
    watchdog_.request_stop();
    if (watchdog_.joinable()) watchdog_.join();
}

void ConnectionGuard::watch(SSL_CTX* context) {
    SSL_CTX_set_ex_data(context, guard_index(), this);
    SSL_CTX_set_info_callback(context, on_state);
    // A renegotiation would restart the handshake on an admitted connection: none is needed.
    SSL_CTX_set_options(context, SSL_OP_NO_RENEGOTIATION);
}

bool ConnectionGuard::admit(int fd) {
    std::string address = peer_address(fd);
    std::string refusal;
    {
        std::lock_guard lock(mutex_);
        size_t from_address = static_cast<size_t>(std::count_if(
            open_.begin(), open_.end(), [&](const auto& entry) { return entry.second.address == address; }));
        if (open_.size() >= limits_.max_connections) {
            refusal = fmt::format(
                "pos-store: a connection from {} was refused: {} connections are open, the limit "
                "(pos-store serve --max-connections)",
                address, open_.size());
        } else if (from_address >= limits_.max_per_address) {
            refusal = fmt::format(
                "pos-store: a connection from {} was refused: that address has {} connections "
                "open, the limit for one address",
                address, from_address);
        } else {
            open_[fd] = Connection{address, std::chrono::steady_clock::now() + limits_.request_time, false};
            return true;
        }
    }
    log_(refusal);
    return false;
}

void ConnectionGuard::release(int fd) {
    std::lock_guard lock(mutex_);
    open_.erase(fd);
}

void ConnectionGuard::cut_overdue() {
    std::vector<std::string> cut;
    {
        std::lock_guard lock(mutex_);
        auto now = std::chrono::steady_clock::now();
        for (auto& [fd, connection] : open_) {
            if (connection.cut || now < connection.deadline) continue;
            // Registered, so still open: released only once its SSL is freed, before close().
            ::shutdown(fd, SHUT_RDWR);
            connection.cut = true;
            cut.push_back(connection.address);
        }
    }
    for (const std::string& address : cut) {
        log_(
            fmt::format("pos-store: a connection from {} was closed: its request was not over within {} s "
                        "(pos-store serve --request-seconds); a slow or stalled peer",
                        address, limits_.request_time.count()));
    }
}

}  // namespace pos::sync
