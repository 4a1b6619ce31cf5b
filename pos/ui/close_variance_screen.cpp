// 交班, step 2: expected vs counted per tender, the variance, over (长款) or short (短款). When the
// lane wants it, a reason and a supervisor's sign-off; once the lane has closed the shift, Enter
// shows the Z report.
#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <span>

#include "pos/ui/field_cycle.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

using Field = VarianceForm::Field;

constexpr std::array<const char*, 4> reasons{"reason.variance.change", "reason.variance.unrecorded",
                                             "reason.variance.card", "reason.variance.recount"};

Entry& entry_of(VarianceForm& form, Field field) {
    switch (field) {
        case Field::reason: return form.reason;
        case Field::approver: return form.approver;
        case Field::pin: return form.pin;
    }
    return form.reason;
}

void step_field(VarianceForm& form, int step) {
    form.field = cycle_field(form.field, {Field::reason, Field::approver, Field::pin}, step);
}

void pick_preset(VarianceForm& form, const Strings& tr, int index) {
    int count = static_cast<int>(reasons.size());
    form.preset = ((index % count) + count) % count;
    form.reason.text = tr(reasons[static_cast<size_t>(form.preset)]);
    form.field = Field::reason;
}

void record(const VarianceForm& form, Intents& intents) {
    intents.push_back(intent::SignOff{form.reason.text, form.approver.text, form.pin.text});
}

bool handle_closed(InputEvent event, Intents& intents) {
    if (event.is(Key::enter) || event.is(Key::escape)) {
        intents.push_back(intent::ShowZReport{});
        return true;
    }
    return false;
}

bool handle_signoff(VarianceForm& form, InputEvent event, Intents& intents, const Strings& tr) {
    if (event.is_char()) {
        if (form.needs_signoff && entry_of(form, form.field).type(event.ch) && form.field == Field::reason)
            form.preset = -1;
        return false;
    }
    switch (event.key) {
        case Key::backspace:
            entry_of(form, form.field).backspace();
            if (form.field == Field::reason) form.preset = -1;
            return false;
        case Key::tab: step_field(form, +1); return false;
        case Key::up:
        case Key::down:
            if (form.field == Field::reason) {
                int step = event.key == Key::down ? 1 : -1;
                pick_preset(form, tr, form.preset < 0 ? (step > 0 ? 0 : -1) : form.preset + step);
            } else {
                step_field(form, event.key == Key::down ? 1 : -1);
            }
            return false;
        case Key::enter:
            if (!form.needs_signoff) return false;
            if (entry_of(form, form.field).empty()) return false;
            if (form.field != Field::pin) {
                step_field(form, +1);
                return false;
            }
            record(form, intents);
            return true;
        case Key::escape: intents.push_back(intent::Leave{}); return true;
        default: return false;
    }
}

const char* tender_text(const Strings& tr, core::TenderMethod method) {
    switch (method) {
        case core::TenderMethod::cash: return tr("close.tender.cash");
        case core::TenderMethod::card: return tr("close.tender.card");
        case core::TenderMethod::mobile: return tr("close.tender.mobile");
        case core::TenderMethod::account: return tr("close.tender.account");
        case core::TenderMethod::wechat: return tr("tender.method.wechat");
        case core::TenderMethod::alipay: return tr("tender.method.alipay");
        case core::TenderMethod::unionpay: return tr("tender.method.unionpay");
    }
    return "";
}

// Over (长款) amber, short (短款) red, balanced green: the colour and the word for a variance.
std::pair<ImU32, const char*> verdict(const Strings& tr, core::Money variance) {
    if (variance > core::Money{}) return {color::warning, tr("close.over")};
    if (variance.is_negative()) return {color::danger, tr("close.short")};
    return {color::success_text, tr("close.balanced")};
}

void draw_table(const VarianceForm& form, const Ui& ui) {
    constexpr ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##variance", 5, flags)) return;
    ImGui::TableSetupColumn(ui.tr("close.col.tender"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(ui.tr("close.col.expected"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(ui.tr("close.col.counted"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(ui.tr("close.col.variance"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(ui.tr("close.col.verdict"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ui.px(34));
    for (int column = 0; column < 5; ++column) {
        ImGui::TableSetColumnIndex(column);
        const char* name = ImGui::TableGetColumnName(column);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::muted));
        if (column >= 1 && column <= 3) {
            text_right(name, ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x);
        } else {
            ImGui::TextUnformatted(name);
        }
        ImGui::PopStyleColor();
    }
    ImGui::PushFont(ui.fonts.title);
    for (const core::TenderVariance& row : form.rows) {
        ImGui::TableNextRow(0, ui.px(52));
        auto [colour, word] = verdict(ui.tr, row.variance);
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(tender_text(ui.tr, row.method));
        const std::string cells[] = {money_text(row.expected), money_text(row.counted),
                                     signed_money_text(row.variance)};
        for (int column = 1; column <= 3; ++column) {
            ImGui::TableSetColumnIndex(column);
            float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
            if (column == 3) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
                text_right(cells[column - 1].c_str(), right);
                ImGui::PopStyleColor();
            } else {
                text_right(cells[column - 1].c_str(), right);
            }
        }
        ImGui::TableSetColumnIndex(4);
        text_colored(colour, word);
    }
    ImGui::PopFont();
    ImGui::EndTable();
}

}  // namespace

void draw_close_variance(VarianceForm& form, InputQueue& input, Intents& intents, const Ui& ui) {
    while (auto event = input.next()) {
        if (form.closed ? handle_closed(*event, intents) : handle_signoff(form, *event, intents, ui.tr)) break;
    }

    begin_body(ui);
    float gap = ui.px(size::gap);
    float pad = ui.px(24);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    bool signoff = form.needs_signoff && !form.closed;
    float left_width = signoff ? std::floor(avail.x * 0.58f) : avail.x;
    float button_height = ui.px(size::button);
    std::optional<InputEvent> press;
    bool leave = false;

    // [SECTION] Expected vs counted
    begin_panel("##result", ImVec2(left_width, avail.y), pad);
    float inner = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("close.title"));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    text_colored(color::muted, ui.tr("close.hint"));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, gap));
    draw_table(form, ui);
    ImGui::Dummy(ImVec2(0, gap));
    // The largest difference, whichever its direction: what the sign-off threshold is compared with.
    ImU32 largest_colour = form.largest.is_zero() ? color::success_text
                           : form.needs_signoff   ? color::danger
                                                  : color::warning;
    text_colored(color::muted, ui.tr("close.largest"));
    ImGui::PushFont(ui.fonts.big);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(largest_colour));
    text_right(money_text(form.largest).c_str(), ImGui::GetContentRegionMax().x);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    // What the lane asked for (a reason, a sign-off) reads beside the figures; PIN errors go under the PIN.
    bool notice_left = !signoff || form.notice_field == Field::reason;
    if (form.closed) {
        Notice closed{Tone::success, ui.tr("close.closed"), {}};
        notice_box(ui, closed, inner, 0);
    } else if (notice_left) {
        notice_box(ui, form.notice, inner, 0);
    }
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, avail.y - pad - button_height));
    ImGui::PushFont(ui.fonts.title);
    if (form.closed) {
        if (touch_button(ui.tr("close.show_z"), ImVec2(inner, button_height), ButtonKind::primary)) {
            press = InputEvent::of_key(Key::enter);
        }
    } else {
        leave = touch_button(ui.tr("close.later"), ImVec2(inner, button_height));
    }
    ImGui::PopFont();
    end_panel();

    // [SECTION] Reason and sign-off, when the lane asks for them
    bool sign = false;
    int tapped_preset = -1;
    if (signoff) {
        ImGui::SameLine(0, gap);
        float right_width = avail.x - left_width - gap;
        begin_panel("##signoff", ImVec2(right_width, avail.y), pad);
        inner = ImGui::GetContentRegionAvail().x;
        ImGui::PushFont(ui.fonts.title);
        ImGui::TextUnformatted(ui.tr("close.signoff_title"));
        ImGui::PopFont();
        if (entry_field(ui, "reason", ui.tr("close.reason"), form.reason, form.field == Field::reason, false, inner)) {
            form.field = Field::reason;
        }
        float chip = (inner - gap) * 0.5f;
        for (size_t i = 0; i < reasons.size(); ++i) {
            if (i % 2 == 1) ImGui::SameLine();
            ImGui::PushID(static_cast<int>(i));
            if (touch_button(ui.tr(reasons[i]), ImVec2(chip, ui.px(40)),
                             form.preset == static_cast<int>(i) ? ButtonKind::primary : ButtonKind::plain)) {
                tapped_preset = static_cast<int>(i);
            }
            ImGui::PopID();
        }
        float half = (inner - gap) * 0.5f;
        ImGui::BeginGroup();
        if (entry_field(ui, "approver", ui.tr("close.approver"), form.approver, form.field == Field::approver, false,
                        half)) {
            form.field = Field::approver;
        }
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        if (entry_field(ui, "pin", ui.tr("close.pin"), form.pin, form.field == Field::pin, true, half))
            form.field = Field::pin;
        ImGui::EndGroup();
        if (form.notice.shown() && !notice_left) notice_box(ui, form.notice, inner, 0);
        // The pad takes what is left above the sign button.
        float spacing = ImGui::GetStyle().ItemSpacing.y;
        float pad_top = ImGui::GetCursorPosY();
        float cell_height =
            std::clamp((avail.y - pad_top - pad - button_height - gap - 4 * spacing) / 4, ui.px(28), ui.px(64));
        if (auto key = number_pad(ui, "pad", false, ImVec2((inner - 2 * gap) / 3, cell_height))) press = key;
        ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, avail.y - pad - button_height));
        ImGui::PushFont(ui.fonts.title);
        sign = touch_button(ui.tr("close.sign"), ImVec2(inner, button_height), ButtonKind::danger);
        ImGui::PopFont();
        end_panel();
    }
    end_body();

    if (press && press->is(Key::escape) && !form.closed) {
        entry_of(form, form.field).clear();  // the pad's C clears the field
    } else if (press) {
        if (form.closed) {
            handle_closed(*press, intents);
        } else {
            handle_signoff(form, *press, intents, ui.tr);
        }
    }
    if (tapped_preset >= 0) pick_preset(form, ui.tr, tapped_preset);
    if (intents.empty() && sign) record(form, intents);
    if (intents.empty() && leave) intents.push_back(intent::Leave{});

    const KeyHint closed_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.z_report")},
    };
    const KeyHint signoff_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.next_or_sign")},
        {InputEvent::of_key(Key::tab), "Tab", ui.tr("hint.switch_field")},
        {InputEvent::of_key(Key::down), "↑↓", ui.tr("hint.reason")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.later")},
    };
    std::optional<InputEvent> tapped = form.closed ? key_hints(ui, closed_hints) : key_hints(ui, signoff_hints);
    if (tapped) input.push_front(*tapped);
}

}  // namespace pos::ui
