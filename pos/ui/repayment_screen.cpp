// 会员还款 (F2 on an empty sale screen with nothing typed): the member's card or phone and Enter
// looks the member up; the amount (what is owed, by default); Enter takes it in cash, F3 by card,
// F4 by mobile. Once taken the slip prints; Enter or Esc goes back to selling.
#include <algorithm>

#include "pos/ui/field_cycle.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

using Field = RepayForm::Field;

Entry& entry_of(RepayForm& form) { return form.field == Field::member ? form.member : form.amount; }

bool pay(RepayForm& form, const MemberView& view, core::TenderMethod method, Intents& intents) {
    if (view.card.empty() || form.field != Field::amount) return false;
    intents.push_back(intent::PayAccount{view.card, form.amount.text, method});
    return true;
}

bool handle(RepayForm& form, const MemberView& view, InputEvent event, Intents& intents) {
    if (form.done) {
        if (event.is(Key::enter) || event.is(Key::escape)) {
            intents.push_back(intent::Leave{});
            return true;
        }
        return false;
    }
    if (view.card.empty()) form.field = Field::member;
    if (event.is_char()) {
        entry_of(form).type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: entry_of(form).backspace(); return false;
        case Key::tab:
        case Key::up:
        case Key::down:
            if (!view.card.empty()) form.field = cycle_field(form.field, {Field::member, Field::amount});
            return false;
        case Key::enter:
            if (form.field == Field::member) {
                if (form.member.empty()) return false;
                intents.push_back(intent::FindMember{form.member.text});
                return true;
            }
            return pay(form, view, core::TenderMethod::cash, intents);
        case Key::f3: return pay(form, view, core::TenderMethod::card, intents);
        case Key::f4: return pay(form, view, core::TenderMethod::mobile, intents);
        case Key::escape: intents.push_back(intent::Leave{}); return true;
        default: return false;
    }
}

// Name, card and phone, then limit, owed and available on one row.
void member_card(const MemberView& view, const Ui& ui, float width) {
    if (view.card.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        text_colored(color::muted, ui.tr("repay.none_yet"));
        ImGui::PopTextWrapPos();
        return;
    }
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(view.name.c_str());
    ImGui::PopFont();
    std::string ids = ui.tr.format("repay.ids", view.card, view.phone.empty() ? "-" : view.phone);
    text_colored(color::muted, ids.c_str());
    const std::pair<const char*, const std::string*> figures[] = {
        {"repay.limit", &view.limit}, {"repay.owed", &view.owed}, {"repay.available", &view.available}};
    float third = width / 3;
    float x = ImGui::GetCursorPosX();
    float y = ImGui::GetCursorPosY();
    for (size_t i = 0; i < 3; ++i) {
        ImGui::SetCursorPos(ImVec2(x + third * static_cast<float>(i), y));
        ImGui::BeginGroup();
        text_colored(color::muted, ui.tr(figures[i].first));
        ImGui::PushFont(ui.fonts.title);
        text_colored(i == 1 && view.owes ? color::danger : color::text, figures[i].second->c_str());
        ImGui::PopFont();
        ImGui::EndGroup();
    }
}

}  // namespace

void draw_repayment(RepayForm& form, const MemberView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, view, *event, intents)) break;
    }

    begin_body(ui);
    auto [card, pad, gap, column, pad_column, button_height] = begin_pad_card("##repay", ui);
    std::optional<InputEvent> press;
    bool found = !view.card.empty();

    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("repay.title"));
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    text_colored(color::muted, ui.tr(found ? "repay.hint_amount" : "repay.hint_member"));
    ImGui::PopTextWrapPos();
    if (entry_field(ui, "member", ui.tr("repay.member"), form.member, !form.done && form.field == Field::member, false,
                    column)) {
        form.field = Field::member;
    }
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    member_card(view, ui, column);
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    if (found) {
        if (entry_field(ui, "amount", ui.tr("repay.amount"), form.amount, !form.done && form.field == Field::amount,
                        false, column)) {
            form.field = Field::amount;
        }
    }
    notice_box(ui, form.notice, column, 0);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, card.y - pad - button_height));
    ImGui::PushFont(ui.fonts.title);
    bool can_pay = found && !form.done;
    float third = (column - 2 * gap) / 3;
    bool cash = touch_button(ui.tr("repay.cash"), ImVec2(third, button_height), ButtonKind::pay, can_pay);
    ImGui::SameLine();
    bool by_card = touch_button(ui.tr("repay.card"), ImVec2(third, button_height), ButtonKind::primary, can_pay);
    ImGui::SameLine();
    bool mobile = touch_button(ui.tr("repay.mobile"), ImVec2(third, button_height), ButtonKind::primary, can_pay);
    ImGui::PopFont();
    ImGui::EndGroup();

    ImGui::SameLine(0, 4 * gap);
    ImGui::BeginGroup();
    float cell_height = std::min(ui.px(84), (card.y - 2 * pad - 3 * gap) / 4);
    if (auto key =
            number_pad(ui, "pad", form.field == Field::amount, ImVec2((pad_column - 2 * gap) / 3, cell_height))) {
        press = key;
    }
    ImGui::EndGroup();
    end_panel();
    end_body();

    if (press && press->is(Key::escape)) {
        if (!form.done) entry_of(form).clear();  // the pad's C clears the field; Esc on the keyboard leaves
    } else if (press) {
        handle(form, view, *press, intents);
    }
    if (intents.empty() && (cash || by_card || mobile)) {
        form.field = Field::amount;
        pay(form, view,
            cash      ? core::TenderMethod::cash
            : by_card ? core::TenderMethod::card
                      : core::TenderMethod::mobile,
            intents);
    }

    const KeyHint member_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.find_member")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    const KeyHint pay_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.cash")},
        {InputEvent::of_key(Key::f3), "F3", ui.tr("hint.card")},
        {InputEvent::of_key(Key::f4), "F4", ui.tr("hint.mobile")},
        {InputEvent::of_key(Key::tab), "Tab", ui.tr("hint.switch_field")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    const KeyHint done_hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.back_to_sale")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    std::optional<InputEvent> tapped;
    if (form.done)
        tapped = key_hints(ui, done_hints);
    else if (found && form.field == Field::amount)
        tapped = key_hints(ui, pay_hints);
    else
        tapped = key_hints(ui, member_hints);
    if (tapped) input.push_front(*tapped);
}

}  // namespace pos::ui
