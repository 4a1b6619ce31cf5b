// 交班, step 1: the blind count (盲交). The cashier counts the drawer by denomination and types
// the card batch and mobile totals; the live total is theirs, the expected amounts stay hidden
// until the count is submitted. Enter moves down the fields; on the last one it asks once more,
// because a submitted count is final.
#include <algorithm>
#include <cmath>

#include "pos/ui/count_widget.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

bool handle(CountForm& form, InputEvent event, Intents& intents, const Strings& tr) {
    bool was_confirming = form.confirming;
    form.confirming = false;
    if (event.is_char()) {
        form.active().type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: form.active().backspace(); return false;
        case Key::tab:
        case Key::down: form.field = std::min(form.field + 1, form.mobile_field()); return false;
        case Key::up: form.field = form.field == 0 ? 0 : form.field - 1; return false;
        case Key::enter:
            if (form.field < form.mobile_field()) {
                ++form.field;
                return false;
            }
            if (!was_confirming) {
                form.confirming = true;
                form.notice = Notice{Tone::info, tr.format("count.confirm", money_text(form.cash_total())), {}};
                return false;
            }
            form.notice.clear();
            intents.push_back(intent::SubmitCount{form.counts(), form.card.text, form.mobile.text});
            return true;
        case Key::escape: intents.push_back(intent::Leave{}); return true;
        default: return false;
    }
}

}  // namespace

void draw_close_count(CountForm& form, const CountView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, *event, intents, ui.tr)) break;
    }

    begin_body(ui);
    float gap = ui.px(size::gap);
    float pad = ui.px(20);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float left_width = std::floor(avail.x * 0.56f);
    float right_width = avail.x - left_width - gap;
    std::optional<InputEvent> press;

    // [SECTION] Notes and coins
    begin_panel("##notes", ImVec2(left_width, avail.y), pad);
    float inner = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("count.title"));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    text_colored(color::muted, ui.tr("count.hint"));
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    if (auto tapped = denomination_rows(ui, view.denominations, form.notes, form.field)) {
        form.field = *tapped;
        form.confirming = false;
    }
    end_panel();

    // [SECTION] Non-cash totals, the pad, submit
    ImGui::SameLine(0, gap);
    begin_panel("##noncash", ImVec2(right_width, avail.y), pad);
    inner = ImGui::GetContentRegionAvail().x;
    float half = (inner - gap) * 0.5f;
    ImGui::BeginGroup();
    if (entry_field(ui, "card", ui.tr("count.card"), form.card, form.field == form.card_field(), false, half)) {
        form.field = form.card_field();
    }
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    if (entry_field(ui, "mobile", ui.tr("count.mobile"), form.mobile, form.field == form.mobile_field(), false, half)) {
        form.field = form.mobile_field();
    }
    ImGui::EndGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    text_colored(color::muted, ui.tr("count.noncash_hint"));
    ImGui::PopTextWrapPos();
    float notice_height = ui.px(70);
    notice_box(ui, form.notice, inner, notice_height);
    float button_height = ui.px(size::button);
    float pad_top = ImGui::GetCursorPosY();
    float cell_height = std::clamp((avail.y - pad_top - pad - button_height - 5 * gap) / 4, ui.px(40), ui.px(76));
    bool decimal = form.field >= form.card_field();
    if (auto key = number_pad(ui, "pad", decimal, ImVec2((inner - 2 * gap) / 3, cell_height))) press = key;
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, avail.y - pad - button_height));
    ImGui::PushFont(ui.fonts.title);
    bool submit = touch_button(ui.tr(form.confirming ? "count.submit_confirm" : "count.submit"),
                               ImVec2(inner * 0.64f, button_height), ButtonKind::pay);
    ImGui::SameLine();
    bool back = touch_button(ui.tr("count.back"), ImVec2(inner - inner * 0.64f - gap, button_height));
    ImGui::PopFont();
    end_panel();
    end_body();

    if (press && press->is(Key::escape)) {
        form.active().clear();  // the pad's C clears the field
    } else if (press) {
        handle(form, *press, intents, ui.tr);
    }
    if (intents.empty() && submit) {
        bool confirming = form.confirming;
        form.field = form.mobile_field();
        form.confirming = confirming;
        handle(form, InputEvent::of_key(Key::enter), intents, ui.tr);
    }
    if (intents.empty() && back) handle(form, InputEvent::of_key(Key::escape), intents, ui.tr);

    const KeyHint hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.next_or_submit")},
        {InputEvent::of_key(Key::down), "↑↓", ui.tr("hint.switch_field")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    if (auto tapped = key_hints(ui, hints)) input.push_front(*tapped);
}

}  // namespace pos::ui
