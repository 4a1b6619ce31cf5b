// pos-store for end-to-end tests: the real service on a free local port, its lanes' tokens, and
// demo lanes whose pos.toml points at it (service mode) instead of a store.db file.
// Needs POS_POSCTL and POS_STORE (tests/CMakeLists.txt defines them).
#pragma once

#include <signal.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "tests/support/child_output.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace pos::testing {

// pos-store serving DIR/store/store.db on 127.0.0.1 (a free port, or `port` to come back on it),
// with `options` after serve's own (limits such as --request-seconds).
class PosStoreProcess {
public:
    explicit PosStoreProcess(const TempDir& dir, int port = 0, const std::vector<std::string>& options = {})
        : output_(serve_command(dir, port, options), dir.file("pos-store.err")), pid_(output_.pid()) {
        // It prints the line once it listens: from then on a lane can connect.
        std::regex serving(R"(on https://127\.0\.0\.1:(\d+) )");
        auto serves = [&](const std::string& printed) { return std::regex_search(printed, serving); };
        bool listening = output_.wait_until("pos-store's \"serving ... on https://127.0.0.1:PORT\" line", serves,
                                            std::chrono::seconds(20));
        INFO("pos-store printed: ", output_.text(), read_whole(dir.file("pos-store.err")));
        if (!listening) {
            kill(pid_, SIGKILL);  // the destructor does not run when the constructor fails
            wait_exit_code(std::exchange(pid_, -1));
        }
        REQUIRE(listening);
        std::smatch found;
        std::string printed = output_.text();
        REQUIRE(std::regex_search(printed, found, serving));
        port_ = std::stoi(found[1]);
    }
    ~PosStoreProcess() { stop(); }
    PosStoreProcess(const PosStoreProcess&) = delete;
    PosStoreProcess& operator=(const PosStoreProcess&) = delete;
    void stop() {
        if (pid_ <= 0) return;
        kill(pid_, SIGTERM);
        CHECK(wait_exit_code(pid_) == 0);
        pid_ = -1;
    }
    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }
    [[nodiscard]] pid_t pid() const { return pid_; }

private:
    static std::vector<std::string> serve_command(const TempDir& dir, int port,
                                                  const std::vector<std::string>& options) {
        std::vector<std::string> command = {POS_STORE, "--data",   dir.file("store"),
                                            "serve",   "--listen", "127.0.0.1:" + std::to_string(port)};
        command.insert(command.end(), options.begin(), options.end());
        return command;
    }

    ChildOutput output_;
    pid_t pid_ = -1;
    int port_ = 0;
};

// `pos-store token add --lane N` on DIR/store: the lane's new token, read from the pos.toml lines
// it prints.
inline std::string issue_store_token(const TempDir& dir, int lane) {
    ProcessResult issued =
        run({POS_STORE, "--data", dir.file("store"), "token", "add", "--lane", std::to_string(lane)}, dir.path());
    CAPTURE(issued.err);
    REQUIRE(issued.exit_code == 0);
    std::smatch found;
    REQUIRE(std::regex_search(issued.out, found, std::regex(R"re(\ntoken = "([0-9a-f]{64})"\n)re")));
    return found[1];
}

// The SHA-256 pin of the certificate of the pos-store in DIR/store (`pos-store tls show`).
inline std::string store_pin(const TempDir& dir) {
    ProcessResult shown = run({POS_STORE, "--data", dir.file("store"), "tls", "show"}, dir.path());
    CAPTURE(shown.err);
    REQUIRE(shown.exit_code == 0);
    std::smatch found;
    REQUIRE(std::regex_search(shown.out, found, std::regex(R"re(\npin = "([0-9a-f]{64})"\n)re")));
    return found[1];
}

// A demo lane DIR/laneN numbered `lane`, syncing to pos-store at `url` with `token` (and, for
// https, the pin of DIR/store's certificate), or (url empty) to the store.db file at `store_db`.
// Returns its data directory.
inline std::string demo_lane_with_store(const TempDir& dir, int lane, const std::string& url, const std::string& token,
                                        const std::string& store_db = {}) {
    std::string data = dir.file("lane" + std::to_string(lane));
    REQUIRE(run({POS_POSCTL, "--data", data, "init", "--demo"}, dir.path()).exit_code == 0);
    std::string config = read_whole(data + "/pos.toml");
    config = std::regex_replace(config, std::regex(R"(\nnumber = 1\b)"), "\nnumber = " + std::to_string(lane));
    std::string store =
        url.empty() ? "\npath = \"" + store_db + "\"" : "\nurl = \"" + url + "\"\ntoken = \"" + token + "\"";
    if (url.starts_with("https://")) store += "\npin = \"" + store_pin(dir) + "\"";
    config = std::regex_replace(config, std::regex(R"(\npath = "store.db"[^\n]*)"), store);
    std::ofstream(data + "/pos.toml", std::ios::trunc) << config;
    return data;
}

}  // namespace pos::testing
