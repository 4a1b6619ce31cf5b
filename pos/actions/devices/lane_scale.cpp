// The scale's worker, opened on the configured port with its line settings and answer limit.
#include "pos/actions/devices/lane_scale.hpp"

namespace pos::actions {

LaneScale::LaneScale(const ScaleConfig& config) : config_(config) {
    auto open = [port = config_.port, line = config_.line] { return drivers::serial::SerialPort::open(port, line); };
    drivers::scale::ScaleTiming timing;
    timing.answer_limit = std::chrono::milliseconds(config_.timeout_ms);
    worker_ = std::make_unique<drivers::scale::ScaleWorker>(open, config_.protocol, timing);
}

}  // namespace pos::actions
