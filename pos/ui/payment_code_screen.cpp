// F4 扫码支付 with payment codes set up: the customer's code (scanned: the scanner types digits and
// Enter; or typed), shown masked only; then 等待顾客输入密码 with the provider, the masked code, the
// amount and the countdown while the worker drives the order (Esc cancels it); then, when it was
// not paid, the gateway's words and what to do. Also the start-up screen that settles the orders
// the last run left open before anyone sells.
#include <algorithm>
#include <string>
#include <vector>

#include "pos/core/payment_code.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

using Phase = PayCodeForm::Phase;

bool handle(PayCodeForm& form, InputEvent event, Intents& intents) {
    switch (form.phase) {
        case Phase::entry:
            if (event.is_char()) {
                form.code.type(event.ch);
                return false;
            }
            if (event.is(Key::backspace)) form.code.backspace();
            if (event.is(Key::escape)) {
                intents.push_back(intent::Leave{});
                return true;
            }
            if (event.is(Key::enter) && !form.code.empty()) {
                intents.push_back(intent::ChargeCode{form.code.text});
                form.code.clear();
                return true;
            }
            return false;
        case Phase::waiting:
            // Nothing else may change the ticket while the gateway holds an order for it.
            if (event.is(Key::escape) && !form.cancelling) {
                intents.push_back(intent::CancelPayment{});
                return true;
            }
            return false;
        case Phase::failed:
            if (event.is(Key::enter) || event.is(Key::escape)) {
                intents.push_back(intent::Leave{});
                return true;
            }
            return false;
        case Phase::unfinished:
            if (event.is(Key::enter)) {
                intents.push_back(intent::FinishPaidSale{});
                return true;
            }
            return false;
    }
    return false;
}

const char* provider_key(const std::string& provider) {
    if (provider == "wechat") return "tender.method.wechat";
    if (provider == "alipay") return "tender.method.alipay";
    if (provider == "unionpay") return "tender.method.unionpay";
    return "tender.method.mobile";
}

// The big line of the waiting screen: what the order is doing now.
const char* waiting_title(const PayCodeForm& form) {
    if (form.cancelling) return "paycode.cancelling";
    if (form.state == "unknown") return "paycode.querying";
    if (form.state == "paid") return "paycode.paid";
    return "paycode.waiting";
}

void label_value(const char* label, const std::string& value, float right) {
    text_colored(color::muted, label);
    ImGui::SameLine();
    text_right(value.c_str(), right);
}

void wrapped(ImU32 color, const char* text, float width) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    text_colored(color, text);
    ImGui::PopTextWrapPos();
}

// The masked form of what was typed so far: never the whole code on screen.
Entry masked(const Entry& code) {
    Entry shown = code;
    shown.text = core::mask_payment_code(code.text);
    return shown;
}

}  // namespace

void draw_payment_code(PayCodeForm& form, const TenderView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, *event, intents)) break;
    }
    begin_body(ui);
    float pad = ui.px(32);
    float gap = ui.px(size::gap);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 card(std::min(ui.px(680), avail.x - ui.px(16)), std::min(ui.px(600), avail.y - ui.px(16)));
    center_block(card);
    begin_panel("##paycode", card, pad);
    float right = ImGui::GetContentRegionMax().x;
    float width = right - ImGui::GetCursorPosX();
    ImGui::PushFont(ui.fonts.title);
    switch (form.phase) {
        case Phase::entry: text_colored(color::text, ui.tr("paycode.title")); break;
        case Phase::waiting: text_colored(color::accent, ui.tr(waiting_title(form))); break;
        case Phase::failed: text_colored(color::danger, ui.tr("paycode.not_paid")); break;
        case Phase::unfinished: text_colored(color::warning, ui.tr("paycode.unfinished")); break;
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, gap));

    if (form.phase == Phase::entry) {
        core::Money amount = view.due_exact;
        if (auto typed = core::Money::parse(form.amount_text); typed && !form.amount_text.empty()) amount = *typed;
        text_colored(color::muted, ui.tr(form.amount_text.empty() ? "paycode.amount" : "paycode.amount_part"));
        ImGui::PushFont(ui.fonts.big);
        text_right(money_text(amount).c_str(), right);
        ImGui::PopFont();
        ImGui::Separator();
        ImGui::Dummy(ImVec2(0, gap));
        entry_field(ui, "code", ui.tr("paycode.code"), masked(form.code), true, false, width);
        wrapped(color::muted, ui.tr("paycode.scan_hint"), width);
        notice_box(ui, form.notice, width, 0);
    } else {
        ImGui::PushFont(ui.fonts.title);
        label_value(ui.tr("paycode.provider"), ui.tr(provider_key(form.provider)), right);
        label_value(ui.tr("paycode.code"), form.masked_code, right);
        label_value(ui.tr("paycode.amount"), money_text(form.amount), right);
        ImGui::PopFont();
        ImGui::Separator();
        ImGui::Dummy(ImVec2(0, gap));
        if (form.phase == Phase::waiting) {
            if (!form.cancelling && form.state != "paid") {
                text_colored(color::muted, ui.tr("paycode.seconds_left"));
                ImGui::PushFont(ui.fonts.big);
                text_right(std::to_string(form.seconds_left).c_str(), right);
                ImGui::PopFont();
            }
            wrapped(color::muted, ui.tr(form.cancelling ? "paycode.cancel_wait" : "paycode.waiting_hint"), width);
            notice_box(ui, form.notice, width, 0);
        } else {
            notice_box(ui, form.notice, width, 0);
            ImGui::Dummy(ImVec2(0, gap));
            wrapped(color::text, ui.tr(form.phase == Phase::failed ? "paycode.what_next" : "paycode.retry_hint"),
                    width);
        }
    }
    end_panel();
    end_body();

    std::vector<KeyHint> hints;
    switch (form.phase) {
        case Phase::entry:
            hints = {{InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.charge_code")},
                     {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")}};
            break;
        case Phase::waiting:
            if (!form.cancelling) hints = {{InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.cancel_payment")}};
            break;
        case Phase::failed: hints = {{InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.back")}}; break;
        case Phase::unfinished: hints = {{InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.retry")}}; break;
    }
    if (auto tapped = key_hints(ui, hints)) input.push_front(*tapped);
}

void draw_payment_settle(const SettleView& view, const Ui& ui) {
    begin_body(ui);
    float pad = ui.px(32);
    float gap = ui.px(size::gap);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 card(std::min(ui.px(680), avail.x - ui.px(16)), std::min(ui.px(420), avail.y - ui.px(16)));
    center_block(card);
    begin_panel("##settle", card, pad);
    float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(ui.fonts.title);
    text_colored(color::accent, ui.tr("paycode.settling"));
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, gap));
    wrapped(color::muted, ui.tr("paycode.settling_why"), width);
    ImGui::Dummy(ImVec2(0, gap));
    if (!view.out_trade_no.empty()) {
        std::string order = ui.tr.format("paycode.settling_order", view.out_trade_no);
        text_colored(color::text, order.c_str());
    }
    if (view.unreachable || !view.problem.empty()) {
        Notice notice{Tone::error,
                      ui.tr(view.unreachable ? "paycode.gateway_unreachable" : "paycode.journal_unreadable"),
                      view.problem};
        notice_box(ui, notice, width, 0);
    }
    end_panel();
    end_body();
    (void)key_hints(ui, std::span<const KeyHint>{});
}

}  // namespace pos::ui
