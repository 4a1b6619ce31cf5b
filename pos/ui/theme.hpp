// Look of the checkout: colours, sizes and the fonts (a CJK face at three sizes).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "pos/core/result.hpp"

namespace pos::ui {

namespace color {
inline constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) { return IM_COL32(r, g, b, a); }
inline constexpr ImU32 background = rgb(0xEE, 0xF1, 0xF5);
inline constexpr ImU32 panel = rgb(0xFF, 0xFF, 0xFF);
inline constexpr ImU32 border = rgb(0xD1, 0xD5, 0xDB);
inline constexpr ImU32 text = rgb(0x11, 0x18, 0x27);
inline constexpr ImU32 muted = rgb(0x6B, 0x72, 0x80);
inline constexpr ImU32 accent = rgb(0x25, 0x63, 0xEB);
inline constexpr ImU32 accent_soft = rgb(0xDB, 0xEA, 0xFE);
inline constexpr ImU32 pay = rgb(0x16, 0xA3, 0x4A);
inline constexpr ImU32 danger = rgb(0xDC, 0x26, 0x26);
inline constexpr ImU32 danger_soft = rgb(0xFE, 0xE2, 0xE2);
inline constexpr ImU32 warning = rgb(0xB4, 0x53, 0x09);  // over (长款): not lost, still wrong
inline constexpr ImU32 warning_soft = rgb(0xFE, 0xF3, 0xC7);
inline constexpr ImU32 success_text = rgb(0x16, 0x65, 0x34);
inline constexpr ImU32 success_soft = rgb(0xDC, 0xFC, 0xE7);
inline constexpr ImU32 info_soft = rgb(0xF3, 0xF4, 0xF6);
inline constexpr ImU32 bar = rgb(0x1F, 0x29, 0x37);
inline constexpr ImU32 bar_text = rgb(0xF9, 0xFA, 0xFB);
inline constexpr ImU32 voided = rgb(0x9C, 0xA3, 0xAF);
}  // namespace color

struct Fonts {
    ImFont* body = nullptr;   // tables, labels, buttons
    ImFont* title = nullptr;  // headings, typed fields
    ImFont* big = nullptr;    // amounts: digits, '.', '¥' only
};

// The CJK font file: wqy-microhei first, then the Noto CJK locations; nullopt when none is installed.
[[nodiscard]] std::optional<std::string> find_cjk_font();

// Owns ImGui's font atlas. Glyphs are the common Chinese range plus every string the lane can
// show (translations, catalog names, store name); text that appears later (an operator's name)
// is added by ensure() and the atlas rebuilt before the next frame.
class FontBook {
public:
    FontBook(std::string path, float scale);
    // Fonts already in ImGui's atlas (the built-in one, for headless tests): nothing is loaded;
    // ensure() still records what a rebuild would add.
    explicit FontBook(Fonts built);

    void add_text(std::string_view text);
    // Builds the atlas into ImGui's current context.
    [[nodiscard]] core::Status build();
    // Adds any glyph of `text` not yet in the atlas; true when a rebuild is now pending.
    bool ensure(std::string_view text);
    [[nodiscard]] bool rebuild_pending() const { return rebuild_pending_; }
    [[nodiscard]] const Fonts& fonts() const { return fonts_; }
    [[nodiscard]] float scale() const { return scale_; }

private:
    std::string path_;
    float scale_ = 1.0f;
    ImFontGlyphRangesBuilder wide_;  // body and title: Chinese + everything shown
    ImVector<ImWchar> wide_ranges_;
    ImVector<ImWchar> big_ranges_;
    bool rebuild_pending_ = false;
    Fonts fonts_;
};

// Sizes at scale 1 (a 1024×768 screen); the app scales them to the window.
namespace size {
inline constexpr float body = 21.0f;
inline constexpr float title = 29.0f;
inline constexpr float big = 60.0f;
inline constexpr float bar = 40.0f;     // status and key-hint bars
inline constexpr float button = 62.0f;  // touch target height
inline constexpr float gap = 8.0f;
}  // namespace size

// Light theme, large rounded touch targets, keyboard navigation off (the checkout routes keys itself).
void apply_style(float scale);

// The UI scale for a window: 1.0 at 1024×768, growing with the smaller of the two ratios.
[[nodiscard]] float scale_for(int width, int height);

}  // namespace pos::ui
