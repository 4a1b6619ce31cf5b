// The continuous output of common Chinese counter scales and weighing indicators: the scale sends
// a line several times a second without being asked, e.g.
//   "ST,GS,+  1.234kg\r\n"  stable gross      "US,GS,+  0.410kg\r\n"  unstable
//   "ST,NT,+  0.250kg\r\n"  stable net        "OL,GS,+  0.000kg\r\n"  overload
// Units kg or g. Pure codec: lines in, readings out (docs/devices.md, "Checkout scale").
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/scale/reading.hpp"
#include "support/expected.hpp"

namespace pos::drivers::scale {

// One line without its CR LF.
[[nodiscard]] support::Expected<ScaleReading, ScaleFrameError> parse_continuous_line(std::string_view line);

// Cuts the stream into lines at LF; a line longer than any real one is dropped as noise.
class ContinuousLines {
public:
    // `mid_line`: the stream may start in the middle of a line (a port just opened): the bytes
    // before the first LF are dropped.
    explicit ContinuousLines(bool mid_line = false) : overflow_(mid_line) {}
    void feed(std::span<const uint8_t> bytes);
    [[nodiscard]] std::optional<std::string> next();

private:
    std::string pending_;
    bool overflow_ = false;
    std::vector<std::string> lines_;
};

}  // namespace pos::drivers::scale
