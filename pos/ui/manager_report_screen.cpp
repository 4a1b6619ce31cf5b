// 经营日报 (F7, managers): one business day's figures beside the day before and the same weekday a
// week before, sales by hour as bars, the tender split, the top items and each shift's cash
// variance. PgUp/PgDn step a day back or forward; F4 prints it through the receipt layout; F8 the
// week's and the month's (周报/月报).
#include <algorithm>
#include <cfloat>
#include <span>

#include "pos/ui/report_widgets.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

bool handle(ManagerReportForm& form, InputEvent event, Intents& intents) {
    if (event.is_char()) return false;
    switch (event.key) {
        case Key::up: form.scroll -= 1; return false;
        case Key::down: form.scroll += 1; return false;
        case Key::page_up: intents.push_back(intent::ShowReportDay{-1}); return true;
        case Key::page_down: intents.push_back(intent::ShowReportDay{+1}); return true;
        case Key::f8: intents.push_back(intent::OpenPeriodReport{}); return true;
        case Key::f4:
            if (!form.can_print) return false;
            intents.push_back(intent::PrintDailyReport{});
            return true;
        case Key::enter:
        case Key::escape:
        case Key::f7: intents.push_back(intent::Leave{}); return true;
        default: return false;
    }
}

// 24 bars, one per hour, scaled to the busiest; the hour under each, every other one labelled.
void draw_hours(const ManagerReportView& view, const Ui& ui, float width) {
    float height = ui.px(150);
    float label_height = ImGui::GetTextLineHeight();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float slot = width / static_cast<float>(std::max<size_t>(view.hours.size(), 1));
    float base = origin.y + height;
    draw->AddLine(ImVec2(origin.x, base), ImVec2(origin.x + width, base), color::border);
    for (size_t i = 0; i < view.hours.size(); ++i) {
        const HourBar& bar = view.hours[i];
        float x = origin.x + static_cast<float>(i) * slot;
        if (bar.net_fen > 0 && view.busiest_fen > 0) {
            float h = (height - ui.px(4)) * static_cast<float>(bar.net_fen) / static_cast<float>(view.busiest_fen);
            draw->AddRectFilled(ImVec2(x + slot * 0.15f, base - h), ImVec2(x + slot * 0.85f, base), color::accent,
                                ui.px(2));
        }
        if (i % 2 == 0) {
            ImVec2 size = ImGui::CalcTextSize(bar.hour.c_str());
            draw->AddText(ImVec2(x + (slot - size.x) * 0.5f, base + ui.px(2)), color::muted, bar.hour.c_str());
        }
    }
    ImGui::Dummy(ImVec2(width, height + label_height + ui.px(4)));
    // The tooltip names the hour under the pointer: its net and tickets.
    if (ImGui::IsItemHovered()) {
        float mouse = ImGui::GetIO().MousePos.x - origin.x;
        size_t index = static_cast<size_t>(std::clamp(mouse / slot, 0.0f, static_cast<float>(view.hours.size() - 1)));
        if (index < view.hours.size()) {
            const HourBar& bar = view.hours[index];
            ImGui::SetTooltip("%s:00  %s  (%lld)", bar.hour.c_str(), bar.net.c_str(),
                              static_cast<long long>(bar.tickets));
        }
    }
}

void draw_tenders(const ManagerReportView& view, const Ui& ui, float width) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    float label_width = width * 0.28f;
    float amount_width = width * 0.24f;
    float bar_width = width - label_width - amount_width;
    for (const ShareRow& row : view.tenders) {
        ImVec2 at = ImGui::GetCursorScreenPos();
        float line = ImGui::GetTextLineHeight();
        std::string key = "close.tender." + row.name;
        const char* name = ui.tr(key);
        if (key == name) name = row.name.c_str();  // a method without a translation: its own name
        draw->AddText(at, color::text, name);
        ImVec2 bar_min(at.x + label_width, at.y + line * 0.15f);
        draw->AddRectFilled(bar_min, ImVec2(bar_min.x + bar_width, at.y + line * 0.85f), color::info_soft, ui.px(3));
        draw->AddRectFilled(bar_min, ImVec2(bar_min.x + bar_width * row.share, at.y + line * 0.85f), color::pay,
                            ui.px(3));
        std::string amount = row.amount + "  " + std::to_string(static_cast<int>(row.share * 100.0f + 0.5f)) + "%";
        ImVec2 size = ImGui::CalcTextSize(amount.c_str());
        draw->AddText(ImVec2(at.x + width - size.x, at.y), color::text, amount.c_str());
        ImGui::Dummy(ImVec2(width, line + ui.px(4)));
    }
}

void draw_top_items(const ManagerReportView& view, const Ui& ui, float width) {
    if (!ImGui::BeginTable("##top", 4, ImGuiTableFlags_RowBg, ImVec2(width, 0))) return;
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ui.px(28));
    ImGui::TableSetupColumn(ui.tr("mgr.col.item"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(ui.tr("mgr.col.qty"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(ui.tr("mgr.col.amount"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < view.top_items.size(); ++i) {
        const TopItemRow& row = view.top_items[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%zu", i + 1);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.quantity.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.amount.c_str());
    }
    ImGui::EndTable();
}

void draw_cash(const ManagerReportView& view, const Ui& ui, float width) {
    if (!ImGui::BeginTable("##cash", 5, ImGuiTableFlags_RowBg, ImVec2(width, 0))) return;
    ImGui::TableSetupColumn(ui.tr("mgr.col.shift"));
    ImGui::TableSetupColumn(ui.tr("mgr.col.expected"));
    ImGui::TableSetupColumn(ui.tr("mgr.col.counted"));
    ImGui::TableSetupColumn(ui.tr("mgr.col.variance"));
    ImGui::TableSetupColumn(ui.tr("mgr.col.signed"));
    ImGui::TableHeadersRow();
    for (const CashVarianceRow& row : view.cash) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.who.c_str());
        if (row.variance.empty()) {
            ImGui::TableNextColumn();
            text_colored(color::muted, ui.tr("mgr.not_closed"));
            continue;
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.expected.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.counted.c_str());
        ImGui::TableNextColumn();
        text_colored(row.sign < 0 ? color::danger : (row.sign > 0 ? color::warning : color::success_text),
                     row.variance.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.signed_by.c_str());
    }
    ImGui::EndTable();
    text_colored(color::muted, ui.tr.format("mgr.cash_total", view.cash_total).c_str());
}

// The items at or below their threshold now (the stock ledger's on hand), red.
void draw_low_stock(const ManagerReportView& view, const Ui& ui, float width) {
    if (view.low_stock.empty()) {
        text_colored(color::muted, ui.tr("mgr.low_stock_none"));
        return;
    }
    if (!ImGui::BeginTable("##low", 3, ImGuiTableFlags_RowBg, ImVec2(width, 0))) return;
    ImGui::TableSetupColumn(ui.tr("mgr.col.item"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(ui.tr("mgr.col.on_hand"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(ui.tr("mgr.col.threshold"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (const LowStockRow& row : view.low_stock) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.name.c_str());
        ImGui::TableNextColumn();
        text_colored(color::danger, row.on_hand.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.threshold.c_str());
    }
    ImGui::EndTable();
}

}  // namespace

void draw_manager_report(ManagerReportForm& form, const ManagerReportView& view, InputQueue& input, Intents& intents,
                         const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, *event, intents)) break;
    }

    begin_body(ui);
    float pad = ui.px(20);
    float gap = ui.px(size::gap);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    begin_panel("##manager", avail, pad);
    ImGui::BeginChild("##scroll", ImVec2(0, 0), false);
    if (form.scroll != 0) {
        ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + static_cast<float>(form.scroll) * ui.px(40)));
        form.scroll = 0;
    }
    float width = ImGui::GetContentRegionAvail().x;

    // [SECTION] Which day, and how final its figures are
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr.format("mgr.title", view.day).c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, 2 * gap);
    const char* state = !view.business_day ? "mgr.no_business" : (view.closed ? "mgr.closed" : "mgr.open");
    text_colored(view.closed ? color::success_text : color::warning, ui.tr(state));
    text_colored(color::muted, ui.tr.format("mgr.compared", view.previous_day, view.last_week).c_str());
    notice_box(ui, form.notice, width, 0);

    // [SECTION] Left: headline figures and the hours; right: tenders, top items, cash
    float left = (width - 2 * gap) * 0.55f;
    float right = width - left - 2 * gap;
    ImGui::BeginGroup();
    section_title(ui, "mgr.summary");
    draw_figure_table(view.figures, ui, left, "mgr.col.day", "mgr.col.vs_previous", "mgr.col.vs_week");
    section_title(ui, "mgr.by_hour");
    draw_hours(view, ui, left);
    ImGui::EndGroup();
    ImGui::SameLine(0, 2 * gap);
    ImGui::BeginGroup();
    section_title(ui, "mgr.tenders");
    draw_tenders(view, ui, right);
    section_title(ui, "mgr.top_items");
    draw_top_items(view, ui, right);
    section_title(ui, "mgr.cash");
    draw_cash(view, ui, right);
    section_title(ui, "mgr.low_stock");
    draw_low_stock(view, ui, right);
    ImGui::EndGroup();
    ImGui::EndChild();
    end_panel();
    end_body();

    const KeyHint hints[] = {
        {InputEvent::of_key(Key::page_up), "PgUp", ui.tr("hint.day_before")},
        {InputEvent::of_key(Key::page_down), "PgDn", ui.tr("hint.day_after")},
        {InputEvent::of_key(Key::down), "↑↓", ui.tr("hint.scroll")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
        {InputEvent::of_key(Key::f8), "F8", ui.tr("hint.period_report")},
        {InputEvent::of_key(Key::f4), "F4", ui.tr("hint.print")},
    };
    std::span<const KeyHint> shown(hints);
    if (!form.can_print) shown = shown.first(shown.size() - 1);
    if (auto tapped = key_hints(ui, shown)) input.push_front(*tapped);
}

}  // namespace pos::ui
