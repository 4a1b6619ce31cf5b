// 日结 (F10): the store's open business day, its shifts, and what blocks closing it. Enter closes a
// day nothing blocks; on a blocked day Enter asks for a reason and a second supervisor's number
// and PIN to force it (the lane checks both). Once closed, the locked totals are shown; F4 prints.
#include <algorithm>
#include <span>

#include "pos/ui/field_cycle.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

using Field = DayForm::Field;

Entry& entry_of(DayForm& form, Field field) {
    switch (field) {
        case Field::reason: return form.reason;
        case Field::approver: return form.approver;
        case Field::pin: return form.pin;
    }
    return form.reason;
}

void step_field(DayForm& form, int step) {
    form.field = cycle_field(form.field, {Field::reason, Field::approver, Field::pin}, step);
}

bool handle_closed(DayForm& form, InputEvent event, Intents& intents) {
    if (event.is_char()) return false;
    switch (event.key) {
        case Key::up: form.scroll -= 1; return false;
        case Key::down: form.scroll += 1; return false;
        case Key::f4:
            if (!form.can_print) return false;
            intents.push_back(intent::PrintDay{});
            return true;
        case Key::enter:
        case Key::escape: intents.push_back(intent::Leave{}); return true;
        default: return false;
    }
}

bool handle_forcing(DayForm& form, InputEvent event, Intents& intents) {
    if (event.is_char()) {
        entry_of(form, form.field).type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: entry_of(form, form.field).backspace(); return false;
        case Key::tab:
        case Key::down: step_field(form, +1); return false;
        case Key::up: step_field(form, -1); return false;
        case Key::enter:
            if (entry_of(form, form.field).empty()) return false;
            if (form.field != Field::pin) {
                step_field(form, +1);
                return false;
            }
            intents.push_back(intent::CloseDay{true, form.reason.text, form.approver.text, form.pin.text});
            return true;
        case Key::escape:  // back to the status: nothing forced
            form.forcing = false;
            form.pin.clear();
            form.notice.clear();
            return false;
        default: return false;
    }
}

bool handle(DayForm& form, const DayView& view, InputEvent event, Intents& intents) {
    if (form.closed) return handle_closed(form, event, intents);
    if (form.forcing) return handle_forcing(form, event, intents);
    if (event.is_char()) return false;
    switch (event.key) {
        case Key::enter:
            if (view.day.empty()) return false;  // nothing to close
            if (!view.blockers.empty()) {
                form.forcing = true;
                form.field = Field::reason;
                return false;
            }
            intents.push_back(intent::CloseDay{});
            return true;
        case Key::f5: intents.push_back(intent::OpenEndOfDay{}); return true;  // read the store again
        case Key::escape:
        case Key::f10: intents.push_back(intent::Leave{}); return true;
        default: return false;
    }
}

void draw_status(DayForm& form, const DayView& view, const Ui& ui, float width) {
    float gap = ui.px(size::gap);
    if (view.day.empty()) {
        text_colored(color::muted, ui.tr("day.nothing_open"));
    } else {
        text_colored(color::muted, ui.tr.format("day.opened", view.opened).c_str());
        ImGui::Dummy(ImVec2(0, gap));
        if (ImGui::BeginTable("##shifts", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH, ImVec2(width, 0))) {
            ImGui::TableSetupColumn(ui.tr("day.col.lane"));
            ImGui::TableSetupColumn(ui.tr("day.col.operator"));
            ImGui::TableSetupColumn(ui.tr("day.col.opened"));
            ImGui::TableSetupColumn(ui.tr("day.col.state"));
            ImGui::TableHeadersRow();
            for (const DayShiftRow& row : view.shifts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.lane.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.operator_id.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row.opened.c_str());
                ImGui::TableNextColumn();
                text_colored(row.open ? color::danger : color::success_text,
                             ui.tr(row.open ? "day.shift_open" : "day.shift_closed"));
            }
            ImGui::EndTable();
        }
    }
    ImGui::Dummy(ImVec2(0, gap));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    if (view.blockers.empty()) {
        if (!view.day.empty()) text_colored(color::success_text, ui.tr("day.ready"));
    } else {
        text_colored(color::danger, ui.tr.format("day.blocked", view.blockers.size()).c_str());
        for (const std::string& blocker : view.blockers) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", blocker.c_str());  // long: shift ids and times
        }
    }
    if (!view.last_closed.empty()) {
        ImGui::Dummy(ImVec2(0, gap));
        text_colored(
            color::muted,
            ui.tr.format("day.last_closed", view.last_closed, view.last_closed_at, view.last_closed_by).c_str());
    }
    ImGui::PopTextWrapPos();
    (void)form;
}

}  // namespace

void draw_end_of_day(DayForm& form, const DayView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, view, *event, intents)) break;
    }

    begin_body(ui);
    float pad = ui.px(24);
    float gap = ui.px(size::gap);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float left_width = avail.x * 0.6f;
    std::optional<InputEvent> press;

    // [SECTION] The day: its shifts and blockers, or once closed its locked totals
    begin_panel("##day", ImVec2(left_width, avail.y), pad);
    float inner = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(ui.fonts.title);
    if (form.closed) {
        text_colored(color::success_text,
                     ui.tr.format(view.forced ? "day.closed_forced_title" : "day.closed_title", view.day).c_str());
    } else if (view.day.empty()) {
        ImGui::TextUnformatted(ui.tr("day.title_none"));
    } else {
        ImGui::TextUnformatted(ui.tr.format("day.title", view.day).c_str());
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, gap));
    if (form.closed) {
        ImGui::BeginChild("##totals", ImVec2(0, 0), false);
        if (form.scroll != 0) {
            ImGui::SetScrollY(std::max(
                0.0f, ImGui::GetScrollY() + static_cast<float>(form.scroll) * ImGui::GetTextLineHeightWithSpacing()));
            form.scroll = 0;
        }
        for (const std::string& line : view.totals) ImGui::TextWrapped("%s", line.c_str());
        ImGui::EndChild();
    } else {
        draw_status(form, view, ui, inner);
    }
    end_panel();

    // [SECTION] What to do: close, or force with a reason and a second supervisor
    ImGui::SameLine(0, gap);
    float side = avail.x - left_width - gap;
    begin_panel("##act", ImVec2(side, avail.y), pad);
    inner = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    if (form.closed) {
        ImGui::TextUnformatted(ui.tr("day.closed_hint"));
        ImGui::Dummy(ImVec2(0, gap));
        text_colored(color::muted, ui.tr(form.can_print ? "day.printed" : "day.no_printer"));
    } else if (form.forcing) {
        ImGui::PushFont(ui.fonts.title);
        text_colored(color::danger, ui.tr("day.force_title"));
        ImGui::PopFont();
        text_colored(color::muted, ui.tr("day.force_hint"));
        ImGui::Dummy(ImVec2(0, gap));
        if (entry_field(ui, "reason", ui.tr("day.reason"), form.reason, form.field == Field::reason, false, inner))
            form.field = Field::reason;
        if (entry_field(ui, "approver", ui.tr("day.approver"), form.approver, form.field == Field::approver, false,
                        inner)) {
            form.field = Field::approver;
        }
        if (entry_field(ui, "pin", ui.tr("day.pin"), form.pin, form.field == Field::pin, true, inner))
            form.field = Field::pin;
    } else {
        ImGui::TextUnformatted(ui.tr(
            view.day.empty() ? "day.hint_none" : (view.blockers.empty() ? "day.hint_ready" : "day.hint_blocked")));
    }
    ImGui::PopTextWrapPos();
    notice_box(ui, form.notice, inner, 0);
    float button_height = ui.px(size::button);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, avail.y - pad - button_height));
    ImGui::PushFont(ui.fonts.title);
    if (form.closed) {
        if (touch_button(ui.tr("day.done"), ImVec2(inner, button_height), ButtonKind::primary))
            press = InputEvent::of_key(Key::enter);
    } else {
        const char* label = form.forcing ? "day.force_close" : (view.blockers.empty() ? "day.close" : "day.force");
        ButtonKind kind = form.forcing || !view.blockers.empty() ? ButtonKind::danger : ButtonKind::primary;
        bool enabled = !view.day.empty() && (!form.forcing || !form.pin.empty());
        if (touch_button(ui.tr(label), ImVec2(inner, button_height), kind, enabled)) {
            if (form.forcing) form.field = Field::pin;
            press = InputEvent::of_key(Key::enter);
        }
    }
    ImGui::PopFont();
    end_panel();
    end_body();

    if (press && intents.empty()) handle(form, view, *press, intents);

    const KeyHint status_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr(view.blockers.empty() ? "hint.close_day" : "hint.force_day")},
        {InputEvent::of_key(Key::f5), "F5", ui.tr("hint.refresh")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    const KeyHint force_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.next_or_sign")},
        {InputEvent::of_key(Key::tab), "Tab", ui.tr("hint.switch_field")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    const KeyHint closed_hints[] = {
        {InputEvent::of_key(Key::down), "↑↓", ui.tr("hint.scroll")},
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.back")},
        {InputEvent::of_key(Key::f4), "F4", ui.tr("hint.print")},
    };
    std::span<const KeyHint> shown = form.closed    ? std::span<const KeyHint>(closed_hints)
                                     : form.forcing ? std::span<const KeyHint>(force_hints)
                                                    : std::span<const KeyHint>(status_hints);
    if (form.closed && !form.can_print) shown = shown.first(shown.size() - 1);
    if (auto tapped = key_hints(ui, shown)) input.push_front(*tapped);
}

}  // namespace pos::ui
