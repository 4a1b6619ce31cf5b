// The report screens' shared tables.
#include "pos/ui/report_widgets.hpp"

#include <string>

namespace pos::ui {
namespace {

ImU32 trend_color(int trend) { return trend > 0 ? color::success_text : (trend < 0 ? color::danger : color::muted); }

}  // namespace

void section_title(const Ui& ui, const char* id) {
    ImGui::Dummy(ImVec2(0, ui.px(size::gap)));
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr(id));
    ImGui::PopFont();
}

void draw_figure_table(const std::vector<FigureRow>& rows, const Ui& ui, float width, const char* current,
                       const char* previous, const char* earlier) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("##figures", 6, flags, ImVec2(width, 0))) return;
    ImGui::TableSetupColumn(ui.tr("mgr.col.figure"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(ui.tr(current), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(ui.tr(previous), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("%##p", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(ui.tr(earlier), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("%##w", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableHeadersRow();
    for (const FigureRow& row : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ui.tr(row.label));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.value.c_str());
        ImGui::TableNextColumn();
        text_colored(trend_color(row.trend), row.previous_delta.c_str());
        ImGui::TableNextColumn();
        text_colored(trend_color(row.trend), row.previous_percent.c_str());
        ImGui::TableNextColumn();
        text_colored(color::muted, row.week_delta.c_str());
        ImGui::TableNextColumn();
        text_colored(color::muted, row.week_percent.c_str());
    }
    ImGui::EndTable();
}

void draw_report_table(const actions::ReportTable& table, const Ui& ui, float width) {
    int columns = static_cast<int>(table.columns.size());
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
    if (columns == 0 || !ImGui::BeginTable(("##" + table.id).c_str(), columns, flags, ImVec2(width, 0))) return;
    for (int i = 0; i < columns; ++i) {
        const std::string& name = table.columns[static_cast<size_t>(i)];
        std::string key = "report.col." + name;
        const char* label = ui.tr(key);
        ImGui::TableSetupColumn(key == label ? name.c_str() : label, ImGuiTableColumnFlags_WidthStretch,
                                i == 0 ? 2.0f : 1.0f);
    }
    ImGui::TableHeadersRow();
    for (const std::vector<std::string>& row : table.rows) {
        ImGui::TableNextRow();
        for (size_t i = 0; i < row.size() && i < table.columns.size(); ++i) {
            ImGui::TableNextColumn();
            // Δ columns in colour: what went up in green, down in red.
            bool signed_cell = !row[i].empty() && (row[i][0] == '+' || row[i][0] == '-') && row[i] != "-";
            if (signed_cell && i > 1) {
                text_colored(row[i][0] == '+' ? color::success_text : color::danger, row[i].c_str());
            } else {
                ImGui::TextUnformatted(row[i].c_str());
            }
        }
    }
    ImGui::EndTable();
}

}  // namespace pos::ui
