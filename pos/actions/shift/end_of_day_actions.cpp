// Lane actions for the store's end of day (日结): the open business day, what blocks closing
// it, and closing it with its totals locked in store.db. The rule for which day a shift
// belongs to is pos/core/business_day.hpp; this file gathers the records and locks the result.
#include <filesystem>

#include <fmt/format.h>

#include "db/lane/outbox.hpp"
#include "db/store/day.hpp"
#include "pos/actions/access/audit.hpp"
#include "pos/actions/access/store_audit.hpp"
#include "pos/actions/lane.hpp"
#include "pos/actions/records.hpp"
#include "pos/actions/setup/store_setup.hpp"
#include "pos/core/safe_text.hpp"

namespace pos::actions {

using core::ErrorCode;
using core::make_error;
using core::Money;

namespace {

std::vector<core::ClosedDay> closed_days_of(const std::vector<db::BusinessDayRecord>& days) {
    std::vector<core::ClosedDay> closed;
    for (const db::BusinessDayRecord& day : days) closed.push_back({day.day, day.closed_at});
    return closed;
}

core::Result<core::DayTotals> totals_of(db::StoreDb& store, const core::OpenDay& day,
                                        std::vector<std::string>& shift_ids) {
    for (const core::DayShift& shift : day.shifts) shift_ids.push_back(shift.id);
    auto sales = db::sales_of_shifts(store, shift_ids);
    if (!sales) return storage_error(sales.error());
    auto movements = db::cash_movements_of_shifts(store, shift_ids);
    if (!movements) return storage_error(movements.error());
    auto closes = db::shift_closes_of_shifts(store, shift_ids);
    if (!closes) return storage_error(closes.error());
    std::vector<core::DaySale> day_sales;
    for (const db::StoreSaleSummary& sale : *sales) {
        core::DaySale row{
            sale.shift_id, Money::fen(sale.total_fen), Money::fen(sale.rounding_fen), Money::fen(sale.change_fen), {}};
        for (const auto& [method, fen] : sale.tenders) row.tenders.emplace_back(method, Money::fen(fen));
        day_sales.push_back(std::move(row));
    }
    std::vector<core::DayMovement> day_movements;
    for (const db::StoreCashMovement& movement : *movements) {
        day_movements.push_back({movement.shift_id, movement.kind, Money::fen(movement.amount_fen)});
    }
    std::vector<core::DayShiftClose> day_closes;
    for (const db::StoreShiftClose& close : *closes) {
        day_closes.push_back({close.shift_id, close.lane, close.operator_id, close.closed_at,
                              Money::fen(close.expected_cash_fen), Money::fen(close.counted_cash_fen),
                              Money::fen(close.largest_variance_fen), close.approver, close.reason});
    }
    return core::day_totals(int64_t(shift_ids.size()), day_sales, day_movements, day_closes);
}

std::string listed(const std::vector<core::DayBlocker>& blockers) {
    std::string text;
    for (const core::DayBlocker& blocker : blockers) text += (text.empty() ? "" : "; ") + blocker.message;
    return text;
}

}  // namespace

namespace {

// Direct mode: store.db as configured, beside this lane's lane.db unless the path is absolute.
std::string data_dir_of(const db::LaneDb& lane_db) {
    std::string data_dir = std::filesystem::path(lane_db.path()).parent_path().string();
    return data_dir.empty() ? "." : data_dir;
}

}  // namespace

core::Result<std::unique_ptr<db::StoreDb>> Lane::open_day_store() { return open_store(data_dir_of(db_), config_); }

core::Result<std::unique_ptr<db::StoreDb>> Lane::open_day_store_for_reading() {
    return open_store_for_reading(data_dir_of(db_), config_);
}

core::Result<DayStatus> Lane::day_status(db::StoreDb& store) {
    auto closed = db::closed_business_days(store);
    if (!closed) return storage_error(closed.error());
    auto shifts = db::store_shifts(store);
    if (!shifts) return storage_error(shifts.error());
    std::vector<core::DayShift> day_shifts;
    for (const db::StoreShiftState& shift : *shifts) {
        day_shifts.push_back({shift.id, shift.lane, shift.operator_id, shift.opened_at, shift.closed});
    }
    auto sync = db::read_sync_status(db_);
    if (!sync) return storage_error(sync.error());
    DayStatus status;
    status.day = core::open_business_day(day_shifts, closed_days_of(*closed));
    status.blockers = core::day_blockers(status.day, {{config_.lane, sync->queue_depth, sync->oldest_unsynced}});
    if (!closed->empty()) status.last_closed = closed->back();
    return status;
}

core::Result<EndOfDayOutcome> Lane::end_of_day(db::StoreDb& store, const EndOfDayRequest& request,
                                               const std::string& now) {
    if (!core::instant_of(now))
        return make_error(ErrorCode::bad_input, "the end of day needs a time like 2026-11-23T22:00:00+08:00");
    if (auto clean = core::check_text("the reason", request.reason, 200); !clean) return clean.error();
    auto status = day_status(store);
    if (!status) return status.error();
    if (status->day.day.empty()) {
        // Records still on their way may hold the next day's first shift: say so before "nothing to close".
        if (status->last_closed && status->blockers.size() == 1) {
            const db::BusinessDayRecord& last = *status->last_closed;
            return make_error(
                ErrorCode::day_closed,
                fmt::format("business day {} was already closed at {} by {}, and no shift has opened since: "
                            "there is nothing to close",
                            last.day, last.closed_at, last.closed_by));
        }
        return make_error(ErrorCode::day_blocked, listed(status->blockers));
    }
    const std::string& day = status->day.day;
    EndOfDayOutcome outcome;
    std::string closed_by;
    if (!status->blockers.empty()) {
        if (!request.force) {
            return make_error(ErrorCode::day_blocked,
                              fmt::format("business day {} cannot be closed yet: {}", day, listed(status->blockers)));
        }
        if (request.reason.empty()) {
            return make_error(ErrorCode::bad_input,
                              "forcing the end of day needs a reason: it is kept with the day's totals");
        }
        if (auto approved = check_approval({request.approver, request.pin}, core::Action::end_of_day_force,
                                           "forcing the end of day");
            !approved) {
            return approved.error();
        }
        outcome.forced_over = status->blockers;
        closed_by = request.approver;
    } else if (!request.approver.empty()) {
        if (auto approved = check_approval({request.approver, request.pin}, core::Action::end_of_day, "the end of day");
            !approved) {
            return approved.error();
        }
        closed_by = request.approver;
    } else {
        closed_by = operator_ ? operator_->operator_id : "unattended";
    }

    std::vector<std::string> shift_ids;
    auto totals = totals_of(store, status->day, shift_ids);
    if (!totals) return totals.error();
    outcome.totals = *totals;
    nlohmann::json totals_json = day_totals_json(outcome.totals);
    totals_json["day"] = day;
    outcome.day = db::BusinessDayRecord{day,
                                        status->day.opened_at,
                                        now,
                                        closed_by,
                                        outcome.forced_over.empty() ? std::string{} : request.reason,
                                        blockers_json(outcome.forced_over).dump(),
                                        totals_json.dump(),
                                        0,
                                        0};
    // The lane's chain records who closed the day; a forced close is the store's act, so it goes
    // into the store's own chain instead, whichever lane or posctl forced it (docs/security.md), in
    // the same store transaction as the lock: no forced day without its record. posctl has nobody
    // logged in: the approver forced it.
    bool forced = !outcome.forced_over.empty();
    AuditEvent event{now,
                     forced ? 0 : config_.lane,
                     forced ? "end_of_day_force" : "end_of_day",
                     operator_ ? operator_->operator_id : request.approver,
                     request.approver,
                     day,
                     {{"reason", request.reason}, {"forced_over", blockers_json(outcome.forced_over)}}};
    auto refused_lock = [&](const db::DbError& error) {
        if (error.code == db::DbErrorCode::constraint) return make_error(ErrorCode::day_closed, error.message);
        return storage_error(error);
    };
    if (forced) {
        auto transaction = store.begin_transaction();
        if (!transaction) return storage_error(transaction.error());
        if (auto locked = db::lock_business_day(store, outcome.day, shift_ids, outcome.totals.sales); !locked)
            return refused_lock(locked.error());
        if (auto logged = record_store_audit(store, event, config_.lane); !logged) {
            return make_error(logged.error().code,
                              fmt::format("business day {} was not closed: the store's audit log could not record "
                                          "the forced close ({})",
                                          day, logged.error().message));
        }
        if (auto committed = transaction->commit(); !committed) return storage_error(committed.error());
        return outcome;
    }
    if (auto locked = db::lock_business_day(store, outcome.day, shift_ids, outcome.totals.sales); !locked)
        return refused_lock(locked.error());
    // lane.db is another file: the lane's record is its own commit, and the error says the day is closed.
    if (auto logged = record_audit(db_, event); !logged) {
        return make_error(logged.error().code,
                          fmt::format("business day {} was closed, but the lane's audit log could not record it: {}",
                                      day, logged.error().message));
    }
    return outcome;
}

}  // namespace pos::actions
