// The status bar: what is true about this lane right now, nothing more.
#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "pos/ui/screens.hpp"

namespace pos::ui {

namespace {

struct StatusFit {
    float font_size = 0;
    float gap = 0;
    bool drop_optional = false;
};

// Everything a lane has to say must stay readable at 1024 px, left of the clock: first the gaps
// narrow, then the text shrinks (to 80 % at most), then informational items (shift start, last
// upload, devices that are fine) give way so an alarm is never pushed under the clock.
template <typename Items>
StatusFit fit_status_items(const Items& items, float room, ImFont* font, const Ui& ui) {
    auto needed = [&](float size, float gap, bool drop_optional) {
        float total = 0;
        for (const auto& item : items) {
            if (drop_optional && item.optional) continue;
            total += font->CalcTextSizeA(size, FLT_MAX, 0, item.text.c_str()).x + gap;
        }
        return total;
    };
    StatusFit fit{font->FontSize, ui.px(28), false};
    if (needed(fit.font_size, fit.gap, false) <= room) return fit;
    fit.gap = ui.px(14);
    float at_full = needed(fit.font_size, fit.gap, false);
    if (at_full <= room) return fit;
    fit.font_size = font->FontSize * std::max(0.8f, room / at_full);
    if (needed(fit.font_size, fit.gap, false) <= room) return fit;
    fit.drop_optional = true;
    return fit;
}

}  // namespace

void draw_status_bar(const StatusView& view, const Ui& ui) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    float height = ui.px(size::bar);
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), color::bar);

    // Collected first, drawn once it is known how they fit left of the clock.
    struct Item {
        std::string text;
        ImU32 color;
        bool optional;  // informational: dropped before an alarm is cut
    };
    std::vector<Item> items;
    const ImU32 dim = color::rgb(0xC7, 0xCD, 0xD6);
    auto put = [&](std::string text, ImU32 color) { items.push_back({std::move(text), color, color == dim}); };
    put(view.store, color::bar_text);
    put(ui.tr.format("status.lane", view.lane), color::bar_text);
    if (view.operator_id.empty()) {
        put(ui.tr("status.logged_out"), dim);
    } else {
        std::string role = "role." + (view.operator_role.empty() ? std::string("cashier") : view.operator_role);
        put(ui.tr.format("status.operator", ui.tr(role), view.operator_id, view.operator_name), color::bar_text);
        if (!view.shift_owner.empty()) {
            put(ui.tr.format("status.shift_of", view.shift_owner, view.shift_opened), color::rgb(0xFC, 0xA5, 0xA5));
        } else if (view.shift_opened.empty()) {
            put(ui.tr("status.no_shift"), dim);
        } else {
            put(ui.tr.format("status.shift", view.shift_opened), dim);
        }
    }
    if (view.scanner_connected) {
        if (*view.scanner_connected) {
            put(ui.tr("status.scanner_connected"), dim);
        } else {
            put(ui.tr("status.scanner_disconnected"), color::rgb(0xFC, 0xA5, 0xA5));
        }
    }
    // The customer display and the scale: an unplugged one is an alarm, the sale goes on without it.
    for (auto [connected, ok, gone] :
         {std::tuple{view.display_connected, "status.display_connected", "status.display_disconnected"},
          std::tuple{view.scale_connected, "status.scale_connected", "status.scale_disconnected"}}) {
        if (!connected) continue;
        if (*connected) {
            put(ui.tr(ok), dim);
        } else {
            put(ui.tr(gone), color::rgb(0xFC, 0xA5, 0xA5));
        }
    }
    if (view.sync) {
        // Unsynced sales are safe on the lane; a failing sync is shown so the technician is called.
        const SyncView& sync = *view.sync;
        ImU32 colour = sync.failing ? color::rgb(0xFD, 0xE6, 0x8A) : dim;
        if (sync.unsynced > 0) put(ui.tr.format("status.unsynced", sync.unsynced), colour);
        if (!sync.last_sync.empty()) put(ui.tr.format("status.last_sync", sync.last_sync), colour);
        if (sync.failing) put(ui.tr("status.sync_failing"), colour);
        if (sync.damaged) put(ui.tr("status.lane_db_damaged"), color::rgb(0xFC, 0xA5, 0xA5));
        // Kept aside at the store, never lost: shown until a manager deals with it (docs/security.md).
        if (sync.kept_aside > 0) put(ui.tr.format("status.kept_aside", sync.kept_aside), color::rgb(0xFC, 0xA5, 0xA5));
    }
    if (view.printer) {
        // A printer fault is shown in the alarm colour until it clears: receipts are waiting on it.
        const ImU32 alarm = color::rgb(0xFC, 0xA5, 0xA5);
        const actions::PrintQueueStatus& printer = *view.printer;
        switch (printer.state) {
            case actions::PrinterState::unknown: break;
            case actions::PrinterState::ready:
                put(ui.tr(printer.paper_near_end ? "status.printer_paper_low" : "status.printer_ready"),
                    printer.paper_near_end ? color::rgb(0xFD, 0xE6, 0x8A) : dim);
                break;
            case actions::PrinterState::paper_out: put(ui.tr("status.printer_paper_out"), alarm); break;
            case actions::PrinterState::cover_open: put(ui.tr("status.printer_cover_open"), alarm); break;
            case actions::PrinterState::offline: put(ui.tr("status.printer_offline"), alarm); break;
            case actions::PrinterState::not_connected: put(ui.tr("status.printer_not_connected"), alarm); break;
        }
        if (printer.waiting > 0) put(ui.tr.format("status.printer_waiting", printer.waiting), alarm);
    }
    ImFont* font = ui.fonts.body;
    float margin = ui.px(14);
    float clock_width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, view.clock.c_str()).x;
    float room = width - 2 * margin - clock_width - ui.px(20);
    StatusFit fit = fit_status_items(items, room, font, ui);
    float x = origin.x + margin;
    float text_y = origin.y + (height - fit.font_size) * 0.5f;
    for (const Item& item : items) {
        if (fit.drop_optional && item.optional) continue;
        draw->AddText(font, fit.font_size, ImVec2(x, text_y), item.color, item.text.c_str());
        x += font->CalcTextSizeA(fit.font_size, FLT_MAX, 0, item.text.c_str()).x + fit.gap;
    }
    draw->AddText(font, font->FontSize,
                  ImVec2(origin.x + width - clock_width - margin, origin.y + (height - font->FontSize) * 0.5f),
                  color::bar_text, view.clock.c_str());
    ImGui::Dummy(ImVec2(width, height));
}

}  // namespace pos::ui
