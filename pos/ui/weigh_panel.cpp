// 称重: the weighing panel over the sale screen. It shows the item, its price per kg and the live
// weight, and Enter takes the weight only when the checkout says it may (stable, positive, in
// range); F3 tares, F1 zeroes, Esc cancels. A weight typed here (kg) needs a supervisor's number
// and PIN: Enter moves from the weight to the approver to the PIN, then asks.
#include <algorithm>

#include "pos/ui/field_cycle.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

using Field = WeighForm::Field;
using Step = intent::Weigh::Step;

constexpr const char* popup_id = "##weigh";

Entry& active_entry(WeighForm& form) {
    switch (form.field) {
        case Field::weight: return form.weight;
        case Field::approver: return form.approver;
        case Field::pin: break;
    }
    return form.pin;
}

bool submit(WeighForm& form, Intents& intents) {
    if (form.weight.empty()) {
        intents.push_back(intent::Weigh{Step::take, {}, {}, {}});
        return true;
    }
    if (form.field == Field::weight || form.approver.empty()) {
        form.field = Field::approver;
        return false;
    }
    if (form.field == Field::approver || form.pin.empty()) {
        form.field = Field::pin;
        return false;
    }
    intents.push_back(intent::Weigh{Step::keyed, form.weight.text, form.approver.text, form.pin.text});
    return true;
}

bool handle(WeighForm& form, InputEvent event, Intents& intents) {
    if (event.is_char()) {
        active_entry(form).type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: active_entry(form).backspace(); return false;
        case Key::tab:
        case Key::up:
        case Key::down:
            form.field = cycle_field(form.field, {Field::weight, Field::approver, Field::pin});
            return false;
        case Key::f1: intents.push_back(intent::Weigh{Step::zero, {}, {}, {}}); return true;
        case Key::f3: intents.push_back(intent::Weigh{Step::tare, {}, {}, {}}); return true;
        case Key::escape: intents.push_back(intent::Weigh{Step::cancel, {}, {}, {}}); return true;
        case Key::enter: return submit(form, intents);
        default: return false;
    }
}

}  // namespace

void draw_weigh_panel(WeighForm& form, const SaleView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    if (form.open) {
        while (auto event = input.next()) {
            if (handle(form, *event, intents)) break;
        }
    }
    // Tall enough at 1024x768 for the typed weight, the supervisor's number and PIN and a two-line
    // notice in the left column; the keys, tare and zero, take and cancel in the right one.
    auto frame = begin_modal(popup_id, form.open, ImVec2(820, 640), ui);
    if (!frame) return;
    const ImVec2 dialog = frame->size;
    const float pad = frame->pad;
    const float gap = frame->gap;
    float column = (dialog.x - 2 * pad - 4 * gap) * 0.5f;
    std::optional<InputEvent> press;

    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("weigh.title"));
    ImGui::PopFont();
    ImGui::TextUnformatted(ui.tr.format("weigh.item", form.name, money_text(form.price_per_kg)).c_str());
    const ScaleView scale = view.scale.value_or(ScaleView{});
    ImGui::PushFont(ui.fonts.big);
    text_colored(scale.stable ? color::bar : color::muted, scale.weight.empty() ? "-.--- kg" : scale.weight.c_str());
    ImGui::PopFont();
    if (!scale.amount.empty()) {
        ImGui::TextUnformatted(ui.tr.format("weigh.amount", scale.amount).c_str());
    } else {
        text_colored(color::muted, scale.verdict.c_str());
    }
    text_colored(color::muted, ui.tr("weigh.hint"));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, gap));
    if (entry_field(ui, "weight", ui.tr("weigh.keyed"), form.weight, form.field == Field::weight, false, column)) {
        form.field = Field::weight;
    }
    if (!form.weight.empty()) {
        if (entry_field(ui, "approver", ui.tr("void.approver"), form.approver, form.field == Field::approver, false,
                        column)) {
            form.field = Field::approver;
        }
        if (entry_field(ui, "pin", ui.tr("void.pin"), form.pin, form.field == Field::pin, true, column)) {
            form.field = Field::pin;
        }
    }
    notice_box(ui, form.notice, column, 0);
    ImGui::EndGroup();

    // The right column starts at its own place, whatever the width of the text on the left.
    ImGui::SameLine(pad + column + 4 * gap);
    ImGui::BeginGroup();
    float cell_height = std::min(ui.px(72), (dialog.y - 2 * pad - 5 * gap) / 6);
    ImVec2 cell((column - 2 * gap) / 3, cell_height);
    ImVec2 half((column - gap) * 0.5f, cell_height);
    if (auto key = number_pad(ui, "pad", form.field == Field::weight, cell)) press = key;
    if (touch_button(ui.tr("weigh.tare"), half)) press = InputEvent::of_key(Key::f3);
    ImGui::SameLine();
    if (touch_button(ui.tr("weigh.zero"), half)) press = InputEvent::of_key(Key::f1);
    ImGui::PushFont(ui.fonts.title);
    bool takeable = !scale.amount.empty() || !form.weight.empty();
    if (touch_button(ui.tr("weigh.confirm"), half, ButtonKind::primary, takeable))
        press = InputEvent::of_key(Key::enter);
    ImGui::SameLine();
    if (touch_button(ui.tr("void.cancel"), half)) press = InputEvent::of_key(Key::escape);
    ImGui::PopFont();
    ImGui::EndGroup();
    ImGui::EndPopup();

    if (press) handle(form, *press, intents);
}

}  // namespace pos::ui
