// libFuzzer target: the scale codecs (drivers/scale): any bytes from the serial port cut into
// 8217 frames and continuous-output lines, and each frame parsed, with the invariants checked.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "drivers/scale/continuous.hpp"
#include "drivers/scale/toledo8217.hpp"

using namespace pos::drivers::scale;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::span<const uint8_t> bytes(data, size);
    ToledoFrames frames;
    frames.feed(bytes);
    while (auto frame = frames.next()) {
        if (frame->size() < 2 || frame->front() != 0x02 || frame->back() != 0x0D || frame->size() > 13) std::abort();
        auto reading = parse_toledo_frame(*frame);
        if (reading && reading->state == ScaleState::stable && reading->grams < 0) std::abort();
        if (!reading && reading.error().message.empty()) std::abort();
    }
    auto whole = parse_toledo_frame(bytes);
    if (!whole && whole.error().message.empty()) std::abort();
    ContinuousLines lines;
    lines.feed(bytes);
    while (auto line = lines.next()) {
        if (line->empty() || line->size() > 40) std::abort();
        auto reading = parse_continuous_line(*line);
        if (reading && reading->state == ScaleState::stable && reading->grams < 0) std::abort();
        if (!reading && reading.error().message.empty()) std::abort();
    }
    return 0;
}
