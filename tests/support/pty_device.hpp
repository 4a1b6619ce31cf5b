// A serial device's end of a pseudo-terminal, for tests of the lane's serial drivers: the lane
// opens `path` (a symlink to the pty, like /dev/serial/by-id/...), the test reads the exact bytes
// the lane wrote, answers as the device would, unplugs (hangs up) and plugs in again (a new pty
// behind the same path).
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

namespace pos::testing {

class PtyDevice {
public:
    explicit PtyDevice(std::string path) : path_(std::move(path)) { plug_in(); }
    ~PtyDevice() {
        unplug();
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    PtyDevice(const PtyDevice&) = delete;
    PtyDevice& operator=(const PtyDevice&) = delete;

    [[nodiscard]] const std::string& path() const { return path_; }

    void plug_in() {
        master_ = posix_openpt(O_RDWR | O_NOCTTY);
        REQUIRE(master_ >= 0);
        REQUIRE(grantpt(master_) == 0);
        REQUIRE(unlockpt(master_) == 0);
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
        std::filesystem::create_symlink(ptsname(master_), path_);
    }
    // The cable pulled: the lane's next read or write fails and the path leads nowhere.
    void unplug() {
        if (master_ >= 0) close(master_);
        master_ = -1;
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    void send(std::string_view bytes) const {
        REQUIRE(::write(master_, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()));
    }
    // The next `count` bytes the lane wrote, waiting for them with poll (up to 10 s, then a failure).
    [[nodiscard]] std::string received(size_t count) const {
        std::string got;
        while (got.size() < count) {
            pollfd ready{master_, POLLIN, 0};
            REQUIRE_MESSAGE(::poll(&ready, 1, 10000) == 1,
                            "the device received " << got.size() << " of " << count << " bytes");
            char buffer[256];
            ssize_t n = ::read(master_, buffer, std::min(sizeof(buffer), count - got.size()));
            REQUIRE(n > 0);
            got.append(buffer, static_cast<size_t>(n));
        }
        return got;
    }
    // Whatever the lane wrote that is already there, without waiting.
    [[nodiscard]] std::string pending() const {
        std::string got;
        for (;;) {
            pollfd ready{master_, POLLIN, 0};
            if (::poll(&ready, 1, 0) != 1) return got;
            char buffer[256];
            ssize_t n = ::read(master_, buffer, sizeof(buffer));
            if (n <= 0) return got;
            got.append(buffer, static_cast<size_t>(n));
        }
    }

private:
    std::string path_;
    int master_ = -1;
};

}  // namespace pos::testing
