// A child process whose stdout the test reads as it is printed: a thread drains the pipe and
// wakes the test at every chunk, so a test waits for a line (or for the end of the output)
// instead of polling a file on a timer. stderr goes to a file, as with spawn().
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

namespace pos::testing {

class ChildOutput {
public:
    // Starts argv (a full path: execv does not search $PATH) with stdout into a pipe read here.
    ChildOutput(const std::vector<std::string>& argv, const std::string& err_path) {
        // Close-on-exec, so that no other child inherits an end and keeps the pipe open.
        REQUIRE(pipe2(out_, O_CLOEXEC) == 0);
        REQUIRE(pipe2(stop_, O_CLOEXEC) == 0);
        pid_ = fork();
        if (pid_ == 0) {
            int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            dup2(out_[1], 1);
            dup2(err, 2);
            std::vector<char*> args;
            for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
            args.push_back(nullptr);
            execv(args[0], args.data());
            _exit(127);
        }
        close(out_[1]);
        reader_ = std::thread([this] { read_until_closed(); });
    }
    // Stops reading; the child itself is the caller's to stop and reap (KillOnExit, wait_exit_code).
    ~ChildOutput() {
        char stop = 1;
        (void)!write(stop_[1], &stop, 1);
        reader_.join();
        close(out_[0]);
        close(stop_[0]);
        close(stop_[1]);
    }
    ChildOutput(const ChildOutput&) = delete;
    ChildOutput& operator=(const ChildOutput&) = delete;

    [[nodiscard]] pid_t pid() const { return pid_; }

    // True once `condition` holds for everything printed so far; false (with a message naming
    // `what` and the output) when the output ends or `limit` passes first.
    bool wait_until(std::string_view what, const std::function<bool(const std::string&)>& condition,
                    std::chrono::milliseconds limit = std::chrono::seconds(10)) {
        std::unique_lock lock(mutex_);
        printed_.wait_for(lock, limit, [&] { return closed_ || condition(text_); });
        if (condition(text_)) return true;
        MESSAGE("waited for ", what, (closed_ ? " until the output ended" : " in vain"), "; printed:\n", text_);
        return false;
    }

    // True once every writer closed the pipe (the child exited, or was killed): text() is all of it.
    bool wait_closed(std::chrono::milliseconds limit = std::chrono::seconds(10)) {
        std::unique_lock lock(mutex_);
        return printed_.wait_for(lock, limit, [&] { return closed_; });
    }

    [[nodiscard]] std::string text() const {
        std::lock_guard lock(mutex_);
        return text_;
    }

private:
    void read_until_closed() {
        pollfd fds[2] = {{out_[0], POLLIN, 0}, {stop_[0], POLLIN, 0}};
        char chunk[4096];
        for (;;) {
            if (poll(fds, 2, -1) < 0) continue;  // EINTR
            if (fds[1].revents != 0) return;
            ssize_t got = read(out_[0], chunk, sizeof chunk);
            if (got < 0 && errno == EINTR) continue;
            {
                std::lock_guard lock(mutex_);
                if (got > 0)
                    text_.append(chunk, size_t(got));
                else
                    closed_ = true;
            }
            printed_.notify_all();
            if (got <= 0) return;
        }
    }

    int out_[2] = {-1, -1};
    int stop_[2] = {-1, -1};  // written by the destructor to end the reader
    pid_t pid_ = -1;
    mutable std::mutex mutex_;
    std::condition_variable printed_;
    std::string text_;
    bool closed_ = false;
    std::thread reader_;
};

}  // namespace pos::testing
