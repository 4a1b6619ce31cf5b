// The progress line of long posctl commands (see terminal_progress.hpp).
#include "pos/cli/terminal_progress.hpp"

#include <unistd.h>

#include <cstdio>

#include "pos/core/progress.hpp"

namespace pos::cli {

TerminalProgress::TerminalProgress(std::string label, int64_t total, std::string unit)
    : label_(std::move(label)),
      total_(total),
      unit_(std::move(unit)),
      shown_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

TerminalProgress::~TerminalProgress() { finish(); }

void TerminalProgress::update(int64_t done) {
    done_ = done;
    if (!shown_) return;
    auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_draw_ < std::chrono::milliseconds(250)) return;
    last_draw_ = now;
    draw();
}

void TerminalProgress::finish() {
    if (!shown_) return;
    draw();
    std::fputs("\n", stderr);
    shown_ = false;  // once
}

void TerminalProgress::draw() {
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::string line = label_ + ": " + core::format_progress(done_, total_, elapsed, unit_);
    // Back to the start of the line, the new text, and the rest of the old one erased.
    std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
    std::fflush(stderr);
    drawn_ = true;
}

}  // namespace pos::cli
