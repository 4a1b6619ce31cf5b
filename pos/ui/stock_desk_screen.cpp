// 库存 (managers; the shift menu's item 0, F3 on the open-shift screen): the open stock documents
// on the left (↑↓), the selected one on the right: a count's variance per item with its value, a
// delivery's lines as checked so far, what a transfer or write-off takes out. F2 approves it in a
// dialog with the manager's number (the one logged in, by default) and PIN, as posctl stock
// approve does; F5 shows today's stock report instead; Esc goes back.
#include <algorithm>
#include <cmath>
#include <span>

#include "pos/ui/field_cycle.hpp"
#include "pos/ui/screens.hpp"
#include "pos/ui/stock_table.hpp"

namespace pos::ui {
namespace {

using Field = StockDeskForm::Field;

Entry& entry_of(StockDeskForm& form) { return form.field == Field::approver ? form.approver : form.pin; }

const StockDeskDocumentView* selected(const StockDeskForm& form, const StockDeskView& view) {
    if (form.selected < 0 || form.selected >= static_cast<int>(view.documents.size())) return nullptr;
    return &view.documents[static_cast<size_t>(form.selected)];
}

bool handle_dialog(StockDeskForm& form, const StockDeskView& view, InputEvent event, Intents& intents) {
    if (event.is_char()) {
        entry_of(form).type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: entry_of(form).backspace(); return false;
        case Key::tab:
        case Key::up:
        case Key::down: form.field = cycle_field(form.field, {Field::approver, Field::pin}); return false;
        case Key::enter: {
            if (form.field == Field::approver) {
                if (!form.approver.empty()) form.field = Field::pin;
                return false;
            }
            const StockDeskDocumentView* document = selected(form, view);
            if (form.approver.empty() || !document) {
                form.field = Field::approver;
                return false;
            }
            intents.push_back(intent::ApproveStock{document->row.id, form.approver.text, form.pin.text});
            return true;
        }
        case Key::escape:
            form.approving = false;
            form.pin.clear();
            form.approval_notice.clear();
            return false;
        default: return false;
    }
}

bool handle(StockDeskForm& form, const StockDeskView& view, InputEvent event, Intents& intents) {
    if (form.approving) return handle_dialog(form, view, event, intents);
    if (event.is_char()) return false;
    int last = std::max(0, static_cast<int>(view.documents.size()) - 1);
    switch (event.key) {
        case Key::up:
            if (form.report)
                form.scroll -= 1;
            else
                form.selected = std::max(0, form.selected - 1);
            return false;
        case Key::down:
            if (form.report)
                form.scroll += 1;
            else
                form.selected = std::min(last, form.selected + 1);
            return false;
        case Key::f2:
            if (form.report || !selected(form, view)) return false;
            form.approving = true;
            form.field = form.approver.empty() ? Field::approver : Field::pin;
            form.pin.clear();
            form.approval_notice.clear();
            return false;
        case Key::f5: intents.push_back(intent::ToggleStockReport{}); return true;
        case Key::escape: intents.push_back(intent::Leave{}); return true;
        default: return false;
    }
}

void draw_document(const StockDeskDocumentView& document, const Ui& ui, float width, float height) {
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(document.row.title.c_str());
    ImGui::PopFont();
    text_colored(color::muted, document.row.detail.c_str());
    float table_height = std::max(ui.px(100), height - ui.px(150));
    draw_stock_table("##stock_document", document.table, ui, ImVec2(width, table_height));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    if (!document.totals.empty()) ImGui::TextUnformatted(document.totals.c_str());
    if (!document.refused.empty()) text_colored(color::danger, document.refused.c_str());
    ImGui::PopTextWrapPos();
}

void draw_documents(StockDeskForm& form, const StockDeskView& view, const Ui& ui, float width, float height) {
    float gap = ui.px(size::gap);
    if (view.documents.empty()) {
        text_colored(color::muted, ui.tr("stock.desk.none_open"));
        return;
    }
    float left = std::floor(width * 0.3f);
    std::vector<std::vector<std::string>> rows;
    for (const StockDeskDocumentView& document : view.documents) rows.push_back({document.row.title});
    const PickColumn columns[] = {{"", 0}};
    bool scroll = false;
    if (auto tapped = pick_list("##stock_open", columns, rows, form.selected, scroll, ImVec2(left, height), ui.px(48)))
        form.selected = *tapped;
    ImGui::SameLine(0, 2 * gap);
    ImGui::BeginGroup();
    if (const StockDeskDocumentView* document = selected(form, view))
        draw_document(*document, ui, width - left - 2 * gap, height);
    ImGui::EndGroup();
}

void draw_report(StockDeskForm& form, const StockDeskView& view, const Ui& ui, float width, float height) {
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(view.report_title.c_str());
    ImGui::PopFont();
    ImGui::BeginChild("##stock_report", ImVec2(width, height - ui.px(80)), false);
    if (form.scroll != 0) {
        ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + static_cast<float>(form.scroll) * ui.px(40)));
        form.scroll = 0;
    }
    draw_stock_table("##stock_report_lines", view.report, ui, ImVec2(width, 0));
    ImGui::EndChild();
    ImGui::TextUnformatted(view.report_total.c_str());
}

// The manager's approval over the screen: which document, the number and the PIN.
void draw_dialog(StockDeskForm& form, const StockDeskView& view, const Ui& ui, std::optional<InputEvent>& press) {
    auto frame = begin_modal("##stock_approval", form.approving, ImVec2(800, 600), ui);
    if (!frame) return;
    float column = (frame->size.x - 2 * frame->pad - 4 * frame->gap) * 0.5f;
    float gap = frame->gap;
    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("stock.desk.approve_title"));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    if (const StockDeskDocumentView* document = selected(form, view))
        ImGui::TextUnformatted(document->row.title.c_str());
    text_colored(color::muted, ui.tr("stock.desk.approve_hint"));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    if (entry_field(ui, "approver", ui.tr("stock.desk.manager"), form.approver, form.field == Field::approver, false,
                    column)) {
        form.field = Field::approver;
    }
    if (entry_field(ui, "pin", ui.tr("stock.desk.pin"), form.pin, form.field == Field::pin, true, column))
        form.field = Field::pin;
    notice_box(ui, form.approval_notice, column, 0);
    float button_height = ui.px(size::button);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, frame->size.y - frame->pad - button_height));
    ImGui::PushFont(ui.fonts.title);
    float half = (column - gap) * 0.5f;
    if (touch_button(ui.tr("stock.desk.approve"), ImVec2(half, button_height), ButtonKind::primary)) {
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

void draw_stock_desk(StockDeskForm& form, const StockDeskView& view, InputQueue& input, Intents& intents,
                     const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, view, *event, intents)) break;
    }
    form.selected = std::clamp(form.selected, 0, std::max(0, static_cast<int>(view.documents.size()) - 1));

    begin_body(ui);
    float pad = ui.px(20);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    begin_panel("##stock_desk", avail, pad);
    float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr(form.report ? "stock.desk.report" : "stock.desk.title"));
    ImGui::PopFont();
    notice_box(ui, form.notice, width, ui.px(40));
    float height = ImGui::GetContentRegionAvail().y;
    if (form.report)
        draw_report(form, view, ui, width, height);
    else
        draw_documents(form, view, ui, width, height);
    std::optional<InputEvent> press;
    draw_dialog(form, view, ui, press);
    end_panel();
    end_body();
    if (press) handle(form, view, *press, intents);

    const KeyHint hints[] = {
        {InputEvent::of_key(Key::down), "↑↓", ui.tr("hint.choose")},
        {InputEvent::of_key(Key::f2), "F2", ui.tr("hint.approve")},
        {InputEvent::of_key(Key::f5), "F5", ui.tr(form.report ? "hint.stock_documents" : "hint.stock_report")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    const KeyHint dialog_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.approve")},
        {InputEvent::of_key(Key::tab), "Tab", ui.tr("hint.switch_field")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    std::optional<InputEvent> tapped = form.approving ? key_hints(ui, dialog_hints) : key_hints(ui, hints);
    if (tapped) input.push_front(*tapped);
}

}  // namespace pos::ui
