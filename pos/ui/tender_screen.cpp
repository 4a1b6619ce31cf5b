// Payment: the amount due, cash (typed, exact or a banknote), bank card, mobile or the member's
// account; split tender: an amount typed before F3/F4/F5 pays that part, the rest is due (big)
// and cash finishes. Once paid, the change and receipt number, big, until the next first scan.
#include <algorithm>

#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

using core::TenderMethod;

// Card, mobile or account: with an amount typed, that part of a split tender; without, what is due
// (an account: as much as its credit allows).
bool non_cash(TenderForm& form, TenderMethod method, Intents& intents) {
    bool part = !form.amount.empty();
    intents.push_back(intent::Tender{method, form.amount.text, part});
    form.amount.clear();
    return true;
}

// F4: with payment codes set up, the code screen (an amount typed: that part of a split tender);
// without, the mobile payment is only recorded, as before payment codes (docs/decisions.md).
bool mobile(TenderForm& form, const TenderView& view, Intents& intents) {
    if (!view.payment_codes) return non_cash(form, TenderMethod::mobile, intents);
    intents.push_back(intent::OpenPayCode{form.amount.text});
    form.amount.clear();
    return true;
}

bool handle_paying(TenderForm& form, const TenderView& view, InputEvent event, Intents& intents) {
    if (event.is_char()) {
        form.amount.type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: form.amount.backspace(); return false;
        case Key::escape: intents.push_back(intent::BackToSale{}); return true;
        case Key::enter: intents.push_back(intent::Tender{TenderMethod::cash, form.amount.text}); return true;
        case Key::f3: return non_cash(form, TenderMethod::card, intents);
        case Key::f4: return mobile(form, view, intents);
        case Key::f5: return non_cash(form, TenderMethod::account, intents);
        default: return false;
    }
}

bool handle_done(TenderForm& form, InputEvent event, Intents& intents) {
    if (event.is_char()) {
        form.next_code.type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::backspace: form.next_code.backspace(); return false;
        case Key::escape: intents.push_back(intent::BackToSale{}); return true;
        case Key::f4: intents.push_back(intent::Reprint{}); return true;  // the receipt just paid, again
        case Key::enter:
            if (form.next_code.empty()) {
                intents.push_back(intent::BackToSale{});
            } else {
                intents.push_back(intent::Scan{form.next_code.text, {}});
                form.next_code.clear();
            }
            return true;
        default: return false;
    }
}

const char* method_text(const Strings& tr, TenderMethod method) {
    switch (method) {
        case TenderMethod::cash: return tr("tender.method.cash");
        case TenderMethod::card: return tr("tender.method.card");
        case TenderMethod::mobile: return tr("tender.method.mobile");
        case TenderMethod::account: return tr("tender.method.account");
        case TenderMethod::wechat: return tr("tender.method.wechat");
        case TenderMethod::alipay: return tr("tender.method.alipay");
        case TenderMethod::unionpay: return tr("tender.method.unionpay");
    }
    return "";
}

// A label on the left and a value on the right of one line.
void label_value(const char* label, const std::string& value, float right) {
    text_colored(color::muted, label);
    ImGui::SameLine();
    text_right(value.c_str(), right);
}

void draw_done(TenderForm& form, const Ui& ui, InputQueue& input, Intents& intents) {
    const CompletedSale& sale = *form.done;
    begin_body(ui);
    float pad = ui.px(32);
    float gap = ui.px(size::gap);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 card(std::min(ui.px(640), avail.x - ui.px(16)), std::min(ui.px(600), avail.y - ui.px(16)));
    center_block(card);
    begin_panel("##done", card, pad);
    float right = ImGui::GetContentRegionMax().x;
    ImGui::PushFont(ui.fonts.title);
    text_colored(color::success_text, ui.tr("done.title"));
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, gap));
    // Cash: the change to hand back, big. Card, mobile and payment codes give none: the amount taken instead.
    bool cash = sale.method == TenderMethod::cash;
    std::string paid_label = ui.tr.format("done.paid", method_text(ui.tr, sale.method));
    text_colored(color::muted, cash ? ui.tr("done.change") : paid_label.c_str());
    ImGui::PushFont(ui.fonts.big);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::success_text));
    text_right(money_text(cash ? sale.change : sale.paid).c_str(), right);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::Separator();
    ImGui::PushFont(ui.fonts.title);
    label_value(ui.tr("done.total"), money_text(sale.total), right);
    label_value(paid_label.c_str(), money_text(sale.paid), right);
    label_value(ui.tr("done.receipt"), std::to_string(sale.receipt_no), right);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, gap));
    float width = right - ImGui::GetCursorPosX();
    entry_field(ui, "next", ui.tr("done.next"), form.next_code, true, false, width);
    float button_height = ui.px(size::button);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, card.y - pad - button_height));
    ImGui::PushFont(ui.fonts.title);
    bool next = touch_button(ui.tr("done.new_sale"), ImVec2(width, button_height), ButtonKind::primary);
    ImGui::PopFont();
    end_panel();
    end_body();

    if (next) handle_done(form, InputEvent::of_key(Key::enter), intents);
    const KeyHint hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.new_sale")},
    };
    if (auto tapped = key_hints(ui, hints)) input.push_front(*tapped);
}

}  // namespace

void draw_tender(TenderForm& form, const TenderView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    while (auto event = input.next()) {
        if (form.done ? handle_done(form, *event, intents) : handle_paying(form, view, *event, intents)) break;
    }
    if (form.done) {
        draw_done(form, ui, input, intents);
        return;
    }

    begin_body(ui);
    float gap = ui.px(size::gap);
    float pad = ui.px(20);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float column = (avail.x - 2 * gap) / 3;
    std::optional<InputEvent> press;

    // [SECTION] What is due
    begin_panel("##due", ImVec2(column, avail.y), pad);
    float right = ImGui::GetContentRegionMax().x;
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("tender.title"));
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, gap));
    // After part of a split tender: what is still to pay, big, and what was taken.
    text_colored(color::muted, ui.tr(view.taken.empty() ? "tender.due" : "tender.remaining_due"));
    ImGui::PushFont(ui.fonts.big);
    text_right(money_text(view.due_cash).c_str(), right);
    ImGui::PopFont();
    ImGui::Separator();
    ImGui::Dummy(ImVec2(0, gap));
    if (!view.taken.empty()) {
        text_colored(color::muted, ui.tr("tender.taken"));
        for (const auto& [method, amount] : view.taken)
            label_value(method_text(ui.tr, method), money_text(amount), right);
        ImGui::Separator();
    }
    if (!view.member.empty()) {
        ImGui::TextUnformatted(ui.tr.format("tender.member", view.member).c_str());
        label_value(ui.tr("tender.available"), money_text(view.member_available), right);
        ImGui::Separator();
    }
    label_value(ui.tr("tender.items"), view.item_count, right);
    if (!view.rounding.is_zero()) {
        label_value(ui.tr("tender.subtotal"), money_text(view.due_exact), right);
        label_value(ui.tr("tender.rounding"), money_text(view.rounding), right);
        label_value(ui.tr("tender.due_noncash"), money_text(view.due_exact), right);
    }
    end_panel();

    // [SECTION] Cash typed on the keyboard or the pad
    ImGui::SameLine(0, gap);
    begin_panel("##cash", ImVec2(column, avail.y), pad);
    float inner = ImGui::GetContentRegionAvail().x;
    entry_field(ui, "amount", ui.tr("tender.cash_received"), form.amount, true, false, inner);
    if (form.amount.empty()) text_colored(color::muted, ui.tr("tender.cash_hint"));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    text_colored(color::muted, ui.tr("tender.split_hint"));
    ImGui::PopTextWrapPos();
    notice_box(ui, form.notice, inner, 0);
    ImGui::Dummy(ImVec2(0, gap));
    float pad_top = ImGui::GetCursorPosY();
    float cell_height = std::clamp((avail.y - pad_top - pad - 3 * gap) / 4, ui.px(48), ui.px(84));
    if (auto key = number_pad(ui, "pad", true, ImVec2((inner - 2 * gap) / 3, cell_height))) press = key;
    end_panel();

    // [SECTION] Tender buttons
    ImGui::SameLine(0, gap);
    begin_panel("##methods", ImVec2(column, avail.y), pad);
    inner = ImGui::GetContentRegionAvail().x;
    float button_height = ui.px(size::button);
    text_colored(color::muted, ui.tr("tender.quick_cash"));
    float half = (inner - gap) * 0.5f;
    ImGui::PushFont(ui.fonts.title);
    std::string exact = ui.tr.format("tender.exact", money_text(view.due_cash));
    if (touch_button(exact.c_str(), ImVec2(inner, button_height)))
        intents.push_back(intent::Tender{TenderMethod::cash, {}});
    for (size_t i = 0; i < view.quick_cash.size(); ++i) {
        if (i % 2 == 1) ImGui::SameLine();
        std::string label = money_text(view.quick_cash[i]) + "##note" + std::to_string(i);
        if (touch_button(label.c_str(), ImVec2(half, button_height))) {
            intents.push_back(intent::Tender{TenderMethod::cash, view.quick_cash[i].to_string()});
        }
    }
    ImGui::Dummy(ImVec2(0, gap));
    if (touch_button(ui.tr("tender.cash"), ImVec2(inner, button_height * 1.2f), ButtonKind::pay)) {
        press = InputEvent::of_key(Key::enter);
    }
    if (touch_button(ui.tr("tender.card"), ImVec2(inner, button_height), ButtonKind::primary))
        press = InputEvent::of_key(Key::f3);
    if (touch_button(ui.tr("tender.mobile"), ImVec2(inner, button_height), ButtonKind::primary)) {
        press = InputEvent::of_key(Key::f4);
    }
    if (touch_button(ui.tr("tender.account"), ImVec2(inner, button_height), ButtonKind::primary)) {
        press = InputEvent::of_key(Key::f5);
    }
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, avail.y - pad - button_height));
    if (touch_button(ui.tr("tender.back"), ImVec2(inner, button_height))) press = InputEvent::of_key(Key::escape);
    ImGui::PopFont();
    end_panel();
    end_body();

    if (press && intents.empty()) handle_paying(form, view, *press, intents);

    const KeyHint hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.cash")},
        {InputEvent::of_key(Key::f3), "F3", ui.tr("hint.card")},
        {InputEvent::of_key(Key::f4), "F4", ui.tr("hint.mobile")},
        {InputEvent::of_key(Key::f5), "F5", ui.tr("hint.account")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    if (auto tapped = key_hints(ui, hints)) input.push_front(*tapped);
}

}  // namespace pos::ui
