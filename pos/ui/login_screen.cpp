// Login: operator number, then PIN, typed or on the pad; Enter moves on, then logs in.
#include <algorithm>

#include "pos/ui/field_cycle.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

using Field = LoginForm::Field;

Entry& active_entry(LoginForm& form) { return form.field == Field::operator_id ? form.operator_id : form.pin; }

bool submit(LoginForm& form, Intents& intents) {
    if (form.operator_id.empty()) {
        form.field = Field::operator_id;
        return false;
    }
    if (form.field == Field::operator_id || form.pin.empty()) {
        form.field = Field::pin;
        return false;
    }
    intents.push_back(intent::Login{form.operator_id.text, form.pin.text});
    return true;
}

// Applies one key or character; true when it recorded an intent.
bool handle(LoginForm& form, InputEvent event, Intents& intents) {
    if (event.is_char()) {
        active_entry(form).type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: active_entry(form).backspace(); break;
        case Key::tab:
        case Key::up:
        case Key::down: form.field = cycle_field(form.field, {Field::operator_id, Field::pin}); break;
        case Key::escape:
            form.operator_id.clear();
            form.pin.clear();
            form.field = Field::operator_id;
            form.notice.clear();
            break;
        case Key::enter: return submit(form, intents);
        default: break;
    }
    return false;
}

}  // namespace

void draw_login(LoginForm& form, InputQueue& input, Intents& intents, const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, *event, intents)) break;
    }

    begin_body(ui);
    float pad = ui.px(28);
    float gap = ui.px(size::gap);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 card(std::min(ui.px(900), avail.x - ui.px(16)), std::min(ui.px(560), avail.y - ui.px(16)));
    center_block(card);
    begin_panel("##login", card, pad);
    float column = (card.x - 2 * pad - 4 * gap) * 0.5f;

    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("login.title"));
    ImGui::PopFont();
    // Wrapped to its column: a longer translation must not push the pad out of the card.
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    text_colored(color::muted, ui.tr("login.hint"));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, gap));
    if (entry_field(ui, "operator", ui.tr("login.operator"), form.operator_id, form.field == Field::operator_id, false,
                    column)) {
        form.field = Field::operator_id;
    }
    if (form.notice.shown() && form.notice_field == Field::operator_id) notice_box(ui, form.notice, column, 0);
    ImGui::Dummy(ImVec2(0, gap));
    if (entry_field(ui, "pin", ui.tr("login.pin"), form.pin, form.field == Field::pin, true, column)) {
        form.field = Field::pin;
    }
    if (form.notice.shown() && form.notice_field == Field::pin) notice_box(ui, form.notice, column, 0);
    float button_height = ui.px(size::button);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, card.y - pad - button_height));
    ImGui::PushFont(ui.fonts.title);
    bool login = touch_button(ui.tr("login.submit"), ImVec2(column, button_height), ButtonKind::primary);
    ImGui::PopFont();
    ImGui::EndGroup();

    ImGui::SameLine(pad + column + 4 * gap);
    ImGui::BeginGroup();
    float cell_width = (column - 2 * gap) / 3;
    float cell_height = std::min(ui.px(84), (card.y - 2 * pad - 3 * gap) / 4);
    std::optional<InputEvent> pad_press = number_pad(ui, "pad", false, ImVec2(cell_width, cell_height));
    ImGui::EndGroup();
    end_panel();
    end_body();

    if (pad_press) handle(form, *pad_press, intents);
    if (login) {
        form.field = Field::pin;
        submit(form, intents);
    }

    const KeyHint hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.next")},
        {InputEvent::of_key(Key::tab), "Tab", ui.tr("hint.switch_field")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.clear")},
    };
    if (auto tapped = key_hints(ui, hints)) input.push_front(*tapped);
}

}  // namespace pos::ui
