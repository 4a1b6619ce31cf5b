// The few widgets every checkout screen shares: touch buttons, typed fields, the number pad,
// in-place notices, key hints, panels. Each draws with ImGui and reports what was pressed.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include <imgui.h>

#include "pos/ui/input.hpp"
#include "pos/ui/keymap.hpp"
#include "pos/ui/state.hpp"
#include "pos/ui/strings.hpp"
#include "pos/ui/theme.hpp"

namespace pos::ui {

// What every draw function needs besides its own state: text, fonts and the scale.
struct Ui {
    const Strings& tr;
    Fonts fonts;
    float scale = 1.0f;
    const KeyTable* keys = nullptr;  // the screen's remapped keys (pos.toml [keys]): hint caps follow them

    [[nodiscard]] float px(float value) const { return value * scale; }
};

// The inside of a centred modal dialog: its size, padding and the gap between rows.
struct ModalFrame {
    ImVec2 size;
    float pad = 0;
    float gap = 0;
};

// Opens (while `open`) and begins a centred modal of at most `largest` (before scaling). Returns
// its frame when it is drawn — the caller ends it with ImGui::EndPopup() — or nullopt.
[[nodiscard]] std::optional<ModalFrame> begin_modal(const char* popup_id, bool open, ImVec2 largest, const Ui& ui);

enum class ButtonKind { plain, primary, pay, danger };

// A touch-sized button. `label` may carry an "##id". Disabled buttons are greyed and never fire.
bool touch_button(const char* label, ImVec2 size, ButtonKind kind = ButtonKind::plain, bool enabled = true);

// A typed field: a caption above a box with the text (dots when masked) and a caret when it
// takes the keyboard. Returns true when tapped.
bool entry_field(const Ui& ui, const char* id, const char* caption, const Entry& entry, bool active, bool masked,
                 float width);

// The on-screen number pad: 3 columns of 7-8-9 / 4-5-6 / 1-2-3 / (. or C)-0-←.
// The press comes back as the event the keyboard would have sent: a character, Backspace,
// or Esc for C (clear).
std::optional<InputEvent> number_pad(const Ui& ui, const char* id, bool decimal_point, ImVec2 cell);

// A message in place: red for errors, green for success, grey for hints. Reserves
// `min_height` even when empty, so what is below it does not jump.
void notice_box(const Ui& ui, const Notice& notice, float width, float min_height);

// The bottom bar of key hints. Each hint is also a button: tapping it sends its key.
struct KeyHint {
    InputEvent event;
    const char* cap;    // "Enter", "F12", "*"
    const char* label;  // translated action
};
std::optional<InputEvent> key_hints(const Ui& ui, std::span<const KeyHint> hints);

// A list to pick one row from (held tickets, F8 results): the selected row highlighted and
// scrolled into view when `scroll_to_selected` (then cleared), every row a touch target.
// Columns with no header at all draw no header row. Returns the row tapped.
struct PickColumn {
    const char* header = "";
    float width = 0;  // 0: the column takes what the others leave
};
std::optional<int> pick_list(const char* id, std::span<const PickColumn> columns,
                             std::span<const std::vector<std::string>> rows, int selected, bool& scroll_to_selected,
                             ImVec2 size, float row_height);

// The screen's area between the status bar and the key-hint bar (grey, no padding of its own).
void begin_body(const Ui& ui);
void end_body();
// Moves the cursor so that a block of `size` is centred in the current content region.
void center_block(ImVec2 size);

// A white rounded panel with inner padding; pair with end_panel().
void begin_panel(const char* id, ImVec2 size, float padding);
void end_panel();

// The centred card of the drawer screens (pay-in/out, member repayment): a form column on the
// left, the number pad on the right. Opens the panel; pair with end_panel().
struct PadCard {
    ImVec2 size;
    float pad = 0;
    float gap = 0;
    float column = 0;      // the form's width
    float pad_column = 0;  // the number pad's width
    float button_height = 0;
};
PadCard begin_pad_card(const char* id, const Ui& ui);

// Text drawn so that it ends at `right_x` (window coordinates), on the current line.
void text_right(const char* text, float right_x);
// Text centred horizontally in the current content region.
void text_centered(const char* text);
// Coloured text without formatting.
void text_colored(ImU32 color, const char* text);

}  // namespace pos::ui
