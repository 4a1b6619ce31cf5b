// The customer's window on a dual-screen till (双屏): what the customer reads while the cashier
// works (docs/devices.md "The customer's screen"). It takes no input: the customer never types.
#include <algorithm>
#include <string>

#include "pos/ui/customer_view.hpp"

namespace pos::ui {
namespace {

// The store's name on a dark bar, as on the cashier's status bar.
void draw_top_bar(const CustomerView& view, const Ui& ui) {
    float height = ui.px(size::bar) * 1.4f;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), color::bar);
    ImGui::PushFont(ui.fonts.title);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + ui.px(24), origin.y + (height - ImGui::GetFontSize()) / 2));
    text_colored(color::bar_text, view.store.c_str());
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
}

// A text twice the title's size, centred on its line.
void large_centered(const char* text, ImU32 color, const Ui& ui, float factor) {
    ImGui::PushFont(ui.fonts.title);
    ImGui::SetWindowFontScale(factor);
    float width = ImGui::CalcTextSize(text).x;
    ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetWindowWidth() - width) / 2));
    text_colored(color, text);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopFont();
}

void draw_welcome(const CustomerView& view, const Ui& ui) {
    ImGui::SetCursorPosY(ImGui::GetWindowHeight() * 0.4f);
    large_centered(view.welcome.c_str(), color::accent, ui, 2.0f);
}

// A label and its amount on one line of the right-hand panel, the amount in the big digits.
void amount_row(const char* label, const std::string& amount, ImU32 amount_color, const Ui& ui, float right) {
    ImGui::PushFont(ui.fonts.title);
    text_colored(color::muted, label);
    ImGui::PopFont();
    ImGui::PushFont(ui.fonts.big);
    ImGui::PushStyleColor(ImGuiCol_Text, amount_color);
    text_right(amount.c_str(), right);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void draw_lines(const CustomerView& view, const Ui& ui, ImVec2 size) {
    begin_panel("##customer_lines", size, ui.px(16));
    ImGui::PushFont(ui.fonts.title);
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable("##lines", 3, flags, ImGui::GetContentRegionAvail())) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(ui.tr("customer.item"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(ui.tr("customer.quantity"), ImGuiTableColumnFlags_WidthFixed, ui.px(120));
        ImGui::TableSetupColumn(ui.tr("customer.amount"), ImGuiTableColumnFlags_WidthFixed, ui.px(100));
        ImGui::TableHeadersRow();
        for (const LineView& line : view.lines) {
            ImGui::TableNextRow(ImGuiTableRowFlags_None, ui.px(44));
            if (line.number == view.highlighted) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, color::accent_soft);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(line.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(line.quantity.c_str());
            ImGui::TableNextColumn();
            text_right(line.amount.c_str(), ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
        }
        // The newest line stays in sight on a long ticket.
        if (view.highlighted != 0 || view.kind == CustomerView::Kind::sale) ImGui::SetScrollHereY(1.0f);
        ImGui::EndTable();
    }
    ImGui::PopFont();
    end_panel();
}

void draw_totals(const CustomerView& view, const Ui& ui, ImVec2 size) {
    begin_panel("##customer_total", size, ui.px(28));
    float right = ImGui::GetContentRegionMax().x;
    float width = ImGui::GetContentRegionAvail().x;
    amount_row(ui.tr("customer.total"), view.total, color::text, ui, right);
    if (!view.paid.empty()) amount_row(ui.tr("customer.paid"), view.paid, color::text, ui, right);
    ImGui::Dummy(ImVec2(0, ui.px(24)));
    const char* prompt = nullptr;
    if (view.kind == CustomerView::Kind::show_code) prompt = "customer.show_code";
    if (view.kind == CustomerView::Kind::waiting_code) prompt = "customer.confirm_on_phone";
    if (prompt) {
        ImGui::PushFont(ui.fonts.title);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        text_colored(color::accent, ui.tr(prompt));
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    end_panel();
}

void draw_change(const CustomerView& view, const Ui& ui) {
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 card(std::min(ui.px(640), avail.x - ui.px(32)), std::min(ui.px(440), avail.y - ui.px(32)));
    center_block(card);
    begin_panel("##customer_change", card, ui.px(32));
    float right = ImGui::GetContentRegionMax().x;
    amount_row(ui.tr("customer.total"), view.total, color::text, ui, right);
    amount_row(ui.tr("customer.paid"), view.paid, color::text, ui, right);
    ImGui::Separator();
    amount_row(ui.tr("customer.change"), view.change, color::pay, ui, right);
    ImGui::Dummy(ImVec2(0, ui.px(16)));
    large_centered(ui.tr("customer.thanks"), color::success_text, ui, 1.2f);
    end_panel();
}

}  // namespace

void draw_customer_screen(const CustomerView& view, const Ui& ui) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, color::background);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##customer", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleVar();
    draw_top_bar(view, ui);
    switch (view.kind) {
        case CustomerView::Kind::welcome: draw_welcome(view, ui); break;
        case CustomerView::Kind::change: draw_change(view, ui); break;
        default: {
            float margin = ui.px(24);
            ImVec2 avail = ImGui::GetContentRegionAvail();
            float height = avail.y - 2 * margin;
            float total_width = std::max(ui.px(300), avail.x * 0.34f);
            ImGui::SetCursorPos(ImVec2(margin, ImGui::GetCursorPosY() + margin));
            draw_lines(view, ui, ImVec2(avail.x - total_width - 3 * margin, height));
            ImGui::SameLine(0, margin);
            draw_totals(view, ui, ImVec2(total_width, height));
            break;
        }
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace pos::ui
