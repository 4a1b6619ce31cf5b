// The lane's checkout scale: pos.toml's [scale] on a serial port, run by a scale worker of its own.
// The checkout reads its newest reading once a frame and sends zero and tare; nothing here waits
// for the scale (docs/design.md "Threads").
#pragma once

#include <functional>
#include <memory>

#include "drivers/scale/scale_worker.hpp"
#include "pos/actions/devices/weighing.hpp"
#include "pos/actions/setup/config.hpp"

namespace pos::actions {

class LaneScale {
public:
    explicit LaneScale(const ScaleConfig& config);

    [[nodiscard]] drivers::scale::ScaleStatus status() const { return worker_->status(); }
    [[nodiscard]] const ScaleConfig& config() const { return config_; }
    // The newest reading judged against [scale] min_grams..max_grams.
    [[nodiscard]] WeighVerdict verdict() const { return judge_reading(status().reading, config_); }
    void zero() { worker_->zero(); }
    void tare() { worker_->tare(); }
    // Called on the worker's thread after each reading (the app wakes its loop).
    void set_notify(std::function<void()> notify) { worker_->set_notify(std::move(notify)); }

private:
    ScaleConfig config_;
    std::unique_ptr<drivers::scale::ScaleWorker> worker_;
};

}  // namespace pos::actions
