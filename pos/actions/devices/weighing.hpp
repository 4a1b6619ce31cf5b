// Whether a scale's reading may be sold (docs/devices.md "Checkout scale"): only a stable weight,
// more than nothing, within [scale] min_grams..max_grams. Pure.
#pragma once

#include <optional>

#include "drivers/scale/reading.hpp"
#include "pos/actions/setup/config.hpp"

namespace pos::actions {

enum class WeighVerdict {
    take,          // stable, positive, in range: the lane may sell it
    no_reading,    // the scale is away, not answering or garbled
    unstable,      // the pan is still moving
    not_positive,  // nothing on the pan, or below zero (zero the empty scale)
    too_light,     // below min_grams
    too_heavy,     // above max_grams, or the scale's own overload
};

[[nodiscard]] WeighVerdict judge_reading(const std::optional<drivers::scale::ScaleReading>& reading,
                                         const ScaleConfig& scale);

// The translation key of a verdict the cashier reads ("weigh.*"), empty for take.
[[nodiscard]] const char* weigh_verdict_key(WeighVerdict verdict);

}  // namespace pos::actions
