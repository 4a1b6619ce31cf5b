// Runs posctl (or any program) as a child process for end-to-end tests: wait for it, or kill it.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace pos::testing {

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    std::string out;
    std::string err;
};

inline std::string read_whole(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// Starts argv with stdout and stderr going to files; returns the child's pid.
inline pid_t spawn(const std::vector<std::string>& argv, const std::string& out_path, const std::string& err_path) {
    pid_t pid = fork();
    if (pid == 0) {
        int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(out, 1);
        dup2(err, 2);
        std::vector<char*> args;
        for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}

inline int wait_exit_code(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline bool still_running(pid_t pid) { return waitpid(pid, nullptr, WNOHANG) == 0; }

// Waits on a pidfd (woken by the exit itself, no polling) for at most `limit`: true once `pid`
// has exited or is gone. It is not reaped: wait_exit_code() or waitpid() does that.
inline bool exited_within(pid_t pid, std::chrono::milliseconds limit) {
    int exit_fd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
    if (exit_fd < 0) return true;  // no such process any more
    pollfd exited{exit_fd, POLLIN, 0};
    int ready = poll(&exited, 1, static_cast<int>(limit.count()));
    close(exit_fd);
    return ready == 1;
}

// Kills and reaps a background child when a test ends early (a failed REQUIRE), so that it
// does not outlive the test and keep writing to a removed folder.
class KillOnExit {
public:
    explicit KillOnExit(pid_t pid) : pid_(pid) {}
    KillOnExit(const KillOnExit&) = delete;
    KillOnExit& operator=(const KillOnExit&) = delete;
    ~KillOnExit() {
        if (pid_ <= 0) return;
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    pid_t release() { return std::exchange(pid_, -1); }

private:
    pid_t pid_;
};

// Runs to completion and captures what it printed.
inline ProcessResult run(const std::vector<std::string>& argv, const std::string& scratch_dir) {
    std::string out_path = scratch_dir + "/stdout.txt";
    std::string err_path = scratch_dir + "/stderr.txt";
    pid_t pid = spawn(argv, out_path, err_path);
    ProcessResult result;
    result.exit_code = wait_exit_code(pid);
    result.out = read_whole(out_path);
    result.err = read_whole(err_path);
    return result;
}

// Runs to completion with `input` on its standard input (an acting operator's number and PIN, new
// PINs: the way a technician pipes them in, never on the command line).
inline ProcessResult run_with_input(std::vector<std::string> argv, const std::string& input,
                                    const std::string& scratch_dir) {
    std::string input_path = scratch_dir + "/stdin.txt";
    {
        std::FILE* file = std::fopen(input_path.c_str(), "wb");
        REQUIRE(file != nullptr);
        std::fwrite(input.data(), 1, input.size(), file);
        std::fclose(file);
    }
    argv.insert(argv.begin(), {"/bin/sh", "-c", "f=$1; shift; exec \"$@\" < \"$f\"", "sh", input_path});
    return run(argv, scratch_dir);
}

}  // namespace pos::testing
