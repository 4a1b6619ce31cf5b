// 8217 frames: weight or status, and the stream cut into frames.
#include "drivers/scale/toledo8217.hpp"

#include <fmt/format.h>

namespace pos::drivers::scale {
namespace {

constexpr uint8_t stx = 0x02;
constexpr uint8_t cr = 0x0D;
constexpr size_t longest_frame = 12;  // STX "WWW.WWW" N CR with a spare

std::string shown(std::span<const uint8_t> bytes) {
    std::string text;
    for (uint8_t b : bytes) text += fmt::format("{}{:02X}", text.empty() ? "" : " ", b);
    return text;
}

ScaleFrameError bad(std::span<const uint8_t> frame, const char* why) {
    return ScaleFrameError{fmt::format("scale frame [{}] {}", shown(frame), why)};
}

ScaleReading from_status(uint8_t status) {
    ScaleReading reading;
    reading.net = status & 0x20;
    reading.center_of_zero = status & 0x10;
    if (status & 0x02)
        reading.state = ScaleState::over_capacity;
    else if (status & 0x04)
        reading.state = ScaleState::under_zero;
    else if (status & 0x01)
        reading.state = ScaleState::motion;
    else
        reading.state = ScaleState::no_weight;
    return reading;
}

}  // namespace

const char* scale_state_name(ScaleState state) {
    switch (state) {
        case ScaleState::stable: return "stable";
        case ScaleState::motion: return "motion";
        case ScaleState::over_capacity: return "over_capacity";
        case ScaleState::under_zero: return "under_zero";
        case ScaleState::no_weight: return "no_weight";
    }
    return "no_weight";
}

std::vector<uint8_t> toledo_request_weight() { return {'W'}; }
std::vector<uint8_t> toledo_zero() { return {'Z'}; }
std::vector<uint8_t> toledo_tare() { return {'T'}; }
std::vector<uint8_t> toledo_clear_tare() { return {'C'}; }

support::Expected<ScaleReading, ScaleFrameError> parse_toledo_frame(std::span<const uint8_t> frame) {
    if (frame.size() < 3 || frame.front() != stx || frame.back() != cr) {
        return bad(frame, "is not STX ... CR: check the scale is set to the 8217 protocol");
    }
    std::span<const uint8_t> body = frame.subspan(1, frame.size() - 2);
    if (body[0] == '?') {
        if (body.size() != 2) return bad(frame, "has a status of more than one byte");
        return from_status(body[1]);
    }
    bool net = body.back() == 'N';
    if (net) body = body.first(body.size() - 1);
    int64_t whole = 0;
    int decimals = -1;
    size_t digits = 0;
    for (uint8_t b : body) {
        if (b == '.') {
            if (decimals >= 0) return bad(frame, "has two decimal points");
            decimals = 0;
        } else if (b >= '0' && b <= '9') {
            if (++digits > 7) return bad(frame, "has a weight longer than WWW.WWW");
            whole = whole * 10 + (b - '0');
            if (decimals >= 0) ++decimals;
        } else {
            return bad(frame, "has a character that is not a digit in its weight");
        }
    }
    if (decimals != 3) {
        return bad(frame, "is not a weight in kg with three decimals (set the scale to kg; pounds are not sold)");
    }
    ScaleReading reading;
    reading.state = ScaleState::stable;
    reading.grams = whole;  // kg with three decimals is grams
    reading.net = net;
    return reading;
}

void ToledoFrames::feed(std::span<const uint8_t> bytes) {
    for (uint8_t b : bytes) {
        if (b == stx) {
            pending_.assign(1, stx);
            continue;
        }
        if (pending_.empty()) continue;  // noise before a frame starts
        pending_.push_back(b);
        if (b == cr) {
            frames_.push_back(std::move(pending_));
            pending_.clear();
        } else if (pending_.size() > longest_frame) {
            pending_.clear();
        }
    }
}

std::optional<std::vector<uint8_t>> ToledoFrames::next() {
    if (frames_.empty()) return std::nullopt;
    std::vector<uint8_t> frame = std::move(frames_.front());
    frames_.erase(frames_.begin());
    return frame;
}

}  // namespace pos::drivers::scale
