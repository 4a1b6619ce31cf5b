// The sale screen: ticket lines, running total, and the scan field that always takes the keyboard.
//
// Keys (also on screen): digits + Enter = scan or key a code; Enter on an empty field = pay;
// `3*` Enter = the selected line's quantity becomes 3 (the selection follows the last changed
// line; Up/Down or a tap moves it); `3*CODE` Enter = sell 3 of CODE, `0.350*PLU` Enter = a
// weighed item by PLU; Delete = void the selected line (supervisor); Esc = clear; F12 = shift
// menu; F11 = pay-in/out; F5 = no-sale (drawer); F4 = reprint the last receipt; Home = lock (log out, the shift stays open);
// F6 = 挂单 with items, 取单 on an empty ticket (a list when several are held); F8 = item lookup;
// `/` = change the selected line's price (supervisor); F9 = 退货 (returns).
#include <algorithm>

#include "pos/ui/screens.hpp"

namespace pos::ui {
namespace {

Notice info(std::string text) { return Notice{Tone::info, std::move(text), {}}; }

// The line `*` and Delete act on: the selected one, else the last one.
int target_line(const SaleForm& form, const SaleView& view) {
    if (form.selected_line >= 1 && form.selected_line <= static_cast<int>(view.lines.size())) return form.selected_line;
    return view.lines.empty() ? 0 : view.lines.back().number;
}

void move_selection(SaleForm& form, const SaleView& view, int step) {
    if (view.lines.empty()) return;
    int last = static_cast<int>(view.lines.size());
    int from = form.selected_line >= 1 && form.selected_line <= last ? form.selected_line : last + (step > 0 ? 0 : 1);
    form.selected_line = std::clamp(from + step, 1, last);
    form.scroll_to_selected = true;
}

// Enter on the field: "CODE" scans, "QTY*CODE" scans with that quantity (pieces, or kg for
// a weighed item keyed by PLU), "QTY*" sets the selected line's quantity, empty goes to pay.
bool submit(SaleForm& form, const SaleView& view, Intents& intents, const Strings& tr) {
    const std::string& text = form.input.text;
    if (text.empty()) {
        intents.push_back(intent::GoToTender{});
        return true;
    }
    size_t star = text.find('*');
    if (star == std::string::npos) {
        intents.push_back(intent::Scan{text, {}});
    } else if (star + 1 < text.size()) {
        intents.push_back(intent::Scan{text.substr(star + 1), text.substr(0, star)});
    } else {
        int line = target_line(form, view);
        if (line == 0) {
            form.notice = info(tr("sale.scan_first"));
            form.input.clear();
            return false;
        }
        intents.push_back(intent::SetQuantity{line, text.substr(0, star)});
    }
    form.input.clear();
    return true;
}

// F6: hold the ticket with items; on an empty one resume the only held ticket, or list them.
bool hold_or_resume(SaleForm& form, const SaleView& view, Intents& intents, const Strings& tr) {
    if (view.has_live_lines) {
        intents.push_back(intent::Suspend{});
        return true;
    }
    if (view.held.empty()) {
        form.notice = info(tr("held.none"));
        return false;
    }
    if (view.held.size() == 1) {
        intents.push_back(intent::Resume{view.held.front().id});
        return true;
    }
    form.held = HeldListForm{};
    form.held.open = true;
    return false;
}

bool handle(SaleForm& form, const SaleView& view, InputEvent event, Intents& intents, const Strings& tr) {
    if (event.is_char()) {
        if (event.ch == U'/' && form.input.empty()) {
            int line = target_line(form, view);
            if (line == 0) {
                form.notice = info(tr("sale.scan_first"));
            } else if (view.lines[static_cast<size_t>(line - 1)].voided) {
                form.notice = info(tr.format("sale.already_voided", line));
            } else {
                form.approval = ApprovalForm{};
                form.approval.open = true;
                form.approval.purpose = ApprovalForm::Purpose::price;
                form.approval.field = ApprovalForm::Field::price;
                form.approval.line = line;
                form.selected_line = line;
            }
            return false;
        }
        if (event.ch == U'*') {
            if (form.input.empty() || form.input.text.find('*') != std::string::npos) {
                form.notice = info(tr("sale.quantity_first"));
                return false;
            }
        }
        if (event.ch == U'+' && form.input.empty()) {
            intents.push_back(intent::GoToTender{});
            return true;
        }
        form.input.type(event.ch);
        return false;
    }
    switch (event.key) {
        case Key::enter: return submit(form, view, intents, tr);
        case Key::backspace: form.input.backspace(); return false;
        case Key::escape:
            form.input.clear();
            form.notice.clear();
            return false;
        case Key::up: move_selection(form, view, -1); return false;
        case Key::down: move_selection(form, view, +1); return false;
        case Key::del: {
            int line = target_line(form, view);
            if (line == 0) {
                form.notice = info(tr("sale.nothing_to_void"));
            } else if (view.lines[static_cast<size_t>(line - 1)].voided) {
                form.notice = info(tr.format("sale.already_voided", line));
            } else {
                form.approval = ApprovalForm{};
                form.approval.open = true;
                form.approval.line = line;
                form.selected_line = line;
            }
            return false;
        }
        case Key::f6: return hold_or_resume(form, view, intents, tr);
        case Key::f8:
            form.lookup = LookupForm{};
            form.lookup.open = true;
            return false;
        case Key::f12: intents.push_back(intent::OpenShiftMenu{}); return true;
        case Key::f11: intents.push_back(intent::OpenCash{CashKind::pay_in}); return true;
        case Key::f5: intents.push_back(intent::OpenCash{CashKind::no_sale}); return true;
        case Key::f4: intents.push_back(intent::Reprint{}); return true;
        case Key::f9: intents.push_back(intent::OpenReturn{}); return true;
        case Key::f2:  // 会员: the card number or phone typed in the input
            if (form.input.empty()) {
                // Nothing typed and no sale under way: 会员还款, where the member is looked up.
                if (!view.has_live_lines) {
                    intents.push_back(intent::OpenRepayment{});
                    return true;
                }
                form.notice = info(tr("sale.member_type_first"));
                return false;
            }
            intents.push_back(intent::ApplyMember{form.input.text});
            form.input.clear();
            return true;
        case Key::home: intents.push_back(intent::Logout{}); return true;
        default: return false;
    }
}

// `text` cut to `width` with an ellipsis, at a character boundary.
std::string fit(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    float room = width - ImGui::CalcTextSize("…").x;
    std::string cut;
    size_t i = 0;
    while (i < text.size()) {
        size_t start = i;
        (void)next_codepoint(text, i);
        std::string longer = cut + text.substr(start, i - start);
        if (ImGui::CalcTextSize(longer.c_str()).x > room) break;
        cut = std::move(longer);
    }
    return cut + "…";
}

// A cell's text: right-aligned for numbers, cut with an ellipsis when too long, struck
// through and grey for voided lines.
void cell_text(const std::string& full, bool right, bool voided, float row_top, float row_height) {
    ImFont* font = ImGui::GetFont();
    ImGui::SetCursorPosY(row_top + (row_height - font->FontSize) * 0.5f);
    std::string text = fit(full, ImGui::GetContentRegionAvail().x);
    if (right) {
        float width = ImGui::CalcTextSize(text.c_str()).x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - width));
    }
    if (voided) {
        text_colored(color::voided, text.c_str());
        ImVec2 min = ImGui::GetItemRectMin();
        ImVec2 max = ImGui::GetItemRectMax();
        float y = (min.y + max.y) * 0.5f;
        ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, y), ImVec2(max.x, y), color::voided, 1.5f);
    } else {
        ImGui::TextUnformatted(text.c_str());
    }
}

void draw_lines(SaleForm& form, const SaleView& view, const Ui& ui, ImVec2 size) {
    if (view.lines.empty()) {
        ImGui::Dummy(ImVec2(0, size.y * 0.38f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::muted));
        ImGui::PushFont(ui.fonts.title);
        text_centered(ui.tr("sale.empty"));
        ImGui::PopFont();
        text_centered(ui.tr("sale.empty_hint"));
        ImGui::PopStyleColor();
        return;
    }
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##lines", 6, flags, size)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // Numbers get just the room they need, so the names (Chinese, long) are whole at 1024 px.
    ImGui::TableSetupColumn(ui.tr("sale.col.no"), ImGuiTableColumnFlags_WidthFixed, ui.px(32));
    ImGui::TableSetupColumn(ui.tr("sale.col.name"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(ui.tr("sale.col.spec"), ImGuiTableColumnFlags_WidthFixed, ui.px(70));
    ImGui::TableSetupColumn(ui.tr("sale.col.qty"), ImGuiTableColumnFlags_WidthFixed, ui.px(62));
    ImGui::TableSetupColumn(ui.tr("sale.col.price"), ImGuiTableColumnFlags_WidthFixed, ui.px(72));
    ImGui::TableSetupColumn(ui.tr("sale.col.amount"), ImGuiTableColumnFlags_WidthFixed, ui.px(84));
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, ui.px(36));
    const bool right_aligned[] = {false, false, false, true, true, true};
    for (int column = 0; column < 6; ++column) {
        ImGui::TableSetColumnIndex(column);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::muted));
        cell_text(ImGui::TableGetColumnName(column), right_aligned[column], false, ImGui::GetCursorPosY(), ui.px(36));
        ImGui::PopStyleColor();
    }

    // Rows are touch targets: the selectable spans the row, the texts are centred on it.
    float row_height = ui.px(46);
    float selectable_height = row_height - 2 * ImGui::GetStyle().CellPadding.y;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    for (const LineView& line : view.lines) {
        ImGui::TableNextRow(0, row_height);
        ImGui::TableSetColumnIndex(0);
        bool selected = line.number == form.selected_line;
        if (selected) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, color::accent_soft);
        float row_top = ImGui::GetCursorPosY();
        ImGui::PushID(line.number);
        if (ImGui::Selectable("##row", selected,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                              ImVec2(0, selectable_height))) {
            form.selected_line = line.number;
        }
        if (selected) {
            ImVec2 min = ImGui::GetItemRectMin();
            ImVec2 max = ImGui::GetItemRectMax();
            ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + ui.px(4), max.y), color::accent);
            if (form.scroll_to_selected) ImGui::SetScrollHereY(0.5f);
        }
        ImGui::PopID();
        ImGui::SameLine();
        cell_text(std::to_string(line.number), false, line.voided, row_top, selectable_height);
        // A promotion's saving follows the name: "可乐 (优惠 水3瓶5元 -1.00)".
        std::string name = line.saving.empty()
                               ? line.name
                               : line.name + "  " + ui.tr.format("sale.line_saving", line.promotion, line.saving);
        const std::string* cells[] = {&name, &line.spec, &line.quantity, &line.unit_price, &line.amount};
        for (int column = 1; column < 6; ++column) {
            ImGui::TableSetColumnIndex(column);
            cell_text(*cells[column - 1], right_aligned[column], line.voided, row_top, selectable_height);
        }
    }
    ImGui::PopStyleVar();
    form.scroll_to_selected = false;
    ImGui::EndTable();
}

void draw_total(const SaleView& view, const Ui& ui, ImVec2 size) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(color::bar));
    begin_panel("##total", size, ui.px(16));
    float right = ImGui::GetContentRegionMax().x;
    text_colored(color::bar_text, ui.tr("sale.total"));
    if (!view.held.empty()) {
        // Tickets on hold (挂单): shown so that none is forgotten.
        ImGui::SameLine(0, ui.px(16));
        text_colored(color::accent_soft, ui.tr.format("sale.held_count", view.held.size()).c_str());
    }
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color::bar_text));
    std::string items = ui.tr.format("sale.items", view.item_count);
    if (!view.savings.is_zero()) items = ui.tr.format("sale.savings", view.savings.to_string()) + "   " + items;
    text_right(items.c_str(), right);
    ImGui::PushFont(ui.fonts.big);
    std::string total = money_text(view.subtotal);
    text_right(total.c_str(), right);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    end_panel();
    ImGui::PopStyleColor();
}

}  // namespace

void draw_sale(SaleForm& form, const SaleView& view, InputQueue& input, Intents& intents, const Ui& ui) {
    auto dialog_open = [&form] { return form.approval.open || form.held.open || form.lookup.open || form.weigh.open; };
    if (!dialog_open()) {
        while (auto event = input.next()) {
            if (handle(form, view, *event, intents, ui.tr)) break;
            if (dialog_open()) break;  // the rest is typed into the dialog
        }
    }

    begin_body(ui);
    float gap = ui.px(size::gap);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float right_width = std::clamp(avail.x * 0.36f, ui.px(340), ui.px(520));
    float left_width = avail.x - right_width - gap;

    begin_panel("##ticket", ImVec2(left_width, avail.y), ui.px(8));
    if (!view.shift_owner.empty()) {
        Notice blocked{Tone::error, ui.tr.format("shift.blocked", view.shift_owner), {}};
        notice_box(ui, blocked, ImGui::GetContentRegionAvail().x, 0);
    }
    draw_lines(form, view, ui, ImGui::GetContentRegionAvail());
    end_panel();

    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    float total_height = ui.px(132);
    draw_total(view, ui, ImVec2(right_width, total_height));
    entry_field(ui, "scan", ui.tr("sale.scan"), form.input, !dialog_open(), false, right_width);
    float notice_height = ui.px(76);
    notice_box(ui, form.notice, right_width, notice_height);

    float button_height = ui.px(size::button);
    float used = total_height + ui.px(24 + 58) + notice_height + button_height + 5 * gap + ImGui::GetTextLineHeight();
    float cell_height = std::clamp((avail.y - used - 3 * gap) / 4, ui.px(44), ui.px(80));
    float cell_width = (right_width - 3 * gap) / 4;
    std::optional<InputEvent> press;
    ImGui::BeginGroup();
    if (auto key = number_pad(ui, "pad", true, ImVec2(cell_width, cell_height))) press = key;
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImVec2 action(cell_width, cell_height);
    if (touch_button(ui.tr("sale.button.clear"), action)) press = InputEvent::of_key(Key::escape);
    if (touch_button(ui.tr("sale.button.quantity"), action)) press = InputEvent::of_char(U'*');
    if (touch_button(ui.tr("sale.button.void"), action, ButtonKind::plain, view.has_live_lines)) {
        press = InputEvent::of_key(Key::del);
    }
    if (touch_button(ui.tr("sale.button.enter"), action, ButtonKind::primary, !form.input.empty())) {
        press = InputEvent::of_key(Key::enter);
    }
    ImGui::EndGroup();
    ImGui::PushFont(ui.fonts.title);
    if (touch_button(ui.tr("sale.button.pay"), ImVec2(right_width, button_height), ButtonKind::pay,
                     view.has_live_lines)) {
        form.input.clear();
        press = InputEvent::of_key(Key::enter);
    }
    ImGui::PopFont();
    ImGui::EndGroup();
    end_body();

    if (press && !dialog_open()) handle(form, view, *press, intents, ui.tr);
    draw_void_approval(form.approval, view, input, intents, ui);
    draw_held_list(form.held, view, input, intents, ui);
    draw_lookup(form.lookup, view, input, intents, ui);
    draw_weigh_panel(form.weigh, view, input, intents, ui);

    const KeyHint hints[] = {
        {InputEvent::of_key(Key::enter), "Enter", ui.tr("hint.scan_or_pay")},
        {InputEvent::of_char(U'*'), "*", ui.tr("hint.quantity")},
        {InputEvent::of_key(Key::del), "Del", ui.tr("hint.void")},
        {InputEvent::of_key(Key::down), "↑↓", ui.tr("hint.select")},
        {InputEvent::of_char(U'/'), "/", ui.tr("hint.price")},
        {InputEvent::of_key(Key::escape), "Esc", ui.tr("hint.clear")},
        {InputEvent::of_key(Key::f6), "F6", ui.tr(view.has_live_lines ? "hint.hold" : "hint.resume")},
        {InputEvent::of_key(Key::f8), "F8", ui.tr("hint.lookup")},
        {InputEvent::of_key(Key::f2), "F2", ui.tr("hint.member")},
        {InputEvent::of_key(Key::f12), "F12", ui.tr("hint.shift_menu")},
        {InputEvent::of_key(Key::f4), "F4", ui.tr("hint.reprint")},
        {InputEvent::of_key(Key::f9), "F9", ui.tr("hint.return")},
        {InputEvent::of_key(Key::home), "Home", ui.tr("hint.lock")},
    };
    if (auto tapped = key_hints(ui, hints)) input.push_front(*tapped);
}

}  // namespace pos::ui
