// 交班, step 1: the blind count (盲交). The cashier counts the drawer by denomination and types
// the card batch and mobile totals; the live total is theirs, the expected amounts stay hidden
// until the count is submitted. Enter moves down the fields; on the last one it asks once more,
// because a submitted count is final.
#include <algorithm>
#include <cfloat>
#include <cmath>

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

// One denomination: its name, the count typed, and what that many are worth.
bool count_row(const Ui& ui, const std::string& label, const Entry& entry, bool active, core::Money worth, float width,
               float height) {
    ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImGui::PushID(label.c_str());
    bool tapped = ImGui::InvisibleButton("row", ImVec2(width, height));
    ImGui::PopID();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImFont* title = ui.fonts.title;
    ImFont* body = ui.fonts.body;
    if (active) draw->AddRectFilled(top_left, ImVec2(top_left.x + width, top_left.y + height), color::accent_soft, ui.px(6));
    float label_width = width * 0.28f;
    draw->AddText(title, title->FontSize, ImVec2(top_left.x + ui.px(10), top_left.y + (height - title->FontSize) * 0.5f),
                  color::text, label.c_str());
    // The box with the count.
    ImVec2 box_min(top_left.x + label_width, top_left.y + ui.px(4));
    ImVec2 box_max(box_min.x + width * 0.3f, top_left.y + height - ui.px(4));
    draw->AddRectFilled(box_min, box_max, color::panel, ui.px(6));
    draw->AddRect(box_min, box_max, active ? color::accent : color::border, ui.px(6), 0, active ? ui.px(2.5f) : ui.px(1.0f));
    const char* shown = entry.text.empty() ? "0" : entry.text.c_str();
    ImVec2 count_size = title->CalcTextSizeA(title->FontSize, FLT_MAX, 0, shown);
    float count_x = box_max.x - ui.px(12) - count_size.x;
    float text_y = top_left.y + (height - title->FontSize) * 0.5f;
    draw->AddText(title, title->FontSize, ImVec2(count_x, text_y), entry.text.empty() ? color::voided : color::text, shown);
    if (active) draw->AddRectFilled(ImVec2(box_max.x - ui.px(9), text_y + ui.px(2)), ImVec2(box_max.x - ui.px(6.5f), text_y + title->FontSize - ui.px(2)), color::accent);
    // × and the worth, right-aligned.
    draw->AddText(body, body->FontSize, ImVec2(box_max.x + ui.px(12), top_left.y + (height - body->FontSize) * 0.5f),
                  color::muted, ui.tr("count.pieces"));
    std::string money = money_text(worth);
    ImVec2 money_size = title->CalcTextSizeA(title->FontSize, FLT_MAX, 0, money.c_str());
    draw->AddText(title, title->FontSize, ImVec2(top_left.x + width - ui.px(10) - money_size.x, text_y),
                  worth.is_zero() ? color::voided : color::text, money.c_str());
    return tapped;
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
    float total_height = ui.fonts.big->FontSize + ui.px(12);
    float spacing = ImGui::GetStyle().ItemSpacing.y;
    float rows = static_cast<float>(view.denominations.size());
    float row_height = std::clamp((ImGui::GetContentRegionAvail().y - total_height - spacing) / rows - spacing, ui.px(36),
                                  ui.px(54));
    std::vector<int64_t> counts = form.counts();
    for (size_t i = 0; i < view.denominations.size() && i < form.notes.size(); ++i) {
        core::Money worth = core::Money::fen(counts[i] * view.denominations[i].in_fen());
        if (count_row(ui, denomination_text(ui.tr, view.denominations[i]), form.notes[i], form.field == i, worth, inner,
                      row_height)) {
            form.field = i;
            form.confirming = false;
        }
    }
    ImGui::Separator();
    text_colored(color::muted, ui.tr("count.cash_total"));
    ImGui::SameLine();
    ImGui::PushFont(ui.fonts.big);
    text_right(money_text(form.cash_total()).c_str(), ImGui::GetContentRegionMax().x);
    ImGui::PopFont();
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
