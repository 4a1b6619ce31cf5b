// The Mettler Toledo 8217 ("weight only") protocol that most checkout scales speak (9600 7E1).
// The lane sends one letter; the scale answers one frame STX ... CR:
//   W  -> STX "01.234" CR (kg gross, 3 decimals), STX "01.234N" CR (net), or STX '?' status CR
//   Z  zero, T tare, C clear tare -> STX '?' status CR
// The status byte: bit 0 in motion, 1 over capacity, 2 under zero, 3 outside zero capture range,
// 4 centre of zero, 5 net, 6 always 1 ('@' is all clear). Pure codec: bytes in, readings out.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "drivers/scale/reading.hpp"
#include "support/expected.hpp"

namespace pos::drivers::scale {

[[nodiscard]] std::vector<uint8_t> toledo_request_weight();  // 'W'
[[nodiscard]] std::vector<uint8_t> toledo_zero();            // 'Z'
[[nodiscard]] std::vector<uint8_t> toledo_tare();            // 'T'
[[nodiscard]] std::vector<uint8_t> toledo_clear_tare();      // 'C'

// One frame, STX and CR included. Pounds (two decimals) are refused: the lane sells by the gram.
[[nodiscard]] support::Expected<ScaleReading, ScaleFrameError> parse_toledo_frame(std::span<const uint8_t> frame);

// Cuts the byte stream into frames: whatever comes before STX is dropped, and so is a frame that
// grows past any real one (line noise), so garbage never builds up.
class ToledoFrames {
public:
    void feed(std::span<const uint8_t> bytes);
    // The next whole frame, STX to CR, if one has arrived.
    [[nodiscard]] std::optional<std::vector<uint8_t>> next();

private:
    std::vector<uint8_t> pending_;
    std::vector<std::vector<uint8_t>> frames_;
};

}  // namespace pos::drivers::scale
