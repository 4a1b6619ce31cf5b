// 取单: F6 on an empty ticket with several tickets on hold lists them (time, lines, total);
// ↑↓ and Enter, a digit 1–5 or a tap resumes one; Esc closes the list.
#include <algorithm>

#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

constexpr const char* popup_id = "##held_list";

bool pick(HeldListForm& form, const SaleView& view, int index, Intents& intents) {
    if (index < 0 || index >= static_cast<int>(view.held.size())) return false;
    intents.push_back(intent::Resume{view.held[static_cast<size_t>(index)].id});
    form.selected = index;
    return true;
}

bool handle(HeldListForm& form, const SaleView& view, InputEvent event, Intents& intents) {
    int count = static_cast<int>(view.held.size());
    if (event.is_char()) {
        if (event.ch >= U'1' && event.ch <= U'9') return pick(form, view, static_cast<int>(event.ch - U'1'), intents);
        return false;
    }
    switch (event.key) {
        case Key::up: form.selected = std::max(0, form.selected - 1); return false;
        case Key::down: form.selected = std::clamp(form.selected + 1, 0, std::max(0, count - 1)); return false;
        case Key::enter: return pick(form, view, form.selected, intents);
        case Key::escape:
        case Key::f6: form = HeldListForm{}; return false;
        default: return false;
    }
}

}  // namespace

void draw_held_list(HeldListForm& form, const SaleView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    if (form.open) {
        while (auto event = input.next()) {
            if (handle(form, view, *event, intents) || !form.open) break;
        }
    }
    auto frame = begin_modal(popup_id, form.open, ImVec2(640, 520), ui);
    if (!frame) return;
    const ImVec2 dialog = frame->size;
    const float pad = frame->pad;
    const float gap = frame->gap;
    float width = dialog.x - 2 * pad;
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("held.title"));
    ImGui::PopFont();
    text_colored(color::muted, ui.tr("held.hint"));
    ImGui::Dummy(ImVec2(0, gap));
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < view.held.size(); ++i) {
        const HeldView& held = view.held[i];
        rows.push_back({ui.tr.format("held.row", i + 1, held.time, held.lines, held.total)});
    }
    const PickColumn columns[] = {{"", 0}};
    float row_height = ui.px(52);
    float button_height = ui.px(size::button);
    float room = dialog.y - pad - button_height - 2 * gap - ImGui::GetCursorPosY();
    float list_height =
        std::clamp(row_height * static_cast<float>(rows.size()) + ui.px(4), row_height, std::max(row_height, room));
    bool scroll = false;  // at most five are held: all in view
    std::optional<int> tapped =
        pick_list("##held", columns, rows, form.selected, scroll, ImVec2(width, list_height), row_height);
    notice_box(ui, form.notice, width, 0);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, dialog.y - pad - button_height));
    bool cancel = touch_button(ui.tr("void.cancel"), ImVec2(width, button_height));
    ImGui::EndPopup();

    if (tapped) pick(form, view, *tapped, intents);
    if (cancel) form = HeldListForm{};
}

}  // namespace pos::ui
