// `pos --state-file FILE`, a test hook: what the screen shows, as JSON, so an end-to-end test
// driving the real window (tests/ui/scanner_pos_test.cpp) can wait for a state instead of
// guessing with sleeps. Written after a frame, only when it changed, through a temporary
// file renamed over FILE, so a reader never sees half of it. Not for production use.
#pragma once

#include <optional>
#include <string>

#include "pos/actions/lane.hpp"
#include "pos/ui/customer_view.hpp"
#include "pos/ui/state.hpp"
#include "pos/ui/views.hpp"

namespace pos::app {

// {"screen":"sale","operator":"1001","shift_open":true,"scanner":"connected",
//  "lines":[{"name":"...","quantity":"1","amount":"2.00","voided":false}],"notice":"..."}
// "scanner" is null when pos.toml lists no USB scanner; "notice" is the sale screen's; "period"
// the 周报/月报 screen's {"kind","day","dimension"}.
// With the serial devices and the customer's window: "display" and "scale" ("connected",
// "disconnected", null without one), "weighing" (the weighing panel is up) and its "weigh_notice",
// "weigh_scale": while the panel is up, what it shows of the scale: {"weight":"0.350 kg","stable":true,
// "amount":"¥4.48"} (amount: empty unless Enter would take the weight), else null;
// and "customer": {"kind":"sale","total":"¥6.00","paid":"","change":"","lines":2} or null.
struct DeviceState {
    std::optional<bool> display;
    std::optional<bool> scale;
    std::optional<ui::ScaleView> weighing;
    std::optional<ui::CustomerView> customer;
};
[[nodiscard]] std::string state_json(const ui::UiState& state, const actions::Lane& lane, std::optional<bool> scanner,
                                     bool chinese, const DeviceState& devices = {});

class StateFile {
public:
    explicit StateFile(std::string path) : path_(std::move(path)) {}
    // Writes `json` when it differs from what was written last; a failure is reported once.
    void update(const std::string& json);

private:
    std::string path_;
    std::string written_;
    bool failed_ = false;
};

}  // namespace pos::app
