// F8 lookup: the query (拼音码 like "nfsq", a SKU, a PLU or part of the name, Chinese through the
// normal text input) and the matching items, refreshed by the checkout loop as the query changes.
// ↑↓ select, Enter or a tap adds the item by its SKU; a weighed item first asks its weight (kg).
#include <algorithm>

#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

constexpr const char* popup_id = "##lookup";

Notice info(std::string text) { return Notice{Tone::info, std::move(text), {}}; }

bool choose(LookupForm& form, const SaleView& view, Intents& intents, const Strings& tr) {
    if (view.found.empty()) {
        form.notice = info(tr("lookup.nothing"));
        return false;
    }
    form.selected = std::clamp(form.selected, 0, static_cast<int>(view.found.size()) - 1);
    const FoundItem& item = view.found[static_cast<size_t>(form.selected)];
    if (item.weighed && !form.asking_weight) {
        form.asking_weight = true;
        form.weight.clear();
        form.notice.clear();
        return false;
    }
    if (item.weighed && form.weight.empty()) {
        form.notice = info(tr("lookup.weight_first"));
        return false;
    }
    intents.push_back(intent::Scan{item.sku, item.weighed ? form.weight.text : std::string()});
    form = LookupForm{};
    return true;
}

bool handle(LookupForm& form, const SaleView& view, InputEvent event, Intents& intents, const Strings& tr) {
    Entry& entry = form.asking_weight ? form.weight : form.query;
    if (event.is_char()) {
        if (entry.type(event.ch) && !form.asking_weight) {
            form.selected = 0;
            form.notice.clear();
        }
        return false;
    }
    int count = static_cast<int>(view.found.size());
    switch (event.key) {
        case Key::backspace:
            entry.backspace();
            if (!form.asking_weight) form.selected = 0;
            return false;
        case Key::up:
        case Key::down:
            if (form.asking_weight || count == 0) return false;
            form.selected = std::clamp(form.selected + (event.key == Key::up ? -1 : 1), 0, count - 1);
            form.scroll_to_selected = true;
            return false;
        case Key::enter: return choose(form, view, intents, tr);
        case Key::escape:
            if (form.asking_weight) {
                form.asking_weight = false;
                form.weight.clear();
            } else {
                form = LookupForm{};
            }
            return false;
        case Key::f8: form = LookupForm{}; return false;
        default: return false;
    }
}

}  // namespace

void draw_lookup(LookupForm& form, const SaleView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    if (form.open) {
        while (auto event = input.next()) {
            if (handle(form, view, *event, intents, ui.tr) || !form.open) break;
        }
    }
    auto frame = begin_modal(popup_id, form.open, ImVec2(900, 620), ui);
    if (!frame) return;
    const ImVec2 dialog = frame->size;
    const float pad = frame->pad;
    const float gap = frame->gap;
    float width = dialog.x - 2 * pad;
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("lookup.title"));
    ImGui::PopFont();
    text_colored(color::muted, ui.tr("lookup.hint"));
    entry_field(ui, "query", ui.tr("lookup.query"), form.query, !form.asking_weight, false, width);
    if (form.asking_weight && !view.found.empty()) {
        const FoundItem& item =
            view.found[static_cast<size_t>(std::clamp(form.selected, 0, int(view.found.size()) - 1))];
        std::string caption = ui.tr.format("lookup.weight", item.name, item.price);
        entry_field(ui, "weight", caption.c_str(), form.weight, true, false, width * 0.5f);
    }
    notice_box(ui, form.notice, width, 0);

    float button_height = ui.px(size::button);
    float list_height = std::max(ui.px(80), dialog.y - pad - button_height - gap - ImGui::GetCursorPosY());
    const PickColumn columns[] = {
        {ui.tr("sale.col.name"), 0}, {ui.tr("sale.col.spec"), ui.px(120)}, {ui.tr("sale.col.price"), ui.px(120)}};
    std::vector<std::vector<std::string>> rows;
    for (const FoundItem& item : view.found) rows.push_back({item.name, item.spec, item.price});
    std::optional<int> tapped = pick_list("##found", columns, rows, form.selected, form.scroll_to_selected,
                                          ImVec2(width, list_height), ui.px(40));
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, dialog.y - pad - button_height));
    float half = (width - gap) * 0.5f;
    bool add = touch_button(ui.tr("lookup.add"), ImVec2(half, button_height), ButtonKind::primary, !view.found.empty());
    ImGui::SameLine();
    bool back = touch_button(ui.tr("void.cancel"), ImVec2(half, button_height));
    ImGui::EndPopup();

    if (tapped) {
        form.selected = *tapped;
        choose(form, view, intents, ui.tr);
    } else if (add) {
        choose(form, view, intents, ui.tr);
    } else if (back) {
        form = LookupForm{};
    }
}

}  // namespace pos::ui
