// Continuous-output lines: state, gross or net, sign, weight and unit.
#include "drivers/scale/continuous.hpp"

#include <fmt/format.h>

namespace pos::drivers::scale {
namespace {

constexpr size_t longest_line = 40;

ScaleFrameError bad(std::string_view line, const char* why) {
    std::string shown;
    for (char c : line)
        shown += (c >= 0x20 && c < 0x7F) ? std::string(1, c) : fmt::format("\\x{:02X}", static_cast<uint8_t>(c));
    return ScaleFrameError{fmt::format("scale line \"{}\" {}", shown, why)};
}

}  // namespace

support::Expected<ScaleReading, ScaleFrameError> parse_continuous_line(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
    if (line.size() < 7 || line[2] != ',' || line[5] != ',') {
        return bad(line, "is not \"ST,GS,+  1.234kg\": check the scale sends its continuous format");
    }
    std::string_view status = line.substr(0, 2);
    std::string_view kind = line.substr(3, 2);
    ScaleReading reading;
    if (status == "ST")
        reading.state = ScaleState::stable;
    else if (status == "US")
        reading.state = ScaleState::motion;
    else if (status == "OL")
        reading.state = ScaleState::over_capacity;
    else
        return bad(line, "starts with a state other than ST, US or OL");
    if (kind == "NT")
        reading.net = true;
    else if (kind != "GS")
        return bad(line, "is neither gross (GS) nor net (NT)");

    std::string_view rest = line.substr(6);
    bool negative = false;
    size_t at = 0;
    while (at < rest.size() && (rest[at] == ' ' || rest[at] == '+' || rest[at] == '-')) {
        negative = negative || rest[at] == '-';
        ++at;
    }
    int64_t value = 0;
    int decimals = -1;
    size_t digits = 0;
    for (; at < rest.size(); ++at) {
        char c = rest[at];
        if (c == '.') {
            if (decimals >= 0) return bad(line, "has two decimal points");
            decimals = 0;
        } else if (c >= '0' && c <= '9') {
            if (++digits > 9) return bad(line, "has a weight longer than any scale's");
            value = value * 10 + (c - '0');
            if (decimals >= 0) ++decimals;
        } else {
            break;
        }
    }
    if (digits == 0) return bad(line, "has no weight");
    while (at < rest.size() && rest[at] == ' ') ++at;
    std::string_view unit = rest.substr(at);
    int scale_to_grams;  // decimals to drop (negative: to add) to reach whole grams
    if (unit == "kg")
        scale_to_grams = (decimals < 0 ? 0 : decimals) - 3;
    else if (unit == "g")
        scale_to_grams = decimals < 0 ? 0 : decimals;
    else
        return bad(line, "is not in kg or g (set the scale to metric units)");
    for (; scale_to_grams < 0; ++scale_to_grams) value *= 10;
    for (; scale_to_grams > 0; --scale_to_grams) value /= 10;  // below a gram: the lane sells whole grams
    if (negative && value > 0) {
        reading.state = reading.state == ScaleState::over_capacity ? reading.state : ScaleState::under_zero;
        value = -value;
    }
    reading.grams = value;
    return reading;
}

void ContinuousLines::feed(std::span<const uint8_t> bytes) {
    for (uint8_t b : bytes) {
        if (b == '\n') {
            if (!pending_.empty() && !overflow_) lines_.push_back(std::move(pending_));
            pending_.clear();
            overflow_ = false;
        } else if (pending_.size() < longest_line) {
            pending_.push_back(static_cast<char>(b));
        } else {
            overflow_ = true;  // noise: dropped up to the next line
        }
    }
}

std::optional<std::string> ContinuousLines::next() {
    if (lines_.empty()) return std::nullopt;
    std::string line = std::move(lines_.front());
    lines_.erase(lines_.begin());
    return line;
}

}  // namespace pos::drivers::scale
