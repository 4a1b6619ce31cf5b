// A progress line for long posctl commands on the terminal; nothing at all when stderr is not one.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace pos::cli {

// Draws "<label>: <done> / <total> <unit> (n%), rate, time left" on stderr, redrawn in place at
// most four times a second, when stderr is a terminal. Piped or redirected (scripts, logs, the
// tests): writes nothing, so the output stays what it was.
class TerminalProgress {
public:
    TerminalProgress(std::string label, int64_t total, std::string unit);
    ~TerminalProgress();
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;

    // A new count; drawn if a quarter second has passed since the last drawing.
    void update(int64_t done);
    // Draws the last count and ends the line (also done by the destructor, once).
    void finish();

private:
    void draw();

    std::string label_;
    int64_t total_;
    std::string unit_;
    bool shown_;
    bool drawn_ = false;
    int64_t done_ = 0;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace pos::cli
