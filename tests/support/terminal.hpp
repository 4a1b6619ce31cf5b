// Runs a program with its standard error on a real pseudo-terminal, as when a technician runs
// posctl at a console: what the terminal showed comes back as `err` (the terminal turns "\n" into
// "\r\n"). Standard input comes from a file (`input`), standard output goes to a file, as in run().
#pragma once

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/support/process.hpp"

namespace pos::testing {

inline ProcessResult run_on_terminal(const std::vector<std::string>& argv, const std::string& scratch_dir,
                                     const std::string& input = "") {
    std::string in_path = scratch_dir + "/stdin.txt";
    std::string out_path = scratch_dir + "/stdout.txt";
    { std::ofstream(in_path, std::ios::binary) << input; }
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    REQUIRE(master >= 0);
    REQUIRE(grantpt(master) == 0);
    REQUIRE(unlockpt(master) == 0);
    // Opened here, before the fork, so the terminal has a writer from the start: reading the master
    // ends (EIO) exactly when the child and everything it started have closed it.
    int terminal = open(ptsname(master), O_RDWR | O_NOCTTY);
    REQUIRE(terminal >= 0);
    pid_t pid = fork();
    if (pid == 0) {
        int in = open(in_path.c_str(), O_RDONLY);
        int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(in, 0);
        dup2(out, 1);
        dup2(terminal, 2);
        std::vector<char*> args;
        for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(terminal);
    KillOnExit child(pid);
    ProcessResult result;
    for (;;) {  // drained as it comes, so a full terminal buffer never stops the child
        pollfd readable{master, POLLIN, 0};
        int ready = poll(&readable, 1, 120000);
        REQUIRE_MESSAGE(ready != 0, "the program wrote nothing to the terminal for 2 minutes and did not exit");
        if (ready < 0 && errno == EINTR) continue;
        char buffer[4096];
        ssize_t n = read(master, buffer, sizeof buffer);
        if (n > 0) {
            result.err.append(buffer, size_t(n));
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break;  // EIO: every writer closed the terminal
        }
    }
    close(master);
    result.exit_code = wait_exit_code(child.release());
    result.out = read_whole(out_path);
    return result;
}

}  // namespace pos::testing
