// The rows of a count by denomination: name, the count in a box, × and the worth right-aligned,
// and the total under them (close_count_screen.cpp, open_shift_screen.cpp).
#include "pos/ui/count_widget.hpp"

#include <algorithm>
#include <cfloat>

#include "pos/ui/views.hpp"

namespace pos::ui {
namespace {

// One denomination: its name, the count typed, and what that many are worth.
bool count_row(const Ui& ui, const std::string& label, const Entry& entry, bool active, core::Money worth, float width,
               float height) {
    ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImGui::PushID(label.c_str());
    bool tapped = ImGui::InvisibleButton("row", ImVec2(width, height));
    ImGui::PopID();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImFont* title = ui.fonts.title;
    ImFont* body = ui.fonts.body;
    if (active)
        draw->AddRectFilled(top_left, ImVec2(top_left.x + width, top_left.y + height), color::accent_soft, ui.px(6));
    float label_width = width * 0.28f;
    draw->AddText(title, title->FontSize,
                  ImVec2(top_left.x + ui.px(10), top_left.y + (height - title->FontSize) * 0.5f), color::text,
                  label.c_str());
    // The box with the count.
    ImVec2 box_min(top_left.x + label_width, top_left.y + ui.px(4));
    ImVec2 box_max(box_min.x + width * 0.3f, top_left.y + height - ui.px(4));
    draw->AddRectFilled(box_min, box_max, color::panel, ui.px(6));
    draw->AddRect(box_min, box_max, active ? color::accent : color::border, ui.px(6), 0,
                  active ? ui.px(2.5f) : ui.px(1.0f));
    const char* shown = entry.text.empty() ? "0" : entry.text.c_str();
    ImVec2 count_size = title->CalcTextSizeA(title->FontSize, FLT_MAX, 0, shown);
    float count_x = box_max.x - ui.px(12) - count_size.x;
    float text_y = top_left.y + (height - title->FontSize) * 0.5f;
    draw->AddText(title, title->FontSize, ImVec2(count_x, text_y), entry.text.empty() ? color::voided : color::text,
                  shown);
    if (active) {
        draw->AddRectFilled(ImVec2(box_max.x - ui.px(9), text_y + ui.px(2)),
                            ImVec2(box_max.x - ui.px(6.5f), text_y + title->FontSize - ui.px(2)), color::accent);
    }
    // × and the worth, right-aligned.
    draw->AddText(body, body->FontSize, ImVec2(box_max.x + ui.px(12), top_left.y + (height - body->FontSize) * 0.5f),
                  color::muted, ui.tr("count.pieces"));
    std::string money = money_text(worth);
    ImVec2 money_size = title->CalcTextSizeA(title->FontSize, FLT_MAX, 0, money.c_str());
    draw->AddText(title, title->FontSize, ImVec2(top_left.x + width - ui.px(10) - money_size.x, text_y),
                  worth.is_zero() ? color::voided : color::text, money.c_str());
    return tapped;
}

}  // namespace

std::optional<size_t> denomination_rows(const Ui& ui, std::span<const core::Money> denominations,
                                        const std::vector<Entry>& notes, size_t active) {
    float inner = ImGui::GetContentRegionAvail().x;
    float total_height = ui.fonts.big->FontSize + ui.px(12);
    float spacing = ImGui::GetStyle().ItemSpacing.y;
    float rows = static_cast<float>(std::max<size_t>(denominations.size(), 1));
    float row_height =
        std::clamp((ImGui::GetContentRegionAvail().y - total_height - spacing) / rows - spacing, ui.px(36), ui.px(54));
    std::vector<int64_t> counts = note_counts(notes);
    std::optional<size_t> tapped;
    for (size_t i = 0; i < denominations.size() && i < notes.size(); ++i) {
        core::Money worth = core::Money::fen(counts[i] * denominations[i].in_fen());
        if (count_row(ui, denomination_text(ui.tr, denominations[i]), notes[i], active == i, worth, inner,
                      row_height)) {
            tapped = i;
        }
    }
    ImGui::Separator();
    text_colored(color::muted, ui.tr("count.cash_total"));
    ImGui::SameLine();
    ImGui::PushFont(ui.fonts.big);
    text_right(money_text(notes_total(notes)).c_str(), ImGui::GetContentRegionMax().x);
    ImGui::PopFont();
    return tapped;
}

}  // namespace pos::ui
