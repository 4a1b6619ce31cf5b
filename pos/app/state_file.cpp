// The --state-file test hook: see state_file.hpp.
#include "pos/app/state_file.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "pos/ui/views.hpp"

namespace pos::app {
namespace {

const char* screen_name(ui::Screen screen) {
    switch (screen) {
        case ui::Screen::login: return "login";
        case ui::Screen::open_shift: return "open_shift";
        case ui::Screen::sale: return "sale";
        case ui::Screen::tender: return "tender";
        case ui::Screen::shift_menu: return "shift_menu";
        case ui::Screen::cash_movement: return "cash_movement";
        case ui::Screen::shift_report: return "shift_report";
        case ui::Screen::close_count: return "close_count";
        case ui::Screen::close_variance: return "close_variance";
        case ui::Screen::returns: return "returns";
        case ui::Screen::end_of_day: return "end_of_day";
        case ui::Screen::manager_report: return "manager_report";
        case ui::Screen::period_report: return "period_report";
        case ui::Screen::repayment: return "repayment";
        case ui::Screen::return_no_receipt: return "return_no_receipt";
        case ui::Screen::payment_code: return "payment_code";
        case ui::Screen::stock_scan: return "stock_scan";
        case ui::Screen::stock_desk: return "stock_desk";
    }
    return "unknown";
}

}  // namespace

std::string state_json(const ui::UiState& state, const actions::Lane& lane, std::optional<bool> scanner, bool chinese,
                       const DeviceState& devices) {
    auto connected = [](std::optional<bool> device) {
        return device ? nlohmann::json(*device ? "connected" : "disconnected") : nlohmann::json(nullptr);
    };
    nlohmann::json lines = nlohmann::json::array();
    for (const ui::LineView& line : ui::make_sale_view(lane, chinese).lines) {
        lines.push_back(
            {{"name", line.name}, {"quantity", line.quantity}, {"amount", line.amount}, {"voided", line.voided}});
    }
    nlohmann::json out;
    out["screen"] = screen_name(state.screen);
    out["operator"] = lane.operator_user() ? lane.operator_user()->operator_id : "";
    out["shift_open"] = lane.shift().has_value();
    out["scanner"] = scanner ? nlohmann::json(*scanner ? "connected" : "disconnected") : nlohmann::json(nullptr);
    out["lines"] = std::move(lines);
    out["notice"] = state.sale.notice.text;
    out["display"] = connected(devices.display);
    out["scale"] = connected(devices.scale);
    out["weighing"] = state.sale.weigh.open;
    out["weigh_notice"] = state.sale.weigh.notice.text;
    out["weigh_scale"] = nullptr;
    if (devices.weighing) {
        out["weigh_scale"] = {{"weight", devices.weighing->weight},
                              {"stable", devices.weighing->stable},
                              {"amount", devices.weighing->amount}};
    }
    // The 周报/月报 screen: which period (a day in it) and which breakdown.
    out["period"] = {{"kind", state.period.kind}, {"day", state.period.day}, {"dimension", state.period.dimension}};
    out["customer"] = nullptr;
    if (devices.customer) {
        const ui::CustomerView& customer = *devices.customer;
        out["customer"] = {{"kind", ui::customer_kind_name(customer.kind)},
                           {"total", customer.total},
                           {"paid", customer.paid},
                           {"change", customer.change},
                           {"lines", customer.lines.size()}};
    }
    return out.dump();
}

void StateFile::update(const std::string& json) {
    if (json == written_) return;
    std::string temporary = path_ + ".tmp";
    bool ok = false;
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        file << json << '\n';
        ok = static_cast<bool>(file.flush());
    }
    ok = ok && std::rename(temporary.c_str(), path_.c_str()) == 0;
    if (ok) {
        written_ = json;
    } else if (!failed_) {
        failed_ = true;
        std::cerr << "pos: --state-file " << path_ << " could not be written\n";
    }
}

}  // namespace pos::app
