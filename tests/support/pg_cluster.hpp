// A throwaway PostgreSQL 15 server for one test: initdb into a temporary folder as the postgres
// user (the server refuses root), started on a free loopback port with scram-sha-256, a database
// "hq" made, and stopped in every exit path. Needs root (CI and scripts/test run as root) and
// Debian's postgresql-15 (scripts/deps).
#pragma once

#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/support/process.hpp"
#include "tests/support/temp_dir.hpp"

namespace pos::testing {

class PgCluster {
public:
    static constexpr const char* bin = "/usr/lib/postgresql/15/bin";
    static constexpr const char* admin_password = "hq-admin-test-password";

    PgCluster() {
        REQUIRE_MESSAGE(std::filesystem::exists(std::string(bin) + "/initdb"),
                        "PostgreSQL 15 is not installed: run scripts/deps (postgresql-15)");
        REQUIRE_MESSAGE(getuid() == 0, "the PostgreSQL tests start their server as the postgres user: run as root");
        passwd* postgres = getpwnam("postgres");
        REQUIRE_MESSAGE(postgres != nullptr, "no postgres user: install postgresql-15");
        std::filesystem::permissions(dir_.path(), std::filesystem::perms::owner_all);
        REQUIRE(chown(dir_.path().c_str(), postgres->pw_uid, postgres->pw_gid) == 0);
        std::string pw = dir_.file("pw");
        std::ofstream(pw) << admin_password << "\n";
        REQUIRE(chown(pw.c_str(), postgres->pw_uid, postgres->pw_gid) == 0);
        port_ = free_port();
        run({"/usr/sbin/runuser", "-u", "postgres", "--", std::string(bin) + "/initdb", "-D", dir_.file("data"), "-A",
             "scram-sha-256", "--pwfile=" + pw, "-U", "hq", "-N"});
        start();
    }
    // Stops the server as an operator would (pg_ctl stop -m fast: sessions are ended, in-flight
    // transactions rolled back), and starts it again on the same port and data.
    void stop() {
        run({"/usr/sbin/runuser", "-u", "postgres", "--", std::string(bin) + "/pg_ctl", "-D", dir_.file("data"), "-w",
             "stop", "-m", "fast"});
        started_ = false;
    }
    void start() {
        run({"/usr/sbin/runuser", "-u", "postgres", "--", std::string(bin) + "/pg_ctl", "-D", dir_.file("data"), "-l",
             dir_.file("log"), "-w", "start", "-o",
             "-k " + dir_.path() + " -c listen_addresses=127.0.0.1 -p " + std::to_string(port_)});
        started_ = true;
    }
    ~PgCluster() {
        if (started_) {
            std::vector<std::string> stop = {"/usr/sbin/runuser",
                                             "-u",
                                             "postgres",
                                             "--",
                                             std::string(bin) + "/pg_ctl",
                                             "-D",
                                             dir_.file("data"),
                                             "-w",
                                             "stop",
                                             "-m",
                                             "fast"};
            wait_exit_code(spawn(stop, dir_.file("stop.out"), dir_.file("stop.err")));
        }
    }
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    [[nodiscard]] std::string conninfo(const std::string& user, const std::string& password,
                                       const std::string& database = "postgres") const {
        return "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=" + database + " user=" + user +
               " password=" + password + " connect_timeout=10";
    }
    [[nodiscard]] std::string admin(const std::string& database = "postgres") const {
        return conninfo("hq", admin_password, database);
    }
    [[nodiscard]] int port() const { return port_; }

private:
    static int free_port() {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
        socklen_t size = sizeof(address);
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
        close(fd);
        return ntohs(address.sin_port);
    }
    void run(const std::vector<std::string>& argv) {
        int code = wait_exit_code(spawn(argv, dir_.file("cmd.out"), dir_.file("cmd.err")));
        REQUIRE_MESSAGE(code == 0, argv[4] << " failed: " << read_whole(dir_.file("cmd.err"))
                                           << read_whole(dir_.file("cmd.out")) << read_whole(dir_.file("log")));
    }

    TempDir dir_;
    int port_ = 0;
    bool started_ = false;
};

}  // namespace pos::testing
