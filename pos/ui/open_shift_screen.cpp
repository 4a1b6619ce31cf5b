// Open shift: the float put into the drawer — its total typed (200.00 by default), or, with F2,
// counted note by note with a live total (optional, like the blind count at 交班) — or why the
// lane cannot open one (another operator's shift is still open).
#include <algorithm>
#include <cmath>

#include "pos/ui/count_widget.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

// By denomination: digits go to the row, ↑↓ Tab move, Enter moves down and on the last row opens
// the shift with the counts; Esc and F2 go back to typing the total.
bool handle_count(ShiftForm& form, InputEvent event, Intents& intents) {
    size_t last = form.notes.size() - 1;
    if (event.is_char()) {
        form.notes[form.note].type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: form.notes[form.note].backspace(); return false;
        case Key::tab:
        case Key::down: form.note = std::min(form.note + 1, last); return false;
        case Key::up: form.note = form.note == 0 ? 0 : form.note - 1; return false;
        case Key::enter:
            if (form.note < last) {
                ++form.note;
                return false;
            }
            intents.push_back(intent::OpenShift{{}, note_counts(form.notes)});
            return true;
        case Key::escape:
        case Key::f2:
            form.by_denomination = false;
            form.notice.clear();
            return false;
        case Key::home: intents.push_back(intent::Logout{}); return true;
        default: return false;
    }
}

bool handle(ShiftForm& form, const ShiftView& view, InputEvent event, Intents& intents) {
    bool blocked = !view.shift_owner.empty();
    if (form.by_denomination && !blocked) return handle_count(form, event, intents);
    if (event.is_char()) {
        if (!blocked) form.amount.type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: form.amount.backspace(); return false;
        case Key::enter:
            if (blocked) return false;
            intents.push_back(intent::OpenShift{form.amount.text});
            return true;
        case Key::f2:
            if (blocked) return false;
            form.by_denomination = true;
            form.note = 0;
            form.notice.clear();
            return false;
        case Key::escape:
        case Key::home: intents.push_back(intent::Logout{}); return true;
        // A supervisor after the last 交班, or a manager in the morning: no shift of their own needed.
        case Key::f10: intents.push_back(intent::OpenEndOfDay{}); return true;
        case Key::f7: intents.push_back(intent::OpenManagerReport{}); return true;
        // A stock clerk counting or checking a delivery, a manager at the stock documents: no shift needed.
        case Key::f6: intents.push_back(intent::OpenStockScan{}); return true;
        case Key::f3: intents.push_back(intent::OpenStockDesk{}); return true;
        default: return false;
    }
}

// F2: the rows of notes and coins on the left, the pad and the buttons on the right.
std::optional<InputEvent> draw_by_denomination(ShiftForm& form, const ShiftView& view, const Ui& ui) {
    float gap = ui.px(size::gap);
    float pad = ui.px(20);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float left_width = std::floor(avail.x * 0.56f);
    float right_width = avail.x - left_width - gap;
    std::optional<InputEvent> press;

    begin_panel("##float_notes", ImVec2(left_width, avail.y), pad);
    float inner = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("shift.count_title"));
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    if (auto tapped = denomination_rows(ui, core::cny_denominations(), form.notes, form.note)) form.note = *tapped;
    end_panel();

    ImGui::SameLine(0, gap);
    begin_panel("##float_pad", ImVec2(right_width, avail.y), pad);
    inner = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    text_colored(color::muted, ui.tr.format("shift.count_hint", view.operator_name).c_str());
    ImGui::PopTextWrapPos();
    notice_box(ui, form.notice, inner, ui.px(70));
    float button_height = ui.px(size::button);
    float pad_top = ImGui::GetCursorPosY();
    float cell_height = std::clamp((avail.y - pad_top - pad - button_height - 5 * gap) / 4, ui.px(40), ui.px(76));
    if (auto key = number_pad(ui, "pad", false, ImVec2((inner - 2 * gap) / 3, cell_height))) {
        // The pad's C clears the row; every other key is what the keyboard would send.
        if (key->is(Key::escape))
            form.notes[form.note].clear();
        else
            press = key;
    }
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, avail.y - pad - button_height));
    ImGui::PushFont(ui.fonts.title);
    float open_width = inner * 0.6f;
    if (touch_button(ui.tr("shift.open"), ImVec2(open_width, button_height), ButtonKind::primary)) {
        form.note = form.notes.size() - 1;
        press = InputEvent::of_key(Key::enter);
    }
    ImGui::SameLine();
    if (touch_button(ui.tr("shift.type_total"), ImVec2(inner - open_width - gap, button_height))) {
        press = InputEvent::of_key(Key::f2);
    }
    ImGui::PopFont();
    end_panel();
    return press;
}

}  // namespace

void draw_open_shift(ShiftForm& form, const ShiftView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, view, *event, intents)) break;
    }
    bool blocked = !view.shift_owner.empty();
    std::optional<InputEvent> press;

    begin_body(ui);
    if (form.by_denomination && !blocked) {
        press = draw_by_denomination(form, view, ui);
    } else {
        float pad = ui.px(28);
        float gap = ui.px(size::gap);
        ImVec2 avail = ImGui::GetContentRegionAvail();
        ImVec2 card(std::min(ui.px(900), avail.x - ui.px(16)),
                    std::min(ui.px(blocked ? 320 : 560), avail.y - ui.px(16)));
        center_block(card);
        begin_panel("##shift", card, pad);
        float column = blocked ? card.x - 2 * pad : (card.x - 2 * pad - 4 * gap) * 0.5f;
        float button_height = ui.px(size::button);

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
        if (touch_button(ui.tr("shift.logout"), ImVec2(button_width, button_height)))
            press = InputEvent::of_key(Key::home);
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
    }
    end_body();

    if (press) handle(form, view, *press, intents);

    const KeyHint open_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.open_shift")},
        {InputEvent::of_key(Key::f2), "F2", ui.tr("hint.count_float")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
        {InputEvent::of_key(Key::home), "Home", ui.tr("hint.logout")},
        {InputEvent::of_key(Key::f10), "F10", ui.tr("hint.end_of_day")},
        {InputEvent::of_key(Key::f7), "F7", ui.tr("hint.manager_report")},
        {InputEvent::of_key(Key::f6), "F6", ui.tr("hint.stock_scan")},
        {InputEvent::of_key(Key::f3), "F3", ui.tr("hint.stock_desk")},
    };
    const KeyHint count_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.next_or_open")},
        {InputEvent::of_key(Key::down), "↑↓", ui.tr("hint.switch_field")},
        {InputEvent::of_key(Key::f2), "F2", ui.tr("hint.type_total")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
        {InputEvent::of_key(Key::home), "Home", ui.tr("hint.logout")},
    };
    const KeyHint blocked_hints[] = {
        {InputEvent::of_key(Key::home), "Home", ui.tr("hint.logout")},
        {InputEvent::of_key(Key::f10), "F10", ui.tr("hint.end_of_day")},
        {InputEvent::of_key(Key::f7), "F7", ui.tr("hint.manager_report")},
        {InputEvent::of_key(Key::f6), "F6", ui.tr("hint.stock_scan")},
        {InputEvent::of_key(Key::f3), "F3", ui.tr("hint.stock_desk")},
    };
    std::optional<InputEvent> tapped;
    if (blocked)
        tapped = key_hints(ui, blocked_hints);
    else if (form.by_denomination)
        tapped = key_hints(ui, count_hints);
    else
        tapped = key_hints(ui, open_hints);
    if (tapped) input.push_front(*tapped);
}

}  // namespace pos::ui
