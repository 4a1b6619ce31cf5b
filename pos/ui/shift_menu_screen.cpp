// The shift menu (F12 on the sale screen): X report, pay-in, pay-out, cash pickup (抽大钞),
// no-sale, 交班, log out, then the supervisor's 日结 (F10), the manager's 经营日报 (F7) and 库存 (0).
// Digits pick an item at once (0 the tenth); ↑↓ and Enter pick the highlighted one. F6 puts the
// lane into 盘点/验收 (counting or checking a delivery by scanning); F8 the manager's 周报/月报.
#include <algorithm>
#include <array>

#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

struct Item {
    MenuItem item;
    const char* label;  // translation ids
    const char* hint;
};

constexpr std::array<Item, 10> items{{
    {MenuItem::x_report, "menu.x_report", "menu.x_report.hint"},
    {MenuItem::pay_in, "menu.pay_in", "menu.pay_in.hint"},
    {MenuItem::pay_out, "menu.pay_out", "menu.pay_out.hint"},
    {MenuItem::pickup, "menu.pickup", "menu.pickup.hint"},
    {MenuItem::no_sale, "menu.no_sale", "menu.no_sale.hint"},
    {MenuItem::close_shift, "menu.close_shift", "menu.close_shift.hint"},
    {MenuItem::logout, "menu.logout", "menu.logout.hint"},
    {MenuItem::end_of_day, "menu.end_of_day", "menu.end_of_day.hint"},
    {MenuItem::manager_report, "menu.manager_report", "menu.manager_report.hint"},
    {MenuItem::stock_desk, "menu.stock_desk", "menu.stock_desk.hint"},
}};

void choose(MenuItem item, Intents& intents) {
    switch (item) {
        case MenuItem::x_report: intents.push_back(intent::ShowXReport{}); break;
        case MenuItem::pay_in: intents.push_back(intent::OpenCash{CashKind::pay_in}); break;
        case MenuItem::pay_out: intents.push_back(intent::OpenCash{CashKind::pay_out}); break;
        case MenuItem::pickup: intents.push_back(intent::OpenCash{CashKind::pickup}); break;
        case MenuItem::no_sale: intents.push_back(intent::OpenCash{CashKind::no_sale}); break;
        case MenuItem::close_shift: intents.push_back(intent::StartClose{}); break;
        case MenuItem::logout: intents.push_back(intent::Logout{}); break;
        case MenuItem::end_of_day: intents.push_back(intent::OpenEndOfDay{}); break;
        case MenuItem::manager_report: intents.push_back(intent::OpenManagerReport{}); break;
        case MenuItem::stock_desk: intents.push_back(intent::OpenStockDesk{}); break;
    }
}

bool handle(ShiftMenuForm& form, InputEvent event, Intents& intents) {
    int last = static_cast<int>(items.size()) - 1;
    if (event.is_char()) {
        if (event.ch >= U'0' && event.ch <= U'9') {
            form.selected = event.ch == U'0' ? 9 : static_cast<int>(event.ch - U'1');
            choose(items[static_cast<size_t>(form.selected)].item, intents);
            return true;
        }
        return false;
    }
    switch (event.key) {
        case Key::up: form.selected = std::max(0, form.selected - 1); return false;
        case Key::down: form.selected = std::min(last, form.selected + 1); return false;
        case Key::enter:
            choose(items[static_cast<size_t>(std::clamp(form.selected, 0, last))].item, intents);
            return true;
        case Key::f11: choose(MenuItem::pay_in, intents); return true;
        case Key::f5: choose(MenuItem::no_sale, intents); return true;
        case Key::f10: choose(MenuItem::end_of_day, intents); return true;
        case Key::f7: choose(MenuItem::manager_report, intents); return true;
        case Key::f6: intents.push_back(intent::OpenStockScan{}); return true;
        case Key::f8: intents.push_back(intent::OpenPeriodReport{}); return true;
        case Key::home: choose(MenuItem::logout, intents); return true;
        case Key::escape:
        case Key::f12: intents.push_back(intent::Leave{}); return true;
        default: return false;
    }
}

}  // namespace

void draw_shift_menu(ShiftMenuForm& form, const ShiftMenuView& view, InputQueue& input, Intents& intents,
                     const Ui& ui) {
    while (auto event = input.next()) {
        if (handle(form, *event, intents)) break;
    }

    begin_body(ui);
    float pad = ui.px(28);
    float gap = ui.px(size::gap);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 card(std::min(ui.px(760), avail.x - ui.px(16)), avail.y - ui.px(16));
    center_block(card);
    begin_panel("##menu", card, pad);
    float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.tr("menu.title"));
    ImGui::PopFont();
    text_colored(color::muted, ui.tr.format("menu.subtitle", view.operator_name, view.shift_opened).c_str());
    ImGui::Dummy(ImVec2(0, gap));

    std::optional<InputEvent> press;
    float notice_height = ui.px(60);
    float spacing = ImGui::GetStyle().ItemSpacing.y;
    float row_height =
        std::clamp((ImGui::GetContentRegionAvail().y - notice_height) / static_cast<float>(items.size()) - spacing,
                   ui.px(44), ui.px(size::button));
    ImFont* font = ui.fonts.title;
    for (size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        bool selected = static_cast<int>(i) == form.selected;
        // Drawer moves and 交班 wait for the open sale; shown, but greyed, so the cashier knows where they are.
        bool waits = view.sale_open && (item.item == MenuItem::pay_in || item.item == MenuItem::pay_out ||
                                        item.item == MenuItem::pickup || item.item == MenuItem::no_sale ||
                                        item.item == MenuItem::close_shift);
        ImGui::PushID(static_cast<int>(i));
        ImVec2 top_left = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("item", ImVec2(width, row_height)))
            press = InputEvent::of_char(i == 9 ? U'0' : U'1' + static_cast<char32_t>(i));
        bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        ImVec2 bottom_right(top_left.x + width, top_left.y + row_height);
        draw->AddRectFilled(top_left, bottom_right,
                            selected ? color::accent_soft : (hovered ? color::info_soft : color::panel), ui.px(8));
        draw->AddRect(top_left, bottom_right, selected ? color::accent : color::border, ui.px(8), 0,
                      selected ? ui.px(2.0f) : ui.px(1.0f));
        float cap = row_height - ui.px(16);
        ImVec2 cap_min(top_left.x + ui.px(8), top_left.y + ui.px(8));
        draw->AddRectFilled(cap_min, ImVec2(cap_min.x + cap, cap_min.y + cap), color::bar, ui.px(6));
        std::string digit = std::to_string((i + 1) % 10);
        ImVec2 digit_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, digit.c_str());
        draw->AddText(font, font->FontSize,
                      ImVec2(cap_min.x + (cap - digit_size.x) * 0.5f, cap_min.y + (cap - digit_size.y) * 0.5f),
                      color::bar_text, digit.c_str());
        float text_x = cap_min.x + cap + ui.px(16);
        draw->AddText(font, font->FontSize, ImVec2(text_x, top_left.y + (row_height - font->FontSize) * 0.5f),
                      waits ? color::voided : color::text, ui.tr(item.label));
        const char* hint = waits ? ui.tr("menu.waits_for_sale") : ui.tr(item.hint);
        ImFont* body = ui.fonts.body;
        ImVec2 hint_size = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, hint);
        draw->AddText(
            body, body->FontSize,
            ImVec2(top_left.x + width - hint_size.x - ui.px(16), top_left.y + (row_height - body->FontSize) * 0.5f),
            color::muted, hint);
    }
    notice_box(ui, form.notice, width, 0);
    end_panel();
    end_body();

    if (press) handle(form, *press, intents);

    const KeyHint hints[] = {
        {InputEvent::of_key(Key::enter), "0-9 Enter", ui.tr("hint.choose")},
        {InputEvent::of_key(Key::f11), "F11", ui.tr("hint.pay_in_out")},
        {InputEvent::of_key(Key::f5), "F5", ui.tr("hint.no_sale")},
        {InputEvent::of_key(Key::f10), "F10", ui.tr("hint.end_of_day")},
        {InputEvent::of_key(Key::f7), "F7", ui.tr("hint.manager_report")},
        {InputEvent::of_key(Key::f6), "F6", ui.tr("hint.stock_scan")},
        {InputEvent::of_key(Key::f8), "F8", ui.tr("hint.period_report")},
        {InputEvent::of_key(Key::home), "Home", ui.tr("hint.lock")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.back")},
    };
    if (auto tapped = key_hints(ui, hints)) input.push_front(*tapped);
}

}  // namespace pos::ui
