// Voiding a line or changing its price (`/`) needs a supervisor: their number and PIN, keyed on
// the till in a modal dialog; a price change first takes the new unit price.
#include <algorithm>

#include "pos/ui/field_cycle.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

using Field = ApprovalForm::Field;

constexpr const char* popup_id = "##void_approval";

using Purpose = ApprovalForm::Purpose;

Entry& active_entry(ApprovalForm& form) {
    switch (form.field) {
        case Field::price: return form.price;
        case Field::approver: return form.approver;
        case Field::pin: break;
    }
    return form.pin;
}

Field next_field(const ApprovalForm& form) {
    if (form.purpose == Purpose::price) return cycle_field(form.field, {Field::price, Field::approver, Field::pin});
    return cycle_field(form.field, {Field::approver, Field::pin});
}

bool submit(ApprovalForm& form, Intents& intents) {
    bool price = form.purpose == Purpose::price;
    if (price && (form.price.empty() || form.field == Field::price)) {
        form.field = form.price.empty() ? Field::price : Field::approver;
        return false;
    }
    if (form.approver.empty()) {
        form.field = Field::approver;
        return false;
    }
    if (form.field == Field::approver || form.pin.empty()) {
        form.field = Field::pin;
        return false;
    }
    if (price) {
        intents.push_back(intent::OverridePrice{form.line, form.price.text, form.approver.text, form.pin.text});
    } else {
        intents.push_back(intent::VoidLine{form.line, form.approver.text, form.pin.text});
    }
    return true;
}

bool handle(ApprovalForm& form, InputEvent event, Intents& intents) {
    if (event.is_char()) {
        active_entry(form).type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: active_entry(form).backspace(); return false;
        case Key::tab:
        case Key::up:
        case Key::down: form.field = next_field(form); return false;
        case Key::escape: form = ApprovalForm{}; return false;
        case Key::enter: return submit(form, intents);
        default: return false;
    }
}

}  // namespace

void draw_void_approval(ApprovalForm& form, const SaleView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    if (form.open) {
        while (auto event = input.next()) {
            if (handle(form, *event, intents) || !form.open) break;
        }
    }
    auto frame = begin_modal(popup_id, form.open, ImVec2(820, 540), ui);
    if (!frame) return;
    const ImVec2 dialog = frame->size;
    const float pad = frame->pad;
    const float gap = frame->gap;

    float column = (dialog.x - 2 * pad - 4 * gap) * 0.5f;
    std::optional<InputEvent> press;
    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.title);
    bool price = form.purpose == Purpose::price;
    ImGui::TextUnformatted(ui.tr(price ? "price.title" : "void.title"));
    ImGui::PopFont();
    if (form.line >= 1 && form.line <= static_cast<int>(view.lines.size())) {
        const LineView& line = view.lines[static_cast<size_t>(form.line - 1)];
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
        ImGui::TextUnformatted(
            ui.tr.format("void.line", line.number, line.name, line.spec, line.quantity, line.amount).c_str());
        ImGui::PopTextWrapPos();
    }
    text_colored(color::muted, ui.tr("void.hint"));
    ImGui::Dummy(ImVec2(0, gap));
    if (price) {
        if (entry_field(ui, "price", ui.tr("price.new_price"), form.price, form.field == Field::price, false, column)) {
            form.field = Field::price;
        }
        ImGui::Dummy(ImVec2(0, gap));
    }
    if (entry_field(ui, "approver", ui.tr("void.approver"), form.approver, form.field == Field::approver, false,
                    column)) {
        form.field = Field::approver;
    }
    ImGui::Dummy(ImVec2(0, gap));
    if (entry_field(ui, "pin", ui.tr("void.pin"), form.pin, form.field == Field::pin, true, column))
        form.field = Field::pin;
    notice_box(ui, form.notice, column, 0);
    float button_height = ui.px(size::button);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, dialog.y - pad - button_height));
    ImGui::PushFont(ui.fonts.title);
    float half = (column - gap) * 0.5f;
    bool confirm = touch_button(ui.tr(price ? "price.confirm" : "void.confirm"), ImVec2(half, button_height),
                                price ? ButtonKind::primary : ButtonKind::danger);
    ImGui::SameLine();
    if (touch_button(ui.tr("void.cancel"), ImVec2(half, button_height))) press = InputEvent::of_key(Key::escape);
    ImGui::PopFont();
    ImGui::EndGroup();

    ImGui::SameLine(0, 4 * gap);
    ImGui::BeginGroup();
    float cell_height = std::min(ui.px(84), (dialog.y - 2 * pad - 3 * gap) / 4);
    if (auto key =
            number_pad(ui, "pad", price && form.field == Field::price, ImVec2((column - 2 * gap) / 3, cell_height))) {
        press = key;
    }
    ImGui::EndGroup();
    ImGui::EndPopup();

    if (press) handle(form, *press, intents);
    if (confirm) {
        if (!price || !form.price.empty()) form.field = Field::pin;
        submit(form, intents);
    }
}

}  // namespace pos::ui
