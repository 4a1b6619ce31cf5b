// The status bar: what is true about this lane right now, nothing more.
#include <string>

#include "pos/ui/screens.hpp"

namespace pos::ui {

void draw_status_bar(const StatusView& view, const Ui& ui) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    float height = ui.px(size::bar);
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), color::bar);

    ImFont* font = ui.fonts.body;
    float text_y = origin.y + (height - font->FontSize) * 0.5f;
    float x = origin.x + ui.px(14);
    auto put = [&](const std::string& text, ImU32 color) {
        draw->AddText(font, font->FontSize, ImVec2(x, text_y), color, text.c_str());
        x += font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x + ui.px(28);
    };
    put(view.store, color::bar_text);
    put(ui.tr.format("status.lane", view.lane), color::bar_text);
    const ImU32 dim = color::rgb(0xC7, 0xCD, 0xD6);
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
    if (view.sync) {
        // Unsynced sales are safe on the lane; a failing sync is shown so the technician is called.
        const SyncView& sync = *view.sync;
        ImU32 colour = sync.failing ? color::rgb(0xFD, 0xE6, 0x8A) : dim;
        if (sync.unsynced > 0) put(ui.tr.format("status.unsynced", sync.unsynced), colour);
        if (!sync.last_sync.empty()) put(ui.tr.format("status.last_sync", sync.last_sync), colour);
        if (sync.failing) put(ui.tr("status.sync_failing"), colour);
        if (sync.damaged) put(ui.tr("status.lane_db_damaged"), color::rgb(0xFC, 0xA5, 0xA5));
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
    float clock_width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, view.clock.c_str()).x;
    draw->AddText(font, font->FontSize, ImVec2(origin.x + width - clock_width - ui.px(14), text_y), color::bar_text,
                  view.clock.c_str());
    ImGui::Dummy(ImVec2(width, height));
}

}  // namespace pos::ui
