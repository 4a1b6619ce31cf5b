// One row per checkout screen: how it is drawn, which remapped keys it takes, where its notice
// goes, which typed text may need new glyphs and where Esc leads. Adding a screen is one row in
// checkout_screens.cpp; Checkout::frame and the intents read only this table.
#pragma once

#include <string>

#include "pos/checkout/checkout.hpp"
#include "pos/ui/widgets.hpp"

namespace pos::checkout {

struct Checkout::ScreenEntry {
    ui::Screen screen;
    // Draws the screen from its form and its view of the Lane, taking keys and recording intents.
    void (*draw)(Checkout& checkout, ui::InputQueue& input, ui::Intents& intents, const ui::Ui& ui);
    // The [keys] table it takes (keymap.hpp: "sale", "tender", "change"); "" for the fixed keys.
    const char* (*key_context)(const ui::UiState& state);
    // Where a result of this screen is shown (current_notice()).
    ui::Notice& (*notice)(ui::UiState& state);
    // Text the cashier types freely (Chinese through the input method): its glyphs are added to
    // the atlas after the frame. Null when the screen has no such field.
    const std::string* (*typed)(const ui::UiState& state);
    // The screen Esc (intent::Leave) goes back to.
    ui::Screen (*back)(const ui::UiState& state);
};

}  // namespace pos::checkout
