// The weighing rule: the state the scale reports first, then the weight against the range.
#include "pos/actions/devices/weighing.hpp"

namespace pos::actions {

using drivers::scale::ScaleState;

WeighVerdict judge_reading(const std::optional<drivers::scale::ScaleReading>& reading, const ScaleConfig& scale) {
    if (!reading) return WeighVerdict::no_reading;
    switch (reading->state) {
        case ScaleState::no_weight: return WeighVerdict::no_reading;
        case ScaleState::motion: return WeighVerdict::unstable;
        case ScaleState::over_capacity: return WeighVerdict::too_heavy;
        case ScaleState::under_zero: return WeighVerdict::not_positive;
        case ScaleState::stable: break;
    }
    if (reading->grams <= 0) return WeighVerdict::not_positive;
    if (reading->grams < scale.min_grams) return WeighVerdict::too_light;
    if (reading->grams > scale.max_grams) return WeighVerdict::too_heavy;
    return WeighVerdict::take;
}

const char* weigh_verdict_key(WeighVerdict verdict) {
    switch (verdict) {
        case WeighVerdict::take: return "";
        case WeighVerdict::no_reading: return "weigh.no_reading";
        case WeighVerdict::unstable: return "weigh.unstable";
        case WeighVerdict::not_positive: return "weigh.not_positive";
        case WeighVerdict::too_light: return "weigh.too_light";
        case WeighVerdict::too_heavy: return "weigh.too_heavy";
    }
    return "";
}

}  // namespace pos::actions
