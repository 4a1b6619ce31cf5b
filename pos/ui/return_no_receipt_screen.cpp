// 无小票退货 (F2 on the F9 return screen): the customer has no receipt. Each item is scanned or
// typed (Enter adds it, "2*code" adds two) and priced from the catalog by the lane; Delete takes
// the chosen one (↑↓) off. Enter on an empty item field moves to the reason; Enter on the reason
// opens the manager's dialog (number and PIN: a stricter role than with a receipt). Enter on the
// PIN asks the lane to commit; the refund is cash. Esc closes the dialog, or leaves.
#include <algorithm>

#include "pos/ui/field_cycle.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

using Field = NoReceiptForm::Field;

Entry& entry_of(NoReceiptForm& form) {
    switch (form.field) {
        case Field::item: return form.item;
        case Field::reason: return form.reason;
        case Field::approver: return form.approver;
        case Field::pin: return form.pin;
    }
    return form.item;
}

bool handle_dialog(NoReceiptForm& form, InputEvent event, Intents& intents) {
    if (event.is_char()) {
        entry_of(form).type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: entry_of(form).backspace(); return false;
        case Key::tab:
        case Key::up:
        case Key::down: form.field = cycle_field(form.field, {Field::approver, Field::pin}); return false;
        case Key::enter:
            if (form.field == Field::approver) {
                if (!form.approver.empty()) form.field = Field::pin;
                return false;
            }
            if (form.approver.empty()) {
                form.field = Field::approver;
                return false;
            }
            intents.push_back(intent::CommitNoReceiptReturn{form.reason.text, form.approver.text, form.pin.text});
            return true;
        case Key::escape:
            // Back to the list: nothing is approved, the PIN is forgotten.
            form.approving = false;
            form.pin.clear();
            form.approval_notice.clear();
            form.field = Field::reason;
            return false;
        default: return false;
    }
}

bool handle(NoReceiptForm& form, const NoReceiptView& view, InputEvent event, Intents& intents, const Strings& tr) {
    if (form.approving) return handle_dialog(form, event, intents);
    if (form.field != Field::item && form.field != Field::reason) form.field = Field::item;
    int count = static_cast<int>(view.items.size());
    if (event.is_char()) {
        entry_of(form).type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: entry_of(form).backspace(); return false;
        case Key::tab: form.field = cycle_field(form.field, {Field::item, Field::reason}); return false;
        case Key::up:
        case Key::down:
            if (count > 0) {
                int from = form.selected < 0 ? count - 1 : form.selected;
                form.selected = std::clamp(from + (event.key == Key::down ? 1 : -1), 0, count - 1);
            }
            return false;
        case Key::del:
            if (count == 0) return false;
            intents.push_back(
                intent::RemoveReturnItem{form.selected < 0 ? count - 1 : std::min(form.selected, count - 1)});
            return true;
        case Key::enter:
            if (form.field == Field::item) {
                if (!form.item.empty()) {
                    intents.push_back(intent::AddReturnItem{form.item.text});
                    return true;
                }
                if (count > 0) form.field = Field::reason;
                return false;
            }
            if (count == 0) {
                form.notice = Notice{Tone::error, tr("noreceipt.no_items"), {}};
                form.field = Field::item;
                return false;
            }
            if (form.reason.empty()) {
                form.notice = Notice{Tone::error, tr("noreceipt.reason_needed"), {}};
                return false;
            }
            form.notice.clear();
            form.approving = true;
            form.field = Field::approver;
            return false;
        case Key::f2: intents.push_back(intent::OpenReturn{}); return true;  // the customer found the receipt
        case Key::escape: intents.push_back(intent::Leave{}); return true;
        default: return false;
    }
}

void draw_items(const NoReceiptForm& form, const NoReceiptView& view, const Ui& ui, ImVec2 size) {
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##noreceipt_items", 5, flags, size)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ui.tr("sale.col.no"), ImGuiTableColumnFlags_WidthFixed, ui.px(36));
    ImGui::TableSetupColumn(ui.tr("sale.col.name"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(ui.tr("sale.col.qty"), ImGuiTableColumnFlags_WidthFixed, ui.px(100));
    ImGui::TableSetupColumn(ui.tr("sale.col.price"), ImGuiTableColumnFlags_WidthFixed, ui.px(110));
    ImGui::TableSetupColumn(ui.tr("noreceipt.col.refund"), ImGuiTableColumnFlags_WidthFixed, ui.px(110));
    ImGui::TableHeadersRow();
    int count = static_cast<int>(view.items.size());
    int chosen = form.selected < 0 ? count - 1 : form.selected;
    for (int i = 0; i < count; ++i) {
        const NoReceiptItemView& item = view.items[static_cast<size_t>(i)];
        ImGui::TableNextRow(0, ui.px(40));
        if (i == chosen) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, color::accent_soft);
        ImGui::TableSetColumnIndex(0);
        ImGui::Text("%d", i + 1);
        ImGui::TableSetColumnIndex(1);
        std::string name = item.spec.empty() ? item.name : item.name + "  " + item.spec;
        ImGui::TextUnformatted(name.c_str());
        const std::string* cells[] = {&item.quantity, &item.unit_price, &item.amount};
        for (int column = 2; column < 5; ++column) {
            ImGui::TableSetColumnIndex(column);
            ImGui::TextUnformatted(cells[column - 2]->c_str());
        }
    }
    if (count == 0) {
        ImGui::TableNextRow(0, ui.px(40));
        ImGui::TableSetColumnIndex(1);
        text_colored(color::muted, ui.tr("noreceipt.empty"));
    }
    ImGui::EndTable();
}

// The manager's approval, over the screen: what is refunded and why, the number and PIN.
void draw_dialog(NoReceiptForm& form, const NoReceiptView& view, const Ui& ui, std::optional<InputEvent>& press) {
    auto frame = begin_modal("##noreceipt_approval", form.approving, ImVec2(800, 660), ui);
    if (!frame) return;
    float column = (frame->size.x - 2 * frame->pad - 4 * frame->gap) * 0.5f;
    float gap = frame->gap;
    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("noreceipt.approval_title"));
    ImGui::PopFont();
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr.format("noreceipt.approval_amount", view.total).c_str());
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    ImGui::TextUnformatted(ui.tr.format("noreceipt.approval_what", view.items.size(), form.reason.text).c_str());
    text_colored(color::muted, ui.tr("noreceipt.approval_hint"));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    if (entry_field(ui, "approver", ui.tr("noreceipt.manager"), form.approver, form.field == Field::approver, false,
                    column)) {
        form.field = Field::approver;
    }
    if (entry_field(ui, "pin", ui.tr("noreceipt.pin"), form.pin, form.field == Field::pin, true, column))
        form.field = Field::pin;
    notice_box(ui, form.approval_notice, column, 0);
    float button_height = ui.px(size::button);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, frame->size.y - frame->pad - button_height));
    ImGui::PushFont(ui.fonts.title);
    float half = (column - gap) * 0.5f;
    if (touch_button(ui.tr("noreceipt.refund"), ImVec2(half, button_height), ButtonKind::danger)) {
        form.field = Field::pin;
        press = InputEvent::of_key(Key::enter);
    }
    ImGui::SameLine();
    if (touch_button(ui.tr("void.cancel"), ImVec2(half, button_height))) press = InputEvent::of_key(Key::escape);
    ImGui::PopFont();
    ImGui::EndGroup();
    ImGui::SameLine(0, 4 * gap);
    ImGui::BeginGroup();
    float cell_height = std::min(ui.px(80), (frame->size.y - 2 * frame->pad - 3 * gap) / 4);
    if (auto key = number_pad(ui, "pad", false, ImVec2((column - 2 * gap) / 3, cell_height))) {
        if (key->is(Key::escape))
            entry_of(form).clear();  // the pad's C
        else
            press = key;
    }
    ImGui::EndGroup();
    ImGui::EndPopup();
}

}  // namespace

void draw_return_no_receipt(NoReceiptForm& form, const NoReceiptView& view, InputQueue& input, Intents& intents,
                            const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, view, *event, intents, ui.tr)) break;
    }

    begin_body(ui);
    float gap = ui.px(size::gap);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("noreceipt.title"));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + avail.x);
    text_colored(color::muted, ui.tr("noreceipt.hint"));
    ImGui::PopTextWrapPos();
    float half = (avail.x - gap) * 0.5f;
    ImGui::BeginGroup();
    if (entry_field(ui, "item", ui.tr("noreceipt.item"), form.item, !form.approving && form.field == Field::item, false,
                    half)) {
        form.field = Field::item;
    }
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    if (entry_field(ui, "reason", ui.tr("noreceipt.reason"), form.reason,
                    !form.approving && form.field == Field::reason, false, half)) {
        form.field = Field::reason;
    }
    ImGui::EndGroup();
    notice_box(ui, form.notice, avail.x, ui.px(50));
    float footer = ui.fonts.big->FontSize + ui.px(16);
    float table_height = std::max(ui.px(120), ImGui::GetContentRegionAvail().y - footer);
    draw_items(form, view, ui, ImVec2(avail.x, table_height));
    text_colored(color::muted, ui.tr("noreceipt.total"));
    ImGui::SameLine();
    ImGui::PushFont(ui.fonts.big);
    text_right(view.total.empty() ? "¥0.00" : view.total.c_str(), ImGui::GetContentRegionMax().x);
    ImGui::PopFont();
    std::optional<InputEvent> press;
    draw_dialog(form, view, ui, press);
    end_body();
    if (press) handle(form, view, *press, intents, ui.tr);

    const KeyHint list_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.add_or_next")},
        {InputEvent::of_key(Key::down), "↑↓", ui.tr("hint.select")},
        {InputEvent::of_key(Key::del), "Del", ui.tr("hint.remove_item")},
        {InputEvent::of_key(Key::tab), "Tab", ui.tr("hint.switch_field")},
        {InputEvent::of_key(Key::f2), "F2", ui.tr("hint.with_receipt")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    const KeyHint dialog_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.next_or_confirm")},
        {InputEvent::of_key(Key::tab), "Tab", ui.tr("hint.switch_field")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.cancel_approval")},
    };
    std::optional<InputEvent> tapped = form.approving ? key_hints(ui, dialog_hints) : key_hints(ui, list_hints);
    if (tapped) input.push_front(*tapped);
}

}  // namespace pos::ui
