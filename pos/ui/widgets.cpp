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
            return {color::accent, color::rgb(0x1D, 0x4E, 0xD8), color::rgb(0x1E, 0x40, 0xAF),
                    color::rgb(0xFF, 0xFF, 0xFF)};
        case ButtonKind::pay:
            return {color::pay, color::rgb(0x15, 0x80, 0x3D), color::rgb(0x16, 0x65, 0x34),
                    color::rgb(0xFF, 0xFF, 0xFF)};
        case ButtonKind::danger:
            return {color::danger, color::rgb(0xB9, 0x1C, 0x1C), color::rgb(0x99, 0x1B, 0x1B),
                    color::rgb(0xFF, 0xFF, 0xFF)};
        case ButtonKind::plain: break;
    }
    return {color::panel, color::rgb(0xF3, 0xF4, 0xF6), color::rgb(0xE5, 0xE7, 0xEB), color::text};
}

}  // namespace

std::optional<ModalFrame> begin_modal(const char* popup_id, bool open, ImVec2 largest, const Ui& ui) {
    if (open && !ImGui::IsPopupOpen(popup_id)) ImGui::OpenPopup(popup_id);
    ImVec2 display = ImGui::GetIO().DisplaySize;
    ModalFrame frame{
        ImVec2(std::min(ui.px(largest.x), display.x - ui.px(40)), std::min(ui.px(largest.y), display.y - ui.px(40))),
        ui.px(24), ui.px(size::gap)};
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(frame.size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(frame.pad, frame.pad));
    bool shown = ImGui::BeginPopupModal(
        popup_id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
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
        draw->AddRectFilled(ImVec2(caret_x, text_pos.y + ui.px(2)),
                            ImVec2(caret_x + ui.px(2.5f), text_pos.y + text_height - ui.px(2)), color::accent);
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

namespace {

// How the key-hint bar is laid out: the font size, the spaces, and how many hints a row holds.
struct HintLayout {
    float font_size = 0;
    float cap_pad = 0;   // inside a key cap, each side
    float spacing = 0;   // between one hint and the next
    size_t per_row = 0;  // hints on a row; the bar has one row, or two when one cannot hold them all
};

const char* hint_cap(const Ui& ui, const KeyHint& hint) {
    const char* moved = ui.keys && !hint.event.is_char() ? ui.keys->cap(hint.event.key) : nullptr;
    return moved ? moved : hint.cap;
}

float hint_width(const Ui& ui, const KeyHint& hint, const HintLayout& layout) {
    ImFont* font = ui.fonts.body;
    float cap = font->CalcTextSizeA(layout.font_size, FLT_MAX, 0, hint_cap(ui, hint)).x;
    float label = font->CalcTextSizeA(layout.font_size, FLT_MAX, 0, hint.label).x;
    return cap + 2 * layout.cap_pad + layout.cap_pad + label;
}

float row_width(const Ui& ui, std::span<const KeyHint> hints, const HintLayout& layout) {
    float width = 0;
    for (const KeyHint& hint : hints) width += hint_width(ui, hint, layout) + layout.spacing;
    return width - layout.spacing;
}

// The font size at which `hints` take exactly `width` with the layout's spaces (which do not shrink).
float font_to_fit(const Ui& ui, std::span<const KeyHint> hints, HintLayout layout, float width) {
    float full = layout.font_size;
    float text = row_width(ui, hints, layout);
    layout.font_size = 0;
    float spaces = row_width(ui, hints, layout);
    return std::min(full, full * (width - spaces) / std::max(1.0f, text - spaces));
}

// Every hint stays readable and tappable from 1024 px wide up: first the spaces narrow and the
// text shrinks a little (to 90 %), and when that is not enough the bar takes a second row.
HintLayout fit_hints(const Ui& ui, std::span<const KeyHint> hints, float width) {
    float full = ui.fonts.body->FontSize;
    HintLayout layout{full, ui.px(8), ui.px(26), hints.size()};
    if (row_width(ui, hints, layout) <= width) return layout;
    layout.cap_pad = ui.px(6);
    layout.spacing = ui.px(14);
    float fitting = font_to_fit(ui, hints, layout, width);
    if (fitting >= 0.9f * full) {
        layout.font_size = fitting;
        return layout;
    }
    layout = HintLayout{full, ui.px(8), ui.px(20), (hints.size() + 1) / 2};
    layout.font_size = std::min(font_to_fit(ui, hints.first(layout.per_row), layout, width),
                                font_to_fit(ui, hints.subspan(layout.per_row), layout, width));
    return layout;
}

// The rows of the key-hint bar drawn last, kept in the window so that begin_body leaves room
// for them (a screen draws its body before its hints).
constexpr ImGuiID hint_rows_key = 0x504F5348;  // any fixed id: "POSH"

}  // namespace

std::optional<InputEvent> key_hints(const Ui& ui, std::span<const KeyHint> hints) {
    std::optional<InputEvent> pressed;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float bar_height = ui.px(size::bar);
    float width = ImGui::GetContentRegionAvail().x;
    ImFont* font = ui.fonts.body;
    float margin = ui.px(12);
    HintLayout layout = fit_hints(ui, hints, width - 2 * margin);
    int rows = layout.per_row < hints.size() ? 2 : 1;
    ImGui::GetStateStorage()->SetInt(hint_rows_key, rows);
    float row_height = bar_height;
    bar_height *= static_cast<float>(rows);
    float cap_inset = ui.px(6);
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + bar_height), color::bar);
    size_t per_row = std::max<size_t>(layout.per_row, 1);
    float x = origin.x + margin;
    for (size_t i = 0; i < hints.size(); ++i) {
        const KeyHint& hint = hints[i];
        float top = origin.y + row_height * static_cast<float>(i / per_row);
        if (i % per_row == 0) x = origin.x + margin;
        const char* cap = hint_cap(ui, hint);
        float cap_width = font->CalcTextSizeA(layout.font_size, FLT_MAX, 0, cap).x + 2 * layout.cap_pad;
        float item_width = hint_width(ui, hint, layout);
        ImGui::SetCursorScreenPos(ImVec2(x, top));
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::InvisibleButton("hint", ImVec2(item_width, row_height))) {
            pressed = hint.event;
            pressed->mapped = true;  // already this screen's key: a remapped store's table must not move it again
        }
        bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        ImVec2 cap_min(x, top + cap_inset);
        draw->AddRectFilled(cap_min, ImVec2(x + cap_width, top + row_height - cap_inset),
                            hovered ? color::accent : color::rgb(0x37, 0x41, 0x51), ui.px(5));
        float text_y = top + (row_height - layout.font_size) * 0.5f;
        draw->AddText(font, layout.font_size, ImVec2(x + layout.cap_pad, text_y), color::bar_text, cap);
        draw->AddText(font, layout.font_size, ImVec2(x + cap_width + layout.cap_pad, text_y), color::bar_text,
                      hint.label);
        x += item_width + layout.spacing;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + bar_height));
    ImGui::Dummy(ImVec2(0, 0));
    return pressed;
}

std::optional<int> pick_list(const char* id, std::span<const PickColumn> columns,
                             std::span<const std::vector<std::string>> rows, int selected, bool& scroll_to_selected,
                             ImVec2 size, float row_height) {
    std::optional<int> tapped;
    bool headers =
        std::any_of(columns.begin(), columns.end(), [](const PickColumn& column) { return *column.header != 0; });
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable(id, static_cast<int>(columns.size()), flags, size)) return tapped;
    if (headers) ImGui::TableSetupScrollFreeze(0, 1);
    for (const PickColumn& column : columns) {
        ImGui::TableSetupColumn(
            column.header, column.width > 0 ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
            column.width);
    }
    if (headers) ImGui::TableHeadersRow();
    float selectable_height = row_height - 2 * ImGui::GetStyle().CellPadding.y;
    for (size_t i = 0; i < rows.size(); ++i) {
        const std::vector<std::string>& cells = rows[i];
        bool is_selected = static_cast<int>(i) == selected;
        ImGui::TableNextRow(0, row_height);
        ImGui::TableSetColumnIndex(0);
        if (is_selected) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, color::accent_soft);
        ImGui::PushID(static_cast<int>(i));
        float row_top = ImGui::GetCursorPosY();
        const char* first = cells.empty() ? "" : cells[0].c_str();
        // The texts sit in the middle of the row, the first one inside the row-wide selectable.
        ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
        if (ImGui::Selectable(first, is_selected, ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, selectable_height))) {
            tapped = static_cast<int>(i);
        }
        ImGui::PopStyleVar();
        if (is_selected && scroll_to_selected) ImGui::SetScrollHereY(0.5f);
        ImGui::PopID();
        for (size_t column = 1; column < columns.size() && column < cells.size(); ++column) {
            ImGui::TableSetColumnIndex(static_cast<int>(column));
            ImGui::SetCursorPosY(row_top + (selectable_height - ImGui::GetTextLineHeight()) * 0.5f);
            ImGui::TextUnformatted(cells[column].c_str());
        }
    }
    scroll_to_selected = false;
    ImGui::EndTable();
    return tapped;
}

void begin_body(const Ui& ui) {
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(size::gap), ui.px(size::gap)));
    float hint_rows = static_cast<float>(ImGui::GetStateStorage()->GetInt(hint_rows_key, 1));
    float below = ui.px(size::bar) * hint_rows + ImGui::GetStyle().ItemSpacing.y;  // the key-hint bar
    ImGui::BeginChild(
        "##body", ImVec2(avail.x, avail.y - below), false,
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

PadCard begin_pad_card(const char* id, const Ui& ui) {
    PadCard card;
    card.pad = ui.px(24);
    card.gap = ui.px(size::gap);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    card.size = ImVec2(std::min(ui.px(980), avail.x - ui.px(16)), std::min(ui.px(640), avail.y - ui.px(16)));
    center_block(card.size);
    begin_panel(id, card.size, card.pad);
    card.column = (card.size.x - 2 * card.pad - 4 * card.gap) * 0.58f;
    card.pad_column = card.size.x - 2 * card.pad - 4 * card.gap - card.column;
    card.button_height = ui.px(size::button);
    return card;
}

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
