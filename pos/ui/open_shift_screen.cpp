// Open shift: the float counted into the drawer (200.00 by default), or why the lane cannot open one.
#include <algorithm>

#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

bool handle(ShiftForm& form, const ShiftView& view, InputEvent event, Intents& intents) {
    if (event.is_char()) {
        if (view.shift_owner.empty()) form.amount.type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: form.amount.backspace(); return false;
        case Key::enter:
            if (!view.shift_owner.empty()) return false;
            intents.push_back(intent::OpenShift{form.amount.text});
            return true;
        case Key::escape:
        case Key::home: intents.push_back(intent::Logout{}); return true;
        // A supervisor after the last 交班, or a manager in the morning: no shift of their own needed.
        case Key::f10: intents.push_back(intent::OpenEndOfDay{}); return true;
        case Key::f7: intents.push_back(intent::OpenManagerReport{}); return true;
        default: return false;
    }
}

}  // namespace

void draw_open_shift(ShiftForm& form, const ShiftView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, view, *event, intents)) break;
    }
    bool blocked = !view.shift_owner.empty();

    begin_body(ui);
    float pad = ui.px(28);
    float gap = ui.px(size::gap);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 card(std::min(ui.px(900), avail.x - ui.px(16)), std::min(ui.px(blocked ? 320 : 560), avail.y - ui.px(16)));
    center_block(card);
    begin_panel("##shift", card, pad);
    float column = blocked ? card.x - 2 * pad : (card.x - 2 * pad - 4 * gap) * 0.5f;
    float button_height = ui.px(size::button);
    std::optional<InputEvent> press;

    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr(blocked ? "shift.blocked_title" : "shift.title"));
    ImGui::PopFont();
    if (blocked) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
        ImGui::TextUnformatted(ui.tr.format("shift.blocked", view.shift_owner).c_str());
        ImGui::PopTextWrapPos();
    } else {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
        text_colored(color::muted, ui.tr.format("shift.hint", view.operator_name).c_str());
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, gap));
        entry_field(ui, "float", ui.tr("shift.float"), form.amount, true, false, column);
        notice_box(ui, form.notice, column, 0);
    }
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, card.y - pad - button_height));
    ImGui::PushFont(ui.fonts.title);
    float button_width = blocked ? column : (column - gap) * 0.5f;
    if (!blocked) {
        if (touch_button(ui.tr("shift.open"), ImVec2(button_width, button_height), ButtonKind::primary)) {
            press = InputEvent::of_key(Key::enter);
        }
        ImGui::SameLine();
    }
    if (touch_button(ui.tr("shift.logout"), ImVec2(button_width, button_height))) press = InputEvent::of_key(Key::home);
    ImGui::PopFont();
    ImGui::EndGroup();

    if (!blocked) {
        ImGui::SameLine(0, 4 * gap);
        ImGui::BeginGroup();
        float cell_height = std::min(ui.px(84), (card.y - 2 * pad - 3 * gap) / 4);
        if (auto key = number_pad(ui, "pad", true, ImVec2((column - 2 * gap) / 3, cell_height))) press = key;
        ImGui::EndGroup();
    }
    end_panel();
    end_body();

    if (press) handle(form, view, *press, intents);

    const KeyHint open_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.open_shift")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
        {InputEvent::of_key(Key::home), "Home", ui.tr("hint.logout")},
        {InputEvent::of_key(Key::f10), "F10", ui.tr("hint.end_of_day")},
        {InputEvent::of_key(Key::f7), "F7", ui.tr("hint.manager_report")},
    };
    const KeyHint blocked_hints[] = {
        {InputEvent::of_key(Key::home), "Home", ui.tr("hint.logout")},
        {InputEvent::of_key(Key::f10), "F10", ui.tr("hint.end_of_day")},
        {InputEvent::of_key(Key::f7), "F7", ui.tr("hint.manager_report")},
    };
    std::optional<InputEvent> tapped = blocked ? key_hints(ui, blocked_hints) : key_hints(ui, open_hints);
    if (tapped) input.push_front(*tapped);
}

}  // namespace pos::ui
