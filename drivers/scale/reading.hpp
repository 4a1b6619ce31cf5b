// What a checkout scale reports, whichever protocol carried it: the weight in grams and whether
// the lane may take it (only a stable, positive weight within the scale's range is sold).
#pragma once

#include <cstdint>
#include <string>

namespace pos::drivers::scale {

enum class ScaleState {
    stable,         // a settled weight: the only state a sale takes
    motion,         // the pan is still moving
    over_capacity,  // more than the scale may weigh
    under_zero,     // below zero: zero the empty scale
    no_weight,      // the scale answered with no weight and no fault (nothing new to report)
};

struct ScaleReading {
    ScaleState state = ScaleState::no_weight;
    int64_t grams = 0;  // gross, or net when `net`
    bool net = false;   // a tare is set
    bool center_of_zero = false;
};

[[nodiscard]] const char* scale_state_name(ScaleState state);

// A frame the scale sent that the lane cannot read: the bytes are named in the message.
struct ScaleFrameError {
    std::string message;
};

}  // namespace pos::drivers::scale
