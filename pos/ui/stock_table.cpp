// The stock screens' tables: the first two columns (SKU, name) wide enough to read, figures right.
#include "pos/ui/stock_table.hpp"

namespace pos::ui {

void draw_stock_table(const char* id, const StockTable& table, const Ui& ui, ImVec2 size, int highlight) {
    int columns = static_cast<int>(table.headers.size());
    if (columns == 0) return;
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable(id, columns, flags, size)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (int i = 0; i < columns; ++i) {
        float weight = i == 1 ? 3.2f : (i == 0 ? 1.0f : 0.9f);
        ImGui::TableSetupColumn(ui.tr(table.headers[static_cast<size_t>(i)]), ImGuiTableColumnFlags_WidthStretch,
                                weight);
    }
    ImGui::TableHeadersRow();
    for (size_t r = 0; r < table.rows.size(); ++r) {
        ImGui::TableNextRow();
        if (static_cast<int>(r) == highlight) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, color::accent_soft);
        int sign = r < table.signs.size() ? table.signs[r] : 0;
        for (const std::string& cell : table.rows[r]) {
            ImGui::TableNextColumn();
            ImU32 tone = sign < 0 ? color::danger : (sign > 0 ? color::warning : color::text);
            text_colored(tone, cell.c_str());
        }
        if (static_cast<int>(r) == highlight) ImGui::SetScrollHereY(1.0f);
    }
    ImGui::EndTable();
}

}  // namespace pos::ui
