// Shared checkout widgets, drawn with ImGui's draw list where a stock widget would not do
// (typed fields that never take ImGui keyboard focus, the key-hint bar).
#include "pos/ui/widgets.hpp"

#include <algorithm>
#include <array>
#include <cfloat>

namespace pos::ui {
namespace {

ImVec4 rgba(ImU32 color) { return ImGui::ColorConvertU32ToFloat4(color); }

struct ButtonColors {
    ImU32 normal, hovered, active, text;
};

ButtonColors colors_of(ButtonKind kind) {
    switch (kind) {
        case ButtonKind::primary:
            return {color::accent, color::rgb(0x1D, 0x4E, 0xD8), color::rgb(0x1E, 0x40, 0xAF), color::rgb(0xFF, 0xFF, 0xFF)};
        case ButtonKind::pay:
            return {color::pay, color::rgb(0x15, 0x80, 0x3D), color::rgb(0x16, 0x65, 0x34), color::rgb(0xFF, 0xFF, 0xFF)};
        case ButtonKind::danger:
            return {color::danger, color::rgb(0xB9, 0x1C, 0x1C), color::rgb(0x99, 0x1B, 0x1B), color::rgb(0xFF, 0xFF, 0xFF)};
        case ButtonKind::plain: break;
    }
    return {color::panel, color::rgb(0xF3, 0xF4, 0xF6), color::rgb(0xE5, 0xE7, 0xEB), color::text};
}

}  // namespace

std::optional<ModalFrame> begin_modal(const char* popup_id, bool open, ImVec2 largest, const Ui& ui) {
    if (open && !ImGui::IsPopupOpen(popup_id)) ImGui::OpenPopup(popup_id);
    ImVec2 display = ImGui::GetIO().DisplaySize;
    ModalFrame frame{ImVec2(std::min(ui.px(largest.x), display.x - ui.px(40)), std::min(ui.px(largest.y), display.y - ui.px(40))),
                     ui.px(24), ui.px(size::gap)};
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(frame.size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(frame.pad, frame.pad));
    bool shown = ImGui::BeginPopupModal(popup_id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                                               ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar();
    if (!shown) return std::nullopt;
    if (!open) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return std::nullopt;
    }
    return frame;
}

bool touch_button(const char* label, ImVec2 size, ButtonKind kind, bool enabled) {
    ButtonColors colors = colors_of(kind);
    ImGui::PushStyleColor(ImGuiCol_Button, rgba(colors.normal));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgba(colors.hovered));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, rgba(colors.active));
    ImGui::PushStyleColor(ImGuiCol_Text, rgba(colors.text));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, kind == ButtonKind::plain ? 1.0f : 0.0f);
    if (!enabled) ImGui::BeginDisabled();
    bool pressed = ImGui::Button(label, size);
    if (!enabled) ImGui::EndDisabled();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(4);
    return pressed && enabled;
}

bool entry_field(const Ui& ui, const char* id, const char* caption, const Entry& entry, bool active, bool masked,
                 float width) {
    ImGui::PushID(id);
    text_colored(color::muted, caption);
    ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImVec2 box(width, ui.px(58));
    bool tapped = ImGui::InvisibleButton("box", box);
    ImVec2 bottom_right(top_left.x + box.x, top_left.y + box.y);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    float rounding = ui.px(8);
    draw->AddRectFilled(top_left, bottom_right, color::panel, rounding);
    draw->AddRect(top_left, bottom_right, active ? color::accent : color::border, rounding, 0,
                  active ? ui.px(2.5f) : ui.px(1.0f));

    std::string shown;
    if (masked) {
        for (size_t i = 0; i < entry.text.size(); ++i) shown += "●";
    } else {
        shown = entry.text;
    }
    ImFont* font = ui.fonts.title;
    float text_height = font->FontSize;
    ImVec2 text_pos(top_left.x + ui.px(14), top_left.y + (box.y - text_height) * 0.5f);
    // A default is grey: the next key replaces it.
    draw->AddText(font, font->FontSize, text_pos, entry.replace_on_type ? color::muted : color::text, shown.c_str());
    if (active) {
        float caret_x = text_pos.x + font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, shown.c_str()).x + ui.px(2);
        draw->AddRectFilled(ImVec2(caret_x, text_pos.y + ui.px(2)), ImVec2(caret_x + ui.px(2.5f), text_pos.y + text_height - ui.px(2)),
                            color::accent);
    }
    ImGui::PopID();
    return tapped;
}

std::optional<InputEvent> number_pad(const Ui& ui, const char* id, bool decimal_point, ImVec2 cell) {
    constexpr std::array<const char*, 12> labels{"7", "8", "9", "4", "5", "6", "1", "2", "3", "", "0", "←"};
    std::optional<InputEvent> press;
    ImGui::PushID(id);
    ImGui::PushFont(ui.fonts.title);
    for (size_t i = 0; i < labels.size(); ++i) {
        if (i % 3 != 0) ImGui::SameLine();
        const char* label = labels[i];
        if (i == 9) label = decimal_point ? "." : "C";
        ImGui::PushID(static_cast<int>(i));
        if (touch_button(label, cell)) {
            if (i == 11) {
                press = InputEvent::of_key(Key::backspace);
            } else if (i == 9 && !decimal_point) {
                press = InputEvent::of_key(Key::escape);
            } else {
                press = InputEvent::of_char(static_cast<char32_t>(label[0]));
            }
        }
        ImGui::PopID();
    }
    ImGui::PopFont();
    ImGui::PopID();
    return press;
}

void notice_box(const Ui& ui, const Notice& notice, float width, float min_height) {
    if (!notice.shown()) {
        ImGui::Dummy(ImVec2(width, min_height));
        return;
    }
    ImU32 background = color::info_soft;
    ImU32 foreground = color::text;
    if (notice.tone == Tone::error) {
        background = color::danger_soft;
        foreground = color::danger;
    } else if (notice.tone == Tone::success) {
        background = color::success_soft;
        foreground = color::success_text;
    }
    ImFont* font = ui.fonts.body;
    float pad = ui.px(10);
    float wrap = width - 2 * pad;
    ImVec2 main_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, notice.text.c_str());
    float small = font->FontSize * 0.85f;
    ImVec2 detail_size(0, 0);
    if (!notice.detail.empty()) detail_size = font->CalcTextSizeA(small, FLT_MAX, wrap, notice.detail.c_str());
    float height = std::max(min_height, main_size.y + (detail_size.y > 0 ? detail_size.y + ui.px(4) : 0) + 2 * pad);

    ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(top_left, ImVec2(top_left.x + width, top_left.y + height), background, ui.px(8));
    draw->AddRectFilled(top_left, ImVec2(top_left.x + ui.px(5), top_left.y + height), foreground, ui.px(8),
                        ImDrawFlags_RoundCornersLeft);
    ImVec2 text_pos(top_left.x + pad + ui.px(2), top_left.y + pad);
    draw->AddText(font, font->FontSize, text_pos, foreground, notice.text.c_str(), nullptr, wrap);
    if (!notice.detail.empty()) {
        draw->AddText(font, small, ImVec2(text_pos.x, text_pos.y + main_size.y + ui.px(4)), color::muted,
                      notice.detail.c_str(), nullptr, wrap);
    }
    ImGui::Dummy(ImVec2(width, height));
}

std::optional<InputEvent> key_hints(const Ui& ui, std::span<const KeyHint> hints) {
    std::optional<InputEvent> pressed;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float bar_height = ui.px(size::bar);
    float width = ImGui::GetContentRegionAvail().x;
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + bar_height), color::bar);

    ImFont* font = ui.fonts.body;
    float x = origin.x + ui.px(12);
    float cap_height = bar_height - ui.px(12);
    for (size_t i = 0; i < hints.size(); ++i) {
        const KeyHint& hint = hints[i];
        ImVec2 cap_text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, hint.cap);
        ImVec2 label_text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, hint.label);
        float cap_width = cap_text.x + ui.px(16);
        float item_width = cap_width + ui.px(8) + label_text.x;
        ImVec2 cap_min(x, origin.y + ui.px(6));
        ImGui::SetCursorScreenPos(ImVec2(x, origin.y));
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::InvisibleButton("hint", ImVec2(item_width, bar_height))) pressed = hint.event;
        bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        draw->AddRectFilled(cap_min, ImVec2(x + cap_width, cap_min.y + cap_height),
                            hovered ? color::accent : color::rgb(0x37, 0x41, 0x51), ui.px(5));
        float text_y = origin.y + (bar_height - font->FontSize) * 0.5f;
        draw->AddText(font, font->FontSize, ImVec2(x + ui.px(8), text_y), color::bar_text, hint.cap);
        draw->AddText(font, font->FontSize, ImVec2(x + cap_width + ui.px(8), text_y), color::bar_text, hint.label);
        x += item_width + ui.px(26);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + bar_height));
    ImGui::Dummy(ImVec2(0, 0));
    return pressed;
}

void begin_body(const Ui& ui) {
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(size::gap), ui.px(size::gap)));
    float below = ui.px(size::bar) + ImGui::GetStyle().ItemSpacing.y;  // the key-hint bar
    ImGui::BeginChild("##body", ImVec2(avail.x, avail.y - below), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
}

void end_body() { ImGui::EndChild(); }

void center_block(ImVec2 size) {
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 cursor = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(cursor.x + std::max(0.0f, (avail.x - size.x) * 0.5f),
                               cursor.y + std::max(0.0f, (avail.y - size.y) * 0.5f)));
}

void begin_panel(const char* id, ImVec2 size, float padding) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(padding, padding));
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
}

void end_panel() { ImGui::EndChild(); }

void text_right(const char* text, float right_x) {
    float width = ImGui::CalcTextSize(text).x;
    ImGui::SetCursorPosX(right_x - width);
    ImGui::TextUnformatted(text);
}

void text_centered(const char* text) {
    float width = ImGui::CalcTextSize(text).x;
    float avail = ImGui::GetContentRegionAvail().x;
    if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
    ImGui::TextUnformatted(text);
}

void text_colored(ImU32 color, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

}  // namespace pos::ui
