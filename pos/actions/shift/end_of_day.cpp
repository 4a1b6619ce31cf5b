// The end of day's answers as JSON (action scripts, `posctl day --format json`) and as text.
#include "pos/actions/shift/end_of_day.hpp"

#include <fmt/format.h>

#include "pos/actions/lane.hpp"
#include "pos/actions/scripts/session.hpp"

namespace pos::actions {

using core::Money;
using nlohmann::json;

json blockers_json(const std::vector<core::DayBlocker>& blockers) {
    json list = json::array();
    for (const core::DayBlocker& blocker : blockers) {
        list.push_back({{"kind", blocker.kind}, {"ref", blocker.ref}, {"message", blocker.message}});
    }
    return list;
}

json day_totals_json(const core::DayTotals& totals) {
    json tenders = json::object();
    for (const auto& [method, amount] : totals.tenders) tenders[method] = amount.to_string();
    json variances = json::array();
    for (const core::ShiftVarianceRow& row : totals.variances) {
        variances.push_back({{"shift_id", row.shift_id},
                             {"lane", row.lane},
                             {"operator", row.operator_id},
                             {"expected_cash", row.expected_cash.to_string()},
                             {"counted_cash", row.counted_cash.to_string()},
                             {"cash_variance", row.cash_variance.to_string()},
                             {"largest_variance", row.largest_variance.to_string()},
                             {"approver", row.approver},
                             {"reason", row.reason}});
    }
    return {{"shifts", totals.shifts},
            {"sales", totals.sales},
            {"net_sales", totals.net_sales.to_string()},
            {"rounding", totals.rounding.to_string()},
            {"tenders", tenders},
            {"pay_ins", totals.pay_ins.to_string()},
            {"pay_outs", totals.pay_outs.to_string()},
            {"pickups", totals.pickups.to_string()},
            {"no_sales", totals.no_sales},
            {"cash_variance", totals.cash_variance.to_string()},
            {"variances", variances}};
}

json day_status_json(const DayStatus& status) {
    json shifts = json::array();
    for (const core::DayShift& shift : status.day.shifts) {
        shifts.push_back({{"shift_id", shift.id},
                          {"lane", shift.lane},
                          {"operator", shift.operator_id},
                          {"opened_at", shift.opened_at},
                          {"closed", shift.closed}});
    }
    json out = {{"day", status.day.day.empty() ? json(nullptr) : json(status.day.day)},
                {"opened_at", status.day.opened_at.empty() ? json(nullptr) : json(status.day.opened_at)},
                {"shifts", shifts},
                {"can_close", status.blockers.empty()},
                {"blockers", blockers_json(status.blockers)},
                {"last_closed", nullptr}};
    if (status.last_closed) {
        out["last_closed"] = {{"day", status.last_closed->day},
                              {"closed_at", status.last_closed->closed_at},
                              {"late_sales", status.last_closed->late_sales}};
    }
    return out;
}

json closed_day_json(const db::BusinessDayRecord& day, const std::vector<db::LateSaleRecord>& late) {
    json late_list = json::array();
    for (const db::LateSaleRecord& sale : late) {
        late_list.push_back({{"sale_id", sale.sale_id},
                             {"total", Money::fen(sale.total_fen).to_string()},
                             {"received_at", sale.received_at}});
    }
    return {{"day", day.day},
            {"opened_at", day.opened_at},
            {"closed_at", day.closed_at},
            {"closed_by", day.closed_by},
            {"forced", !day.forced_reason.empty()},
            {"reason", day.forced_reason},
            {"forced_over", json::parse(day.forced_over, nullptr, false)},
            {"totals", json::parse(day.totals, nullptr, false)},
            {"late_sales", day.late_sales},
            {"late_net_sales", Money::fen(day.late_net_fen).to_string()},
            {"late", late_list}};
}

std::vector<std::string> day_status_lines(const DayStatus& status) {
    std::vector<std::string> lines;
    if (status.last_closed) {
        lines.push_back(fmt::format("last closed: {} at {} by {}{}", status.last_closed->day,
                                    status.last_closed->closed_at, status.last_closed->closed_by,
                                    status.last_closed->late_sales > 0
                                        ? fmt::format(" ({} late sale(s))", status.last_closed->late_sales)
                                        : ""));
    }
    if (status.day.day.empty()) {
        lines.push_back("open business day: none (no shift has opened since the last end of day)");
        return lines;
    }
    lines.push_back(fmt::format("business day {} (first shift opened {})", status.day.day, status.day.opened_at));
    for (const core::DayShift& shift : status.day.shifts) {
        lines.push_back(fmt::format("  shift {}  lane {}  operator {}  opened {}  {}", shift.id, shift.lane,
                                    shift.operator_id, shift.opened_at, shift.closed ? "closed" : "OPEN"));
    }
    if (status.blockers.empty()) {
        lines.push_back("ready to close: posctl day close");
    } else {
        lines.push_back("cannot close yet:");
        for (const core::DayBlocker& blocker : status.blockers) lines.push_back("  - " + blocker.message);
    }
    return lines;
}

std::vector<std::string> closed_day_lines(const db::BusinessDayRecord& day,
                                          const std::vector<db::LateSaleRecord>& late) {
    std::vector<std::string> lines;
    json totals = json::parse(day.totals, nullptr, false);
    auto text = [&](const char* key) { return totals.is_object() && totals.contains(key) ? totals[key].dump() : "?"; };
    auto money = [&](const char* key) {
        return totals.is_object() && totals.contains(key) && totals[key].is_string() ? totals[key].get<std::string>()
                                                                                     : "?";
    };
    lines.push_back(fmt::format("business day {} — closed {} by {} (locked)", day.day, day.closed_at, day.closed_by));
    if (!day.forced_reason.empty()) lines.push_back(fmt::format("FORCED: {}", day.forced_reason));
    json forced = json::parse(day.forced_over, nullptr, false);
    if (forced.is_array()) {
        for (const json& blocker : forced) lines.push_back("  still open when forced: " + blocker.value("message", ""));
    }
    lines.push_back(fmt::format("shifts        {}", text("shifts")));
    lines.push_back(fmt::format("sales         {}", text("sales")));
    lines.push_back(fmt::format("net sales     {}", money("net_sales")));
    lines.push_back(fmt::format("rounding      {}", money("rounding")));
    if (totals.is_object() && totals.contains("tenders") && totals["tenders"].is_object()) {
        for (const auto& [method, amount] : totals["tenders"].items()) {
            lines.push_back(fmt::format("  {:<11} {}", method, amount.is_string() ? amount.get<std::string>() : "?"));
        }
    }
    lines.push_back(fmt::format("pay-ins       {}", money("pay_ins")));
    lines.push_back(fmt::format("pay-outs      {}", money("pay_outs")));
    lines.push_back(fmt::format("pickups       {}", money("pickups")));
    lines.push_back(fmt::format("no-sales      {}", text("no_sales")));
    lines.push_back(fmt::format("cash variance {}", money("cash_variance")));
    if (totals.is_object() && totals.contains("variances") && totals["variances"].is_array()) {
        for (const json& row : totals["variances"]) {
            lines.push_back(fmt::format("  lane {} operator {}: expected {} counted {} variance {}",
                                        row.value("lane", 0), row.value("operator", ""), row.value("expected_cash", ""),
                                        row.value("counted_cash", ""), row.value("cash_variance", "")));
        }
    }
    if (day.late_sales > 0) {
        lines.push_back(fmt::format("LATE: {} sale(s), {} net, arrived after the close (not in the totals above)",
                                    day.late_sales, Money::fen(day.late_net_fen).to_string()));
        for (const db::LateSaleRecord& sale : late) {
            lines.push_back(fmt::format("  {}  {}  received {}", sale.sale_id, Money::fen(sale.total_fen).to_string(),
                                        sale.received_at));
        }
    }
    return lines;
}

namespace {

// A string field; operator numbers and PINs may come as JSON numbers.
core::Result<std::string> text_of(const json& action, const char* name) {
    auto found = action.find(name);
    if (found == action.end()) return std::string{};
    if (found->is_string()) return found->get<std::string>();
    if (found->is_number_integer()) return std::to_string(found->get<int64_t>());
    return core::make_error(core::ErrorCode::bad_input, fmt::format("\"{}\" must be a string", name));
}

}  // namespace

json apply_end_of_day(Lane& lane, const json& action, const std::string& now) {
    EndOfDayRequest request;
    for (auto [name, field] : {std::pair{"approver", &request.approver}, std::pair{"pin", &request.pin},
                               std::pair{"reason", &request.reason}}) {
        auto value = text_of(action, name);
        if (!value) return failure(value.error());
        *field = *value;
    }
    if (action.contains("force")) {
        if (!action["force"].is_boolean()) {
            return failure(core::make_error(core::ErrorCode::bad_input, "\"force\" must be true or false"));
        }
        request.force = action["force"].get<bool>();
    }
    auto store = lane.open_day_store();
    if (!store) return failure(store.error());
    auto closed = lane.end_of_day(**store, request, now);
    if (!closed) {
        json result = failure(closed.error());
        if (closed.error().code == core::ErrorCode::day_blocked) {
            auto status = lane.day_status(**store);
            if (status) result["blockers"] = blockers_json(status->blockers);
        }
        return result;
    }
    json result = closed_day_json(closed->day, {});
    result["ok"] = true;
    return result;
}

}  // namespace pos::actions
