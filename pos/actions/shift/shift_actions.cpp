// Lane actions around the drawer and the shift: pay-in/out, pickups, no-sale, X report, 交班.
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "db/lane/float_counts.hpp"
#include "pos/actions/access/audit.hpp"
#include "pos/actions/lane.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/access/secrets.hpp"
#include "pos/core/safe_text.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;
using core::Money;

namespace {

std::string_view movement_name(CashMovementKind kind) {
    switch (kind) {
        case CashMovementKind::pay_in: return "pay_in";
        case CashMovementKind::pay_out: return "pay_out";
        case CashMovementKind::pickup: return "pickup";
        case CashMovementKind::no_sale: return "no_sale";
    }
    return "pay_in";
}

core::ShiftTotals to_totals(const db::ShiftTotalsRecord& record) {
    core::ShiftTotals totals;
    totals.float_amount = Money::fen(record.float_fen);
    totals.cash_tendered = Money::fen(record.cash_tendered_fen);
    totals.change_given = Money::fen(record.change_fen);
    totals.cash_refunds = Money::fen(record.cash_refund_fen);
    totals.pay_ins = Money::fen(record.pay_in_fen);
    totals.pay_outs = Money::fen(record.pay_out_fen);
    totals.pickups = Money::fen(record.pickup_fen);
    for (const auto& [method, fen] : record.non_cash_fen) {
        if (auto parsed = core::parse_tender_method(method)) totals.non_cash[*parsed] = Money::fen(fen);
    }
    totals.sales = record.sales;
    totals.returns = record.returns;
    totals.refunds = Money::fen(record.refund_fen);
    totals.voided_lines = record.voided_lines;
    totals.no_sales = record.no_sales;
    totals.rounding = Money::fen(record.rounding_fen);
    totals.net_sales = Money::fen(record.net_sales_fen);
    return totals;
}

nlohmann::json cash_counts_json(const CloseShiftRequest& request) {
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& [denomination, count] : request.cash.counts()) counts[denomination.to_string()] = count;
    return counts;
}

// Everything the cashier counted, in a canonical form (keys sorted) so two counts compare as text.
nlohmann::json counted_json(const CloseShiftRequest& request) {
    nlohmann::json counted = {{"cash", cash_counts_json(request)}};
    for (const auto& [method, amount] : request.non_cash) {
        counted[std::string(core::tender_method_name(method))] = amount.to_string();
    }
    return counted;
}

nlohmann::json close_json(const CloseShiftOutcome& outcome, const CloseShiftRequest& request) {
    nlohmann::json counts = cash_counts_json(request);
    nlohmann::json rows = nlohmann::json::array();
    for (const core::TenderVariance& row : outcome.rows) {
        rows.push_back({{"tender", std::string(core::tender_method_name(row.method))},
                        {"expected", row.expected.to_string()},
                        {"counted", row.counted.to_string()},
                        {"variance", row.variance.to_string()}});
    }
    const db::ShiftRecord& shift = outcome.report.shift;
    return {{"shift_id", shift.id},
            {"lane", shift.lane},
            {"operator", shift.operator_id},
            {"opened_at", shift.opened_at},
            {"closed_at", *shift.closed_at},
            {"cash_counts", counts},
            {"tenders", rows},
            {"largest_variance", outcome.largest_variance.to_string()},
            {"reason", request.reason},
            {"approver", request.approval.approver}};
}

}  // namespace

core::Status Lane::check_approval(const Approval& approval, core::Action action, std::string_view what) {
    if (approval.approver.empty()) {
        return make_error(ErrorCode::approval_required, fmt::format("{} needs a {}: enter their number and PIN", what,
                                                                    core::role_name(core::permission(action).minimum)));
    }
    auto approver = check_credentials(approval.approver, approval.pin);
    if (!approver) return approver.error();
    auto role = core::parse_role(approver->role);
    if (!role)
        return make_error(ErrorCode::not_permitted, fmt::format("operator {} has no known role", approval.approver));
    std::string requester = operator_ ? operator_->operator_id : std::string{};
    if (auto allowed = core::may_approve(requester, approver->operator_id, *role, action); !allowed) {
        return make_error(ErrorCode::not_permitted, fmt::format("{}: {}", what, allowed.error().message));
    }
    return core::Done{};
}

core::Status Lane::check_approval(const Approval& approval, std::string_view what) {
    return check_approval(approval, core::Action::price_override, what);
}

core::Status Lane::require_idle_shift() const {
    if (auto selling = require_selling(); !selling) return selling;
    if (ticket_.has_live_lines() || !ticket_.tenders().empty()) {
        return make_error(ErrorCode::ticket_open, "a sale is open: finish it first");
    }
    return core::Done{};
}

core::Result<db::CashMovementRecord> Lane::move_cash(const CashMovementRequest& request, const std::string& now) {
    if (auto idle = require_idle_shift(); !idle) return idle.error();
    bool no_sale = request.kind == CashMovementKind::no_sale;
    if (!no_sale && request.amount <= Money{}) return make_error(ErrorCode::bad_amount, "enter an amount above 0.00");
    if (auto clean = core::check_text("the reason", request.reason, 200); !clean) return clean.error();
    if (request.reason.empty() && request.kind != CashMovementKind::pickup) {
        return make_error(ErrorCode::bad_input, "enter a reason: it goes on the shift report");
    }
    if (request.kind == CashMovementKind::pickup ||
        (request.kind == CashMovementKind::pay_out && request.amount > config_.pay_out_approval_above)) {
        std::string what = request.kind == CashMovementKind::pickup
                               ? std::string("a cash pickup")
                               : "a pay-out above " + config_.pay_out_approval_above.to_string();
        core::Action action =
            request.kind == CashMovementKind::pickup ? core::Action::pickup : core::Action::pay_out_over_limit;
        if (auto approved = check_approval(request.approval, action, what); !approved) return approved.error();
    }
    if (request.kind == CashMovementKind::pay_out || request.kind == CashMovementKind::pickup) {
        auto totals = db::shift_totals(db_, *shift_);
        if (!totals) return storage_error(totals.error());
        Money in_drawer = core::expected_cash(to_totals(*totals));
        if (request.amount > in_drawer) {
            return make_error(ErrorCode::bad_amount,
                              fmt::format("the drawer should hold only {}: {} cannot be taken out",
                                          in_drawer.to_string(), request.amount.to_string()));
        }
    }
    db::CashMovementRecord movement{new_uuid(),
                                    shift_->id,
                                    std::string(movement_name(request.kind)),
                                    no_sale ? 0 : request.amount.in_fen(),
                                    request.reason,
                                    operator_->operator_id,
                                    request.approval.approver,
                                    now};
    nlohmann::json payload = {{"id", movement.id},
                              {"shift_id", movement.shift_id},
                              {"lane", config_.lane},
                              {"kind", movement.kind},
                              {"amount", Money::fen(movement.amount_fen).to_string()},
                              {"reason", movement.reason},
                              {"operator", movement.operator_id},
                              {"approver", movement.approver},
                              {"at", movement.at}};
    AuditEvent event{now,
                     config_.lane,
                     movement.kind,
                     movement.operator_id,
                     movement.approver,
                     movement.id,
                     {{"amount", Money::fen(movement.amount_fen).to_string()},
                      {"reason", movement.reason},
                      {"shift", movement.shift_id}}};
    if (auto saved = with_audit(db_, event, [&] { return db::record_cash_movement(db_, movement, payload.dump()); });
        !saved) {
        return storage_error(saved.error());
    }
    return movement;
}

core::Result<ShiftReport> Lane::shift_report(const std::optional<std::string>& shift_id) {
    std::optional<db::ShiftRecord> shift;
    if (shift_id) {
        auto found = db::find_shift(db_, *shift_id);
        if (!found) return storage_error(found.error());
        shift = *found;
    } else {
        auto latest = db::latest_shift(db_, config_.lane);
        if (!latest) return storage_error(latest.error());
        shift = *latest;
    }
    if (!shift)
        return make_error(ErrorCode::not_found, shift_id ? "no shift " + *shift_id : "no shift on this lane yet");
    auto totals = db::shift_totals(db_, *shift);
    if (!totals) return storage_error(totals.error());
    ShiftReport report{*shift, to_totals(*totals), {}, std::nullopt};
    report.expected_cash = core::expected_cash(report.totals);
    auto close = db::find_shift_close(db_, shift->id);
    if (!close) return storage_error(close.error());
    report.close = *close;
    auto float_counts = db::float_counts_of(db_, shift->id);
    if (!float_counts) return storage_error(float_counts.error());
    if (!float_counts->empty()) {
        // Written by this lane from core::CashCount: well-formed unless the file was edited by hand.
        nlohmann::json counts = nlohmann::json::parse(*float_counts, nullptr, false);
        if (counts.is_object()) {
            for (const auto& [denomination, count] : counts.items()) {
                auto face = Money::parse(denomination);
                if (face && count.is_number_integer()) report.float_counts.emplace_back(*face, count.get<int64_t>());
            }
            std::sort(report.float_counts.begin(), report.float_counts.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
        }
    }
    if (!report.close && operator_) {
        auto role = core::parse_role(operator_->role);
        report.show_expected = role && core::permits(*role, core::Action::x_report_expected_cash);
    }
    return report;
}

core::Result<CloseShiftOutcome> Lane::submit_count(const CloseShiftRequest& request, const std::string& now) {
    if (auto idle = require_idle_shift(); !idle) return idle.error();
    std::string counted = counted_json(request).dump();
    auto kept = db::record_close_count(db_, shift_->id, operator_->operator_id, counted, now);
    if (!kept) return storage_error(kept.error());
    if (*kept != counted) {
        return make_error(ErrorCode::bad_input,
                          "this shift's blind count was already submitted and the expected amounts shown: "
                          "it stands as first counted (" +
                              *kept + ")");
    }
    auto report = shift_report(shift_->id);
    if (!report) return report.error();
    CloseShiftOutcome outcome;
    outcome.report = *report;
    outcome.report.show_expected = true;  // counted and recorded: the count is no longer blind
    outcome.rows = core::reconcile(report->totals, request.cash.total(), request.non_cash);
    outcome.largest_variance = core::largest_variance(outcome.rows);
    return outcome;
}

core::Result<CloseShiftOutcome> Lane::close_shift(const CloseShiftRequest& request, const std::string& now) {
    if (auto clean = core::check_text("the reason", request.reason, 200); !clean) return clean.error();
    auto submitted = submit_count(request, now);
    if (!submitted) return submitted.error();
    CloseShiftOutcome outcome = std::move(*submitted);
    if (outcome.largest_variance > config_.variance_approval_above) {
        if (request.reason.empty()) {
            return make_error(ErrorCode::bad_input,
                              fmt::format("the count is off by up to {}: enter a reason, then a supervisor signs off",
                                          outcome.largest_variance.to_string()));
        }
        if (auto approved = check_approval(request.approval, core::Action::shift_close_variance,
                                           "a shift close with this variance");
            !approved) {
            return approved.error();
        }
    }
    outcome.report.shift.closed_at = now;
    nlohmann::json payload = close_json(outcome, request);
    db::ShiftCloseRecord close{shift_->id,
                               now,
                               operator_->operator_id,
                               request.approval.approver,
                               request.reason,
                               outcome.report.expected_cash.in_fen(),
                               request.cash.total().in_fen(),
                               outcome.largest_variance.in_fen(),
                               payload.dump()};
    AuditEvent event{now,
                     config_.lane,
                     "shift_close",
                     operator_->operator_id,
                     request.approval.approver,
                     shift_->id,
                     {{"expected_cash", outcome.report.expected_cash.to_string()},
                      {"counted_cash", request.cash.total().to_string()},
                      {"largest_variance", outcome.largest_variance.to_string()},
                      {"reason", request.reason}}};
    if (auto saved = with_audit(db_, event, [&] { return db::close_shift(db_, close, payload.dump()); }); !saved) {
        if (saved.error().code == db::DbErrorCode::not_found)
            return make_error(ErrorCode::no_shift, saved.error().message);
        return storage_error(saved.error());
    }
    outcome.report.close = close;
    shift_.reset();
    return outcome;
}

}  // namespace pos::actions
