// 周报/月报 (F8 from the shift menu or the F7 report; managers): `posctl report period` on the
// screen. The week's or the month's headline figures beside the previous period and the same
// period last year, then one breakdown at a time (department, hour, cashier, lane, tender, top
// items). PgUp/PgDn the period before/after, F2 week, F3 month, Tab (or a tap) the next breakdown.
#include <algorithm>
#include <span>

#include "pos/ui/period_view.hpp"
#include "pos/ui/report_widgets.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

bool handle(PeriodReportForm& form, const PeriodReportView& view, InputEvent event, Intents& intents) {
    if (event.is_char()) return false;
    size_t count = std::max<size_t>(view.dimensions.size(), 1);
    switch (event.key) {
        case Key::up: form.scroll -= 1; return false;
        case Key::down: form.scroll += 1; return false;
        case Key::tab: form.dimension = (form.dimension + 1) % count; return false;
        case Key::page_up: intents.push_back(intent::ShowPeriod{form.kind, -1}); return true;
        case Key::page_down: intents.push_back(intent::ShowPeriod{form.kind, +1}); return true;
        case Key::f2: intents.push_back(intent::ShowPeriod{"week", 0}); return true;
        case Key::f3: intents.push_back(intent::ShowPeriod{"month", 0}); return true;
        case Key::enter:
        case Key::escape:
        case Key::f8: intents.push_back(intent::Leave{}); return true;
        default: return false;
    }
}

// The breakdowns as tabs: the chosen one highlighted; a tap chooses.
void draw_dimension_tabs(PeriodReportForm& form, const PeriodReportView& view, const Ui& ui) {
    for (size_t i = 0; i < view.dimensions.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        bool chosen = i == form.dimension;
        ImGui::PushStyleColor(ImGuiCol_Button, chosen ? color::accent : color::panel);
        ImGui::PushStyleColor(ImGuiCol_Text, chosen ? color::bar_text : color::text);
        std::string label = std::string(ui.tr("period.dim." + view.dimensions[i].id)) + "##" + view.dimensions[i].id;
        if (ImGui::Button(label.c_str())) form.dimension = i;
        ImGui::PopStyleColor(2);
    }
}

}  // namespace

void draw_period_report(PeriodReportForm& form, const PeriodReportView& view, InputQueue& input, Intents& intents,
                        const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, view, *event, intents)) break;
    }

    begin_body(ui);
    float pad = ui.px(20);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    begin_panel("##period", avail, pad);
    ImGui::BeginChild("##scroll", ImVec2(0, 0), false);
    if (form.scroll != 0) {
        ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() + static_cast<float>(form.scroll) * ui.px(40)));
        form.scroll = 0;
    }
    float width = ImGui::GetContentRegionAvail().x;

    // [SECTION] Which period, compared with which
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(
        ui.tr.format(view.kind == "month" ? "period.title.month" : "period.title.week", view.first, view.last).c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, ui.px(2 * size::gap));
    text_colored(view.open_day ? color::warning : color::muted,
                 ui.tr.format(view.open_day ? "period.days_open" : "period.days", view.business_days).c_str());
    text_colored(color::muted, ui.tr
                                   .format("period.compared", view.previous_first, view.previous_last,
                                           view.last_year_first, view.last_year_last)
                                   .c_str());
    notice_box(ui, form.notice, width, 0);

    // [SECTION] Headline figures, then the chosen breakdown
    section_title(ui, "mgr.summary");
    draw_figure_table(view.figures, ui, width, "period.col.period", "period.col.vs_previous",
                      "period.col.vs_last_year");
    ImGui::Dummy(ImVec2(0, ui.px(size::gap)));
    draw_dimension_tabs(form, view, ui);
    if (form.dimension < view.dimensions.size()) draw_report_table(view.dimensions[form.dimension], ui, width);
    ImGui::EndChild();
    end_panel();
    end_body();

    const KeyHint hints[] = {
        {InputEvent::of_key(Key::page_up), "PgUp", ui.tr("hint.period_before")},
        {InputEvent::of_key(Key::page_down), "PgDn", ui.tr("hint.period_after")},
        {InputEvent::of_key(Key::f2), "F2", ui.tr("hint.week")},
        {InputEvent::of_key(Key::f3), "F3", ui.tr("hint.month")},
        {InputEvent::of_key(Key::tab), "Tab", ui.tr("hint.breakdown")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    if (auto tapped = key_hints(ui, std::span<const KeyHint>(hints))) input.push_front(*tapped);
}

}  // namespace pos::ui
