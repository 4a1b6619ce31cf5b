// The lane's customer display (客显): pos.toml's [display] on a serial port, run by a display worker
// of its own. The checkout hands it the moment once a frame; it sends a new content only when the
// scene changed, and never waits for the device (docs/design.md "Threads").
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "drivers/display/display_worker.hpp"
#include "pos/actions/devices/customer_scene.hpp"
#include "pos/actions/setup/config.hpp"

namespace pos::actions {

class CustomerDisplay {
public:
    // `idle_text`: [display] idle_text, or the store name when it is empty.
    CustomerDisplay(const DisplayConfig& config, DisplayLabels labels, std::string idle_text);

    // Shows `scene` unless the display already shows (or is about to show) the same: an LED8
    // has nothing new to show when only the running total moved.
    void follow(const CustomerScene& scene);
    [[nodiscard]] drivers::display::DisplayStatus status() const { return worker_->status(); }
    // Called on the worker's thread after each write or state change (the app wakes its loop).
    void set_notify(std::function<void()> notify) { worker_->set_notify(std::move(notify)); }

private:
    DisplayConfig config_;
    DisplayLabels labels_;
    std::string idle_text_;
    std::optional<drivers::display::DisplayContent> followed_;
    std::unique_ptr<drivers::display::DisplayWorker> worker_;  // last: stopped before the rest goes
};

}  // namespace pos::actions
