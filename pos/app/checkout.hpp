// The checkout loop's middle: draws the current screen from the Lane, then applies the
// intents the screen recorded to the Lane and moves between screens on the results.
#pragma once

#include "pos/actions/lane.hpp"
#include "pos/ui/input.hpp"
#include "pos/ui/state.hpp"
#include "pos/ui/strings.hpp"
#include "pos/ui/theme.hpp"

namespace pos::app {

class Checkout {
public:
    Checkout(actions::Lane& lane, const ui::Strings& strings, ui::FontBook& fonts)
        : lane_(lane), tr_(strings), fonts_(fonts) {}

    // Draws one frame into the current ImGui frame and applies its intents.
    // True when something changed and another frame should follow at once.
    bool frame(ui::InputQueue& input);

    [[nodiscard]] const ui::UiState& state() const { return state_; }

private:
    void apply(const ui::intent::Login& intent);
    void apply(const ui::intent::Logout& intent);
    void apply(const ui::intent::OpenShift& intent);
    void apply(const ui::intent::Scan& intent);
    void apply(const ui::intent::SetQuantity& intent);
    void apply(const ui::intent::VoidLine& intent);
    void apply(const ui::intent::GoToTender& intent);
    void apply(const ui::intent::BackToSale& intent);
    void apply(const ui::intent::Tender& intent);

    void enter_after_login();
    ui::Notice& current_notice();

    actions::Lane& lane_;
    const ui::Strings& tr_;
    ui::FontBook& fonts_;
    ui::UiState state_;
};

}  // namespace pos::app
