// 盘点/验收 at a lane (F6 on the open-shift screen or the shift menu): the open count or delivery
// picked from the store's list (↑↓ Enter) or its number typed (F2: the number is a delivery), then
// each item scanned or typed, "3*CODE" for three, "1.250*PLU" for a weighed item's kg; on a lane
// with a scale a weighed item takes the scale's stable weight. The list shows what this lane has
// scanned into the document, with running quantities. F2 while checking a delivery marks the next
// scans damaged. Esc goes back to the documents, Esc again leaves.
#include <algorithm>
#include <span>

#include "pos/ui/screens.hpp"
#include "pos/ui/stock_table.hpp"

namespace pos::ui {
namespace {

using Phase = StockScanForm::Phase;

void pick_document(StockScanForm& form, const StockScanView& view, int index) {
    if (view.documents.empty()) return;
    form.selected = std::clamp(index, 0, static_cast<int>(view.documents.size()) - 1);
    const StockDocumentRow& row = view.documents[static_cast<size_t>(form.selected)];
    form.document.text = std::to_string(row.id);
    form.document_picked = true;
    form.receive = row.receive;
}

bool handle_choose(StockScanForm& form, const StockScanView& view, InputEvent event, Intents& intents) {
    // A number picked from the list is replaced by what is typed, not added to.
    if (form.document_picked && (event.is_char() || event.key == Key::backspace)) {
        form.document.text.clear();
        form.document_picked = false;
        if (event.key == Key::backspace) return false;
    }
    if (event.is_char()) {
        form.document.type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: form.document.backspace(); return false;
        case Key::up: pick_document(form, view, form.selected - 1); return false;
        case Key::down: pick_document(form, view, form.selected + 1); return false;
        case Key::f2: form.receive = !form.receive; return false;
        case Key::enter:
            if (form.document.empty()) pick_document(form, view, form.selected);
            if (form.document.empty()) return false;
            intents.push_back(intent::StartStockScan{form.document.text, form.receive});
            return true;
        case Key::escape: intents.push_back(intent::Leave{}); return true;
        default: return false;
    }
}

bool handle_scanning(StockScanForm& form, InputEvent event, Intents& intents) {
    if (event.is_char()) {
        if (event.ch == U'*' && (form.code.empty() || form.code.text.find('*') != std::string::npos)) return false;
        form.code.type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: form.code.backspace(); return false;
        case Key::f2:
            if (form.receive) form.damaged = !form.damaged;
            return false;
        case Key::enter: {
            const std::string& text = form.code.text;
            size_t star = text.find('*');
            if (text.empty() || star + 1 == text.size()) return false;
            if (star == std::string::npos)
                intents.push_back(intent::StockScan{text, {}, form.damaged});
            else
                intents.push_back(intent::StockScan{text.substr(star + 1), text.substr(0, star), form.damaged});
            form.code.clear();
            return true;
        }
        case Key::escape:
            if (!form.code.empty()) {
                form.code.clear();
                return false;
            }
            form.phase = Phase::choose;
            form.damaged = false;
            form.notice.clear();
            return false;
        default: return false;
    }
}

void draw_documents(StockScanForm& form, const StockScanView& view, const Ui& ui, float width, float height) {
    if (!view.documents_problem.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        text_colored(color::muted, view.documents_problem.c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    if (view.documents.empty()) {
        text_colored(color::muted, ui.tr("stock.scan.none_open"));
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const StockDocumentRow& row : view.documents) rows.push_back({row.title, row.detail});
    const PickColumn columns[] = {{"", 0}, {"", ui.px(300)}};
    bool scroll = false;
    if (auto tapped =
            pick_list("##stock_documents", columns, rows, form.selected, scroll, ImVec2(width, height), ui.px(48))) {
        pick_document(form, view, *tapped);
    }
}

void draw_lines(const StockScanForm& form, const StockScanView& view, const Ui& ui, float width, float height) {
    StockTable table;
    table.headers = {"stock.col.sku", "stock.col.item", "stock.col.scanned", "stock.col.scans"};
    if (form.receive) table.headers.push_back("stock.col.damaged");
    int highlight = -1;
    for (const StockScanLine& line : view.lines) {
        if (line.sku == form.last_sku) highlight = static_cast<int>(table.rows.size());
        std::vector<std::string> cells{line.sku, line.name, line.quantity, std::to_string(line.scans)};
        if (form.receive) cells.push_back(line.damaged);
        table.rows.push_back(std::move(cells));
        table.signs.push_back(0);
    }
    if (table.rows.empty()) {
        text_colored(color::muted, ui.tr("stock.scan.nothing_yet"));
        return;
    }
    draw_stock_table("##stock_lines", table, ui, ImVec2(width, height), highlight);
}

}  // namespace

void draw_stock_scan(StockScanForm& form, const StockScanView& view, InputQueue& input, Intents& intents,
                     const Ui& ui) {
    while (auto event = input.next()) {
        bool done = form.phase == Phase::choose ? handle_choose(form, view, *event, intents)
                                                : handle_scanning(form, *event, intents);
        if (done) break;
    }

    begin_body(ui);
    float pad = ui.px(20);
    float gap = ui.px(size::gap);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    begin_panel("##stock_scan", avail, pad);
    float width = ImGui::GetContentRegionAvail().x;
    bool scanning = form.phase == Phase::scanning;
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(scanning ? view.title.c_str() : ui.tr("stock.scan.title"));
    ImGui::PopFont();
    const char* hint = !scanning      ? "stock.scan.hint_choose"
                       : form.receive ? "stock.scan.hint_receive"
                                      : "stock.scan.hint_count";
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    text_colored(color::muted, ui.tr(hint));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    float field_width = std::min(width, ui.px(520));
    if (scanning) {
        const char* caption = form.damaged ? ui.tr("stock.scan.code_damaged") : ui.tr("stock.scan.code");
        entry_field(ui, "code", caption, form.code, true, false, field_width);
        if (!view.scale.empty()) {
            ImGui::SameLine(0, 2 * gap);
            ImGui::BeginGroup();
            text_colored(color::muted, ui.tr("stock.scan.scale"));
            ImGui::PushFont(ui.fonts.title);
            ImGui::TextUnformatted(view.scale.c_str());
            ImGui::PopFont();
            ImGui::EndGroup();
        }
    } else {
        entry_field(ui, "document", ui.tr(form.receive ? "stock.scan.receipt_number" : "stock.scan.count_number"),
                    form.document, true, false, field_width);
    }
    notice_box(ui, form.notice, width, ui.px(56));
    float rest = std::max(ui.px(120), ImGui::GetContentRegionAvail().y);
    if (scanning)
        draw_lines(form, view, ui, width, rest);
    else
        draw_documents(form, view, ui, width, rest);
    end_panel();
    end_body();

    const KeyHint choose_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.start_scanning")},
        {InputEvent::of_key(Key::down), "↑↓", ui.tr("hint.choose")},
        {InputEvent::of_key(Key::f2), "F2", ui.tr("hint.count_or_receive")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    const KeyHint scan_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.scan")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.other_document")},
        {InputEvent::of_key(Key::f2), "F2", ui.tr("hint.damaged")},
    };
    std::span<const KeyHint> shown(choose_hints);
    if (scanning) shown = std::span<const KeyHint>(scan_hints).first(form.receive ? 3 : 2);
    if (auto tapped = key_hints(ui, shown)) input.push_front(*tapped);
}

}  // namespace pos::ui
