// The return screen (F9, 退货): receipt → lines and quantities → reason → supervisor. Keys:
// typing goes to the active field; Enter looks the receipt up, then moves on field by field and
// on the PIN commits; ↑↓ choose the line whose quantity is typed; Tab next field; Esc back.
#include <algorithm>

#include "pos/ui/field_cycle.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

using Field = ReturnForm::Field;

Entry& entry_of(ReturnForm& form) {
    switch (form.field) {
        case Field::receipt: return form.receipt;
        case Field::quantity: return form.quantities[static_cast<size_t>(form.selected)];
        case Field::reason: return form.reason;
        case Field::approver: return form.approver;
        case Field::pin: return form.pin;
    }
    return form.receipt;
}

// After the receipt: quantity, reason, approver, PIN, around again.
void next_field(ReturnForm& form) {
    form.field = cycle_field(form.field, {Field::quantity, Field::reason, Field::approver, Field::pin});
}

void record(const ReturnForm& form, const ReturnView& view, Intents& intents) {
    intent::CommitReturn commit{view.receipt, {}, form.reason.text, form.approver.text, form.pin.text};
    for (size_t i = 0; i < view.lines.size() && i < form.quantities.size(); ++i) {
        if (!form.quantities[i].empty()) commit.lines.push_back({view.lines[i].number, form.quantities[i].text});
    }
    intents.push_back(std::move(commit));
}

bool handle(ReturnForm& form, const ReturnView& view, InputEvent event, Intents& intents) {
    bool found = !view.receipt.empty() && form.quantities.size() == view.lines.size() && !view.lines.empty();
    if (!found) form.field = Field::receipt;
    if (event.is_char()) {
        entry_of(form).type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: entry_of(form).backspace(); return false;
        case Key::escape: intents.push_back(intent::Leave{}); return true;
        case Key::f2:  // the customer has no receipt: 无小票退货 (a manager approves)
            if (found) return false;
            intents.push_back(intent::OpenNoReceiptReturn{});
            return true;
        case Key::up:
        case Key::down:
            if (found) {
                int last = static_cast<int>(form.quantities.size()) - 1;
                form.selected = std::clamp(form.selected + (event.key == Key::down ? 1 : -1), 0, last);
                form.field = Field::quantity;
            }
            return false;
        case Key::tab:
            if (found) next_field(form);
            return false;
        case Key::enter:
            if (!found || form.field == Field::receipt) {
                if (form.receipt.empty()) return false;
                intents.push_back(intent::LookupReturn{form.receipt.text});
                return true;
            }
            if (form.field == Field::pin) {
                record(form, view, intents);
                return true;
            }
            next_field(form);
            return false;
        default: return false;
    }
}

void draw_lines(ReturnForm& form, const ReturnView& view, const Ui& ui, ImVec2 size) {
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##return_lines", 6, flags, size)) return;
    ImGui::TableSetupColumn(ui.tr("sale.col.no"), ImGuiTableColumnFlags_WidthFixed, ui.px(36));
    ImGui::TableSetupColumn(ui.tr("sale.col.name"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(ui.tr("return.col.sold"), ImGuiTableColumnFlags_WidthFixed, ui.px(90));
    ImGui::TableSetupColumn(ui.tr("sale.col.amount"), ImGuiTableColumnFlags_WidthFixed, ui.px(90));
    ImGui::TableSetupColumn(ui.tr("return.col.returnable"), ImGuiTableColumnFlags_WidthFixed, ui.px(100));
    ImGui::TableSetupColumn(ui.tr("return.col.back"), ImGuiTableColumnFlags_WidthFixed, ui.px(100));
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < view.lines.size() && i < form.quantities.size(); ++i) {
        const ReturnLineView& line = view.lines[i];
        ImGui::TableNextRow(0, ui.px(40));
        bool selected = static_cast<int>(i) == form.selected;
        if (selected) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, color::accent_soft);
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(std::to_string(line.number).c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
            form.selected = static_cast<int>(i);
            form.field = Field::quantity;
        }
        ImGui::PopID();
        const std::string* cells[] = {&line.name, &line.sold, &line.amount, &line.returnable};
        for (int column = 1; column < 5; ++column) {
            ImGui::TableSetColumnIndex(column);
            ImGui::TextUnformatted(cells[column - 1]->c_str());
        }
        ImGui::TableSetColumnIndex(5);
        const Entry& qty = form.quantities[i];
        bool typing = selected && form.field == Field::quantity;
        std::string shown = qty.text + (typing ? "_" : "");
        text_colored(typing ? color::accent : color::text, shown.empty() ? "-" : shown.c_str());
    }
    ImGui::EndTable();
}

}  // namespace

void draw_return(ReturnForm& form, const ReturnView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    // While the receipt is looked up, keys typed or scanned stay queued for its lines.
    while (!form.looking_up) {
        auto event = input.next();
        if (!event || handle(form, view, *event, intents)) break;
    }
    bool found = !view.receipt.empty() && form.quantities.size() == view.lines.size() && !view.lines.empty();

    begin_body(ui);
    float gap = ui.px(size::gap);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("return.title"));
    ImGui::PopFont();
    float field_width = std::min(ui.px(420), avail.x);
    if (entry_field(ui, "receipt", ui.tr("return.receipt"), form.receipt, form.field == Field::receipt, false,
                    field_width)) {
        form.field = Field::receipt;
    }
    if (found) {
        text_colored(color::muted, ui.tr.format("return.found", view.receipt, view.sold_at, view.total).c_str());
        float table_height = std::max(ui.px(120), avail.y - ui.px(420));
        draw_lines(form, view, ui, ImVec2(avail.x, table_height));
        float third = (avail.x - 2 * gap) / 3;
        ImGui::BeginGroup();
        if (entry_field(ui, "reason", ui.tr("return.reason"), form.reason, form.field == Field::reason, false, third)) {
            form.field = Field::reason;
        }
        ImGui::EndGroup();
        ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        if (entry_field(ui, "approver", ui.tr("cash.approver"), form.approver, form.field == Field::approver, false,
                        third)) {
            form.field = Field::approver;
        }
        ImGui::EndGroup();
        ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        if (entry_field(ui, "pin", ui.tr("cash.pin"), form.pin, form.field == Field::pin, true, third))
            form.field = Field::pin;
        ImGui::EndGroup();
    } else {
        text_colored(color::muted, ui.tr("return.scan_receipt"));
    }
    notice_box(ui, form.notice, avail.x, ui.px(60));
    end_body();

    const KeyHint hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.next_or_confirm")},
        {InputEvent::of_key(Key::down), "↑↓", ui.tr("hint.select")},
        {InputEvent::of_key(Key::tab), "Tab", ui.tr("hint.switch_field")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    const KeyHint receipt_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.find_receipt")},
        {InputEvent::of_key(Key::f2), "F2", ui.tr("hint.no_receipt")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    std::optional<InputEvent> tapped = found ? key_hints(ui, hints) : key_hints(ui, receipt_hints);
    if (tapped && !form.looking_up) input.push_front(*tapped);
}

}  // namespace pos::ui
