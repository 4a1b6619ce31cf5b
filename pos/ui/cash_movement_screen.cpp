// Drawer movements: pay-in, pay-out, cash pickup (抽大钞) and no-sale. Amount on the keypad, a
// reason picked from the common ones (↑↓ or a tap) or typed, and a supervisor's number and PIN
// once the lane asks for them (a pickup always does). Errors show in red under their field.
#include <algorithm>
#include <array>
#include <span>

#include "pos/ui/field_cycle.hpp"
#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

using Field = CashForm::Field;

// The common reasons per kind (translation ids): what cashiers pick most, to save typing.
std::span<const char* const> presets(CashKind kind) {
    static constexpr std::array<const char*, 3> pay_in{"reason.pay_in.change", "reason.pay_in.float",
                                                       "reason.pay_in.other"};
    static constexpr std::array<const char*, 3> pay_out{"reason.pay_out.supplies", "reason.pay_out.delivery",
                                                        "reason.pay_out.other"};
    static constexpr std::array<const char*, 2> pickup{"reason.pickup.safe", "reason.pickup.limit"};
    static constexpr std::array<const char*, 3> no_sale{"reason.no_sale.change", "reason.no_sale.check",
                                                        "reason.no_sale.correction"};
    switch (kind) {
        case CashKind::pay_in: return pay_in;
        case CashKind::pay_out: return pay_out;
        case CashKind::pickup: return pickup;
        case CashKind::no_sale: return no_sale;
    }
    return pay_in;
}

const char* title_of(CashKind kind) {
    switch (kind) {
        case CashKind::pay_in: return "cash.title.pay_in";
        case CashKind::pay_out: return "cash.title.pay_out";
        case CashKind::pickup: return "cash.title.pickup";
        case CashKind::no_sale: return "cash.title.no_sale";
    }
    return "cash.title.pay_in";
}

// The fields on screen, in Enter/Tab order.
std::vector<Field> fields_of(const CashForm& form) {
    std::vector<Field> fields;
    if (form.kind != CashKind::no_sale) fields.push_back(Field::amount);
    fields.push_back(Field::reason);
    if (form.needs_approval) {
        fields.push_back(Field::approver);
        fields.push_back(Field::pin);
    }
    return fields;
}

Entry& entry_of(CashForm& form, Field field) {
    switch (field) {
        case Field::amount: return form.amount;
        case Field::reason: return form.reason;
        case Field::approver: return form.approver;
        case Field::pin: return form.pin;
    }
    return form.reason;
}

void step_field(CashForm& form, int step) {
    std::vector<Field> fields = fields_of(form);
    form.field = cycle_field(form.field, std::span<const Field>(fields), step);
}

void pick_preset(CashForm& form, const Strings& tr, int index) {
    auto list = presets(form.kind);
    int count = static_cast<int>(list.size());
    form.preset = ((index % count) + count) % count;
    form.reason.text = tr(list[static_cast<size_t>(form.preset)]);
    form.reason.replace_on_type = false;
    form.field = Field::reason;
}

// Switches between pay-in, pay-out and pickup; what was typed for the other kind no longer applies.
void switch_kind(CashForm& form, CashKind kind) {
    if (form.kind == kind) return;
    CashForm fresh;
    fresh.kind = kind;
    fresh.amount = form.amount;
    fresh.back = form.back;
    fresh.needs_approval = kind == CashKind::pickup;
    fresh.field = Field::amount;
    form = fresh;
}

void record(const CashForm& form, Intents& intents) {
    intent::MoveCash move{form.kind, form.amount.text, form.reason.text, {}, {}};
    if (form.needs_approval) {
        move.approver = form.approver.text;
        move.pin = form.pin.text;
    }
    intents.push_back(std::move(move));
}

// Enter: an empty number field waits for its digits; otherwise on to the next field, and the
// last one records the movement. Whether a reason or a supervisor is needed is the lane's answer.
bool submit(CashForm& form, Intents& intents) {
    if (form.field != Field::reason && entry_of(form, form.field).empty()) return false;
    if (form.field != fields_of(form).back()) {
        step_field(form, +1);
        return false;
    }
    record(form, intents);
    return true;
}

bool handle(CashForm& form, InputEvent event, Intents& intents, const Strings& tr) {
    if (event.is_char()) {
        Entry& entry = entry_of(form, form.field);
        if (entry.type(event.ch) && form.field == Field::reason) form.preset = -1;
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
        case Key::f11:
            if (form.kind == CashKind::pay_in || form.kind == CashKind::pay_out) {
                switch_kind(form, form.kind == CashKind::pay_in ? CashKind::pay_out : CashKind::pay_in);
            }
            return false;
        case Key::enter: return submit(form, intents);
        case Key::escape: intents.push_back(intent::Leave{}); return true;
        default: return false;
    }
}

}  // namespace

void draw_cash_movement(CashForm& form, const CashView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, *event, intents, ui.tr)) break;
    }

    begin_body(ui);
    auto [card, pad, gap, column, pad_column, button_height] = begin_pad_card("##cash", ui);
    std::optional<InputEvent> press;  // from the pad
    std::optional<CashKind> tapped_kind;
    int tapped_preset = -1;

    ImGui::BeginGroup();
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr(title_of(form.kind)));
    ImGui::PopFont();
    // Pay-in, pay-out and pickup are one dialog with three tabs; no-sale has no amount.
    if (form.kind != CashKind::no_sale) {
        constexpr std::array<std::pair<CashKind, const char*>, 3> kinds{{{CashKind::pay_in, "cash.tab.pay_in"},
                                                                         {CashKind::pay_out, "cash.tab.pay_out"},
                                                                         {CashKind::pickup, "cash.tab.pickup"}}};
        float tab = (column - 2 * gap) / 3;
        for (size_t i = 0; i < kinds.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            bool current = kinds[i].first == form.kind;
            if (touch_button(ui.tr(kinds[i].second), ImVec2(tab, ui.px(44)),
                             current ? ButtonKind::primary : ButtonKind::plain)) {
                tapped_kind = kinds[i].first;
            }
        }
    }
    const char* hint = form.kind == CashKind::pay_out ? nullptr
                                                      : ui.tr(form.kind == CashKind::pay_in   ? "cash.hint.pay_in"
                                                              : form.kind == CashKind::pickup ? "cash.hint.pickup"
                                                                                              : "cash.hint.no_sale");
    std::string pay_out_hint = ui.tr.format("cash.hint.pay_out", money_text(view.pay_out_approval_above));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    text_colored(color::muted, hint ? hint : pay_out_hint.c_str());
    ImGui::PopTextWrapPos();

    auto notice_under = [&](Field field) {
        if (form.notice.shown() && form.notice_field == field) notice_box(ui, form.notice, column, 0);
    };
    if (form.kind != CashKind::no_sale) {
        if (entry_field(ui, "amount", ui.tr("cash.amount"), form.amount, form.field == Field::amount, false, column)) {
            form.field = Field::amount;
        }
        notice_under(Field::amount);
    }
    const char* reason_caption = form.kind == CashKind::pickup ? ui.tr("cash.reason_optional") : ui.tr("cash.reason");
    if (entry_field(ui, "reason", reason_caption, form.reason, form.field == Field::reason, false, column)) {
        form.field = Field::reason;
    }
    auto list = presets(form.kind);
    float chip = (column - gap * static_cast<float>(list.size() - 1)) / static_cast<float>(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        bool current = form.preset == static_cast<int>(i);
        if (touch_button(ui.tr(list[i]), ImVec2(chip, ui.px(40)), current ? ButtonKind::primary : ButtonKind::plain)) {
            tapped_preset = static_cast<int>(i);
        }
        ImGui::PopID();
    }
    notice_under(Field::reason);
    if (form.needs_approval) {
        float half = (column - gap) * 0.5f;
        ImGui::BeginGroup();
        if (entry_field(ui, "approver", ui.tr("cash.approver"), form.approver, form.field == Field::approver, false,
                        half)) {
            form.field = Field::approver;
        }
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::BeginGroup();
        if (entry_field(ui, "pin", ui.tr("cash.pin"), form.pin, form.field == Field::pin, true, half))
            form.field = Field::pin;
        ImGui::EndGroup();
        notice_under(Field::approver);
        notice_under(Field::pin);
    }
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + gap, card.y - pad - button_height));
    ImGui::PushFont(ui.fonts.title);
    float half = (column - gap) * 0.5f;
    bool confirm = touch_button(ui.tr("cash.confirm"), ImVec2(half, button_height), ButtonKind::primary);
    ImGui::SameLine();
    bool cancel = touch_button(ui.tr("cash.cancel"), ImVec2(half, button_height));
    ImGui::PopFont();
    ImGui::EndGroup();

    ImGui::SameLine(0, 4 * gap);
    ImGui::BeginGroup();
    float cell_height = std::min(ui.px(84), (card.y - 2 * pad - 3 * gap) / 4);
    bool decimal = form.field == Field::amount;
    if (auto key = number_pad(ui, "pad", decimal, ImVec2((pad_column - 2 * gap) / 3, cell_height))) press = key;
    // The pad's C clears the field it types into; only Cancel (or Esc) leaves.
    bool clear = press && press->is(Key::escape);
    ImGui::EndGroup();
    end_panel();
    end_body();

    if (clear) {
        entry_of(form, form.field).clear();
    } else if (press) {
        handle(form, *press, intents, ui.tr);
    }
    if (tapped_kind) switch_kind(form, *tapped_kind);
    if (tapped_preset >= 0) pick_preset(form, ui.tr, tapped_preset);
    if (intents.empty() && cancel) handle(form, InputEvent::of_key(Key::escape), intents, ui.tr);
    if (intents.empty() && confirm) record(form, intents);

    const KeyHint hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.next_or_confirm")},
        {InputEvent::of_key(Key::tab), "Tab", ui.tr("hint.switch_field")},
        {InputEvent::of_key(Key::down), "↑↓", ui.tr("hint.reason")},
        {InputEvent::of_key(Key::f11), "F11", ui.tr("hint.pay_in_out")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    if (auto tapped = key_hints(ui, hints)) input.push_front(*tapped);
}

}  // namespace pos::ui
