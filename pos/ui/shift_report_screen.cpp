// The X report (shift still open) or the Z report (交班 done), shown as the receipt printer would
// print it: the lane's fixed-width lines on a character grid, CJK two cells wide, so the
// columns line up as on paper. After a Z report, Enter hands the lane to the next cashier.
#include <algorithm>
#include <cfloat>

#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

bool handle(ReportForm& form, InputEvent event, Intents& intents) {
    if (event.is_char()) return false;
    switch (event.key) {
        case Key::up: form.scroll -= 1; return false;
        case Key::down: form.scroll += 1; return false;
        case Key::page_up: form.scroll -= 10; return false;
        case Key::page_down: form.scroll += 10; return false;
        case Key::f4:
            if (!form.can_print) return false;
            intents.push_back(intent::PrintReport{});
            return true;
        case Key::enter:
        case Key::escape:
        case Key::f12:
            if (form.z) {
                intents.push_back(intent::FinishClose{});
            } else {
                intents.push_back(intent::Leave{});
            }
            return true;
        default: return false;
    }
}

bool is_wide(char32_t c) {
    return c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6));
}

// One receipt line on the grid: narrow characters take a cell, wide ones two, each centred in its cells.
void grid_line(ImDrawList* draw, ImFont* font, float font_size, ImVec2 origin, float cell, const std::string& line,
               ImU32 colour) {
    size_t i = 0;
    int column = 0;
    while (i < line.size()) {
        size_t start = i;
        char32_t c = next_codepoint(line, i);
        int cells = is_wide(c) ? 2 : 1;
        if (c != U' ') {
            const char* begin = line.data() + start;
            const char* end = line.data() + i;
            float glyph = font->CalcTextSizeA(font_size, FLT_MAX, 0, begin, end).x;
            float x = origin.x + static_cast<float>(column) * cell + (static_cast<float>(cells) * cell - glyph) * 0.5f;
            draw->AddText(font, font_size, ImVec2(x, origin.y), colour, begin, end);
        }
        column += cells;
    }
}

}  // namespace

void draw_shift_report(ReportForm& form, InputQueue& input, Intents& intents, const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, *event, intents)) break;
    }

    begin_body(ui);
    float gap = ui.px(size::gap);
    float pad = ui.px(20);
    ImVec2 avail = ImGui::GetContentRegionAvail();

    // [SECTION] The receipt: as large as fits, down to 70 % of the body text, then it scrolls.
    int columns = 1;
    for (const std::string& line : form.lines) {
        int width = 0;
        for (size_t i = 0; i < line.size();) width += is_wide(next_codepoint(line, i)) ? 2 : 1;
        columns = std::max(columns, width);
    }
    ImFont* font = ui.fonts.body;
    float rows = static_cast<float>(std::max<size_t>(form.lines.size(), 1));
    float font_size = std::clamp((avail.y - 2 * pad) / (rows * 1.12f), font->FontSize * 0.7f, font->FontSize);
    float narrow = font->CalcTextSizeA(font_size, FLT_MAX, 0, "0").x;
    float wide = font->CalcTextSizeA(font_size, FLT_MAX, 0, "班").x;
    float cell = std::max(narrow, wide * 0.5f) * 1.02f;
    float line_height = font_size * 1.12f;
    float paper_width = std::min(static_cast<float>(columns) * cell + 2 * pad, avail.x * 0.62f);

    begin_panel("##paper", ImVec2(paper_width, avail.y), pad);
    ImGui::BeginChild("##lines", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    if (form.scroll != 0) {
        ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + static_cast<float>(form.scroll) * line_height, 0.0f,
                                     std::max(0.0f, rows * line_height - ImGui::GetWindowHeight())));
        form.scroll = 0;
    }
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < form.lines.size(); ++i) {
        grid_line(draw, font, font_size, ImVec2(origin.x, origin.y + static_cast<float>(i) * line_height), cell,
                  form.lines[i], color::text);
    }
    ImGui::Dummy(ImVec2(static_cast<float>(columns) * cell, rows * line_height));
    ImGui::EndChild();
    end_panel();

    // [SECTION] What this report is, and what comes next
    ImGui::SameLine(0, gap);
    float side = avail.x - paper_width - gap;
    begin_panel("##next", ImVec2(side, avail.y), ui.px(24));
    float inner = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(ui.fonts.title);
    if (form.z) {
        text_colored(color::success_text, ui.tr("report.z_title"));
    } else {
        ImGui::TextUnformatted(ui.tr("report.x_title"));
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, gap));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ImGui::TextUnformatted(ui.tr(form.z ? "report.z_hint" : "report.x_hint"));
    ImGui::Dummy(ImVec2(0, gap));
    text_colored(color::muted,
                 ui.tr(form.can_print ? (form.z ? "report.z_printed" : "report.print_hint") : "report.no_printer"));
    ImGui::PopTextWrapPos();
    notice_box(ui, form.notice, inner, 0);
    float button_height = ui.px(size::button);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, avail.y - ui.px(24) - button_height));
    ImGui::PushFont(ui.fonts.title);
    bool next = touch_button(ui.tr(form.z ? "report.next_cashier" : "report.back"), ImVec2(inner, button_height),
                             form.z ? ButtonKind::primary : ButtonKind::plain);
    ImGui::PopFont();
    end_panel();
    end_body();

    if (next && intents.empty()) handle(form, InputEvent::of_key(Key::enter), intents);

    const KeyHint x_hints[] = {
        {InputEvent::of_key(Key::down), "↑↓", ui.tr("hint.scroll")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
        {InputEvent::of_key(Key::f4), "F4", ui.tr("hint.print")},
    };
    const KeyHint z_hints[] = {
        {InputEvent::of_key(Key::down), "↑↓", ui.tr("hint.scroll")},
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.next_cashier")},
        {InputEvent::of_key(Key::f4), "F4", ui.tr("hint.print")},
    };
    // Without a printer F4 does nothing here, so it is not offered.
    std::span<const KeyHint> shown = form.z ? std::span<const KeyHint>(z_hints) : std::span<const KeyHint>(x_hints);
    if (!form.can_print) shown = shown.first(shown.size() - 1);
    std::optional<InputEvent> tapped = key_hints(ui, shown);
    if (tapped) input.push_front(*tapped);
}

}  // namespace pos::ui
