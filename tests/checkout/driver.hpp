// Drives the checkout by keys as a cashier would, without a window: a demo lane, headless ImGui
// with the built-in font, keys through the input queue and one Checkout::frame per ImGui frame.
#pragma once

#include <doctest/doctest.h>

#include <imgui.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "pos/checkout/checkout.hpp"
#include "tests/support/demo_lane.hpp"
#include "tests/support/eventually.hpp"
#include "tests/ui/headless.hpp"

namespace pos::testing {

class CheckoutDriver {
public:
    // Frames drawn at most before the checkout must be idle: a screen change takes two or three.
    static constexpr int max_frames = 200;

    // A demo store of its own in a temporary directory.
    CheckoutDriver()
        : demo_(std::in_place), lane_(*demo_->lane), fonts_(builtin_fonts()), checkout_(lane_, headless_.tr(), fonts_) {
        checkout_.set_notify([this] { notify_answered(); });
    }
    // The lane of `data_dir`, set up by the test (a store URL of its own in pos.toml).
    explicit CheckoutDriver(const std::string& data_dir)
        : files_(open(data_dir)),
          own_lane_(std::make_unique<actions::Lane>(*files_.db, files_.config)),
          lane_(*own_lane_),
          fonts_(builtin_fonts()),
          checkout_(lane_, headless_.tr(), fonts_) {
        checkout_.set_notify([this] { notify_answered(); });
    }

    // Types text (each character as a key press of it), then draws until the checkout is idle.
    void type(std::string_view text) {
        size_t i = 0;
        while (i < text.size()) headless_.input.push(ui::InputEvent::of_char(ui::next_codepoint(text, i)));
        settle();
    }
    // Presses a named key, then draws until the checkout is idle.
    void press(ui::Key key) {
        headless_.input.push(ui::InputEvent::of_key(key));
        settle();
    }
    // A key script as `pos --input` takes it: "1001{Enter}1234{Enter}".
    void keys(std::string_view script) {
        auto events = ui::parse_key_script(script);
        REQUIRE(events.ok());
        for (const ui::InputEvent& event : *events) headless_.input.push(event);
        settle();
    }

    // Draws frames until every key is taken (or waits for a worker's answer) and two frames in a
    // row change nothing; returns the frames drawn. Bounded: a checkout that never settles fails.
    int settle() {
        int quiet = 0;
        for (int frame = 1; frame <= max_frames; ++frame) {
            bool changed = draw_frame();
            bool keys_taken = headless_.input.empty() || checkout_.waiting();
            quiet = keys_taken && !changed ? quiet + 1 : 0;
            if (quiet == 2) return frame;
        }
        FAIL("the checkout did not settle in ", max_frames, " frames");
        return max_frames;
    }
    // One frame: the checkout draws and applies what its screen recorded. True when something changed.
    bool draw_frame() {
        ImGui::NewFrame();
        bool changed = checkout_.frame(headless_.input);
        ImGui::Render();
        return changed;
    }

    // Waits (bounded) for the worker of the F9 receipt lookup to answer, then draws until the
    // answer is on screen. The worker's notify call wakes the wait: no sleeping, no polling.
    void wait_for_lookup() {
        {
            std::unique_lock lock(answered_mutex_);
            auto answered = [&] { return !checkout_.waiting() || checkout_.answer_ready(); };
            REQUIRE(answered_.wait_for(lock, std::chrono::seconds(30), answered));
        }
        settle();
        CHECK_FALSE(checkout_.waiting());
    }

    // Draws frames until `condition` holds: for the payment worker, whose progress and answer are
    // taken once a frame (bounded; the gateway simulator runs on its own thread).
    bool draw_until(std::string_view what, const std::function<bool()>& condition) {
        bool held = eventually(what, [&] {
            draw_frame();
            return condition();
        });
        settle();
        return held;
    }

    // Cashier 1001 (PIN 1234) logs in and opens the shift with the default float.
    void log_in_and_open_shift() {
        keys("1001{Enter}1234{Enter}");
        REQUIRE(state().screen == ui::Screen::open_shift);
        press(ui::Key::enter);
        REQUIRE(state().screen == ui::Screen::sale);
    }

    [[nodiscard]] const ui::UiState& state() const { return checkout_.state(); }
    [[nodiscard]] actions::Lane& lane() { return lane_; }
    [[nodiscard]] checkout::Checkout& checkout() { return checkout_; }
    [[nodiscard]] const ui::Strings& tr() const { return headless_.tr(); }

private:
    // From the worker, after its answer is set: the lock orders it after a waiter's check.
    void notify_answered() {
        { std::lock_guard lock(answered_mutex_); }
        answered_.notify_all();
    }
    static actions::OpenLane open(const std::string& data_dir) {
        setenv("POS_ASSETS_DIR", POS_SOURCE_DIR "/assets", 1);
        auto opened = actions::open_lane(data_dir);
        REQUIRE(opened.ok());
        return std::move(*opened);
    }
    static ui::Fonts builtin_fonts() {
        ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
        return ui::Fonts{font, font, font};
    }

    std::optional<DemoLane> demo_;
    actions::OpenLane files_;  // with a data directory given
    std::unique_ptr<actions::Lane> own_lane_;
    actions::Lane& lane_;
    Headless headless_;  // before fonts_: the ImGui context the font book uses
    ui::FontBook fonts_;
    std::mutex answered_mutex_;  // before checkout_: its worker may notify until the checkout is gone
    std::condition_variable answered_;
    checkout::Checkout checkout_;
};

}  // namespace pos::testing
