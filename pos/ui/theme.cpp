// Fonts (CJK glyph set and atlas), style and scale.
#include "pos/ui/theme.hpp"

#include "pos/ui/input.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>

namespace pos::ui {

std::optional<std::string> find_cjk_font() {
    // Debian: fonts-wqy-microhei, then fonts-noto-cjk (OpenType collections, Simplified Chinese first).
    constexpr std::array candidates{
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    };
    for (const char* path : candidates) {
        std::error_code ignored;
        if (std::filesystem::is_regular_file(path, ignored)) return std::string(path);
    }
    return std::nullopt;
}

FontBook::FontBook(std::string path, float scale) : path_(std::move(path)), scale_(scale) {
    wide_.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesChineseSimplifiedCommon());
    // Marks the checkout draws itself: ¥, ×, the PIN dot, arrows (hint keys, backspace on the pad).
    wide_.AddText("¥×●↑↓←→…—·，。：；！？（）【】“”");
    ImFontGlyphRangesBuilder big;
    big.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
    big.AddText("¥×");
    big.BuildRanges(&big_ranges_);
}

FontBook::FontBook(Fonts built) : FontBook(std::string(), 1.0f) { fonts_ = built; }

void FontBook::add_text(std::string_view text) { wide_.AddText(text.data(), text.data() + text.size()); }

bool FontBook::ensure(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        char32_t c = next_codepoint(text, i);
        if (c < 0x10000 && !wide_.GetBit(c)) {
            wide_.AddChar(static_cast<ImWchar>(c));
            rebuild_pending_ = true;
        }
    }
    return rebuild_pending_;
}

core::Status FontBook::build() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    wide_ranges_.clear();
    wide_.BuildRanges(&wide_ranges_);

    // CJK glyphs are square and many: no horizontal oversampling keeps the atlas at 2048²
    // instead of three times that, and pixel snapping keeps them sharp.
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    auto add = [&](float pixels, const ImWchar* ranges) {
        return atlas->AddFontFromFileTTF(path_.c_str(), std::round(pixels * scale_), &config, ranges);
    };
    fonts_.body = add(size::body, wide_ranges_.Data);
    fonts_.title = add(size::title, wide_ranges_.Data);
    fonts_.big = add(size::big, big_ranges_.Data);
    rebuild_pending_ = false;
    if (!fonts_.body || !fonts_.title || !fonts_.big || !atlas->Build()) {
        return core::make_error(core::ErrorCode::io,
                                path_ + " could not be loaded as a font: reinstall fonts-wqy-microhei");
    }
    return core::Done{};
}

void apply_style(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(0, 0);
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.ChildRounding = 8;
    style.ChildBorderSize = 0;
    style.PopupRounding = 10;
    style.FrameRounding = 8;
    style.FramePadding = ImVec2(10, 8);
    style.ItemSpacing = ImVec2(size::gap, size::gap);
    style.CellPadding = ImVec2(8, 6);
    style.ScrollbarSize = 22;  // a finger can drag it
    style.ScrollbarRounding = 8;
    style.ScaleAllSizes(scale);

    ImVec4* colors = style.Colors;
    colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(color::background);
    colors[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(color::panel);
    colors[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(color::panel);
    colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(color::text);
    colors[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(color::muted);
    colors[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(color::border);
    colors[ImGuiCol_ModalWindowDimBg] = ImVec4(0.07f, 0.09f, 0.15f, 0.55f);
    colors[ImGuiCol_TableHeaderBg] = ImGui::ColorConvertU32ToFloat4(color::info_soft);
    colors[ImGuiCol_TableRowBgAlt] = ImVec4(0.97f, 0.98f, 0.99f, 1.0f);
    colors[ImGuiCol_Header] = ImGui::ColorConvertU32ToFloat4(color::accent_soft);
    colors[ImGuiCol_HeaderHovered] = ImGui::ColorConvertU32ToFloat4(color::accent_soft);
    colors[ImGuiCol_HeaderActive] = ImGui::ColorConvertU32ToFloat4(color::accent_soft);
}

float scale_for(int width, int height) {
    float ratio = std::min(static_cast<float>(width) / 1024.0f, static_cast<float>(height) / 768.0f);
    return std::clamp(ratio, 1.0f, 1.75f);
}

}  // namespace pos::ui
