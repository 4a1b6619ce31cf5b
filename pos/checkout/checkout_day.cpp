// The checkout loop's 日结 (end of day) and 经营日报 (manager report) screens: the Lane decides and
// locks; this file checks the operator's role first, reads the store, and prints what was asked.
#include "pos/actions/reports/daily_report.hpp"
#include "pos/actions/printing/report_print.hpp"
#include "pos/actions/scripts/session.hpp"
#include "pos/checkout/approval_entry.hpp"
#include "pos/checkout/checkout.hpp"
#include "pos/core/business_day.hpp"

namespace pos::checkout {

using ui::Notice;
using ui::Screen;
using ui::Tone;

bool Checkout::permitted(core::Action action) {
    const auto& user = lane_.operator_user();
    core::Status allowed = user ? core::check_permitted(user->operator_id, user->role, action)
                                : core::Status(core::make_error(core::ErrorCode::not_permitted, "nobody is logged in"));
    if (allowed) return true;
    current_notice() = ui::error_notice(tr_, allowed.error());
    return false;
}

bool Checkout::refresh_day() {
    auto store = lane_.open_day_store_for_reading();
    if (!store) {
        current_notice() = ui::error_notice(tr_, store.error());
        return false;
    }
    auto status = lane_.day_status(**store);
    if (!status) {
        current_notice() = ui::error_notice(tr_, status.error());
        return false;
    }
    day_view_ = ui::make_day_view(*status, tr_);
    return true;
}

void Checkout::apply(const ui::intent::OpenEndOfDay&) {
    if (!permitted(core::Action::end_of_day)) return;
    bool again = state_.screen == Screen::end_of_day;  // F5: read the store again, keep where Esc goes
    Screen back = again ? state_.day.back : state_.screen;
    if (!refresh_day()) return;
    state_.day = ui::DayForm{};
    state_.day.back = back;
    state_.day.can_print = printing_ != nullptr;
    state_.screen = Screen::end_of_day;
}

void Checkout::apply(const ui::intent::CloseDay& intent) {
    ui::DayForm& form = state_.day;
    auto store = lane_.open_day_store();
    if (!store) {
        form.notice = ui::error_notice(tr_, store.error());
        return;
    }
    actions::EndOfDayRequest request{intent.force, intent.reason, intent.approver, intent.pin};
    auto outcome = lane_.end_of_day(**store, request, actions::local_now());
    if (!outcome) {
        Notice notice = ui::error_notice(tr_, outcome.error());
        // The lane lists the blockers in English; the screen lists them below in its own language.
        if (outcome.error().code == core::ErrorCode::day_blocked) notice.detail.clear();
        form.pin.clear();
        retry_approval(outcome.error(), form);  // forcing: a refused second supervisor types again
        // What blocks may have changed since the screen was read (a shift closed, a lane synced).
        if (auto status = lane_.day_status(**store)) day_view_ = ui::make_day_view(*status, tr_);
        form.notice = notice;
        return;
    }
    day_view_ = ui::make_closed_day_view(*outcome);
    form.closed = true;
    form.forcing = false;
    form.pin.clear();
    form.notice = Notice{Tone::success, tr_.format("day.closed_notice", outcome->day.day), {}};
    if (printing_) printing_->print_lines(day_view_.totals);
}

void Checkout::apply(const ui::intent::PrintDay&) {
    if (!printing_ || !state_.day.closed) return;
    printing_->print_lines(day_view_.totals);
    state_.day.notice = Notice{Tone::success, tr_("report.print_queued"), {}};
}

bool Checkout::load_report(const std::string& day) {
    auto store = lane_.open_day_store_for_reading();
    if (!store) {
        current_notice() = ui::error_notice(tr_, store.error());
        return false;
    }
    std::string chosen = day;
    if (chosen.empty()) {
        auto latest = actions::default_report_day(**store);
        if (!latest) {
            current_notice() = ui::error_notice(tr_, latest.error());
            return false;
        }
        chosen = *latest;
    }
    auto report = actions::load_daily_report(**store, chosen);
    if (!report) {
        current_notice() = ui::error_notice(tr_, report.error());
        return false;
    }
    daily_report_ = *report;
    manager_view_ = ui::make_manager_report_view(*report);
    for (const ui::TopItemRow& row : manager_view_.top_items) fonts_.ensure(row.name);
    for (const ui::LowStockRow& row : manager_view_.low_stock) fonts_.ensure(row.name);
    return true;
}

void Checkout::apply(const ui::intent::OpenManagerReport&) {
    if (!permitted(core::Action::daily_report)) return;
    Screen back = state_.screen == Screen::manager_report ? state_.manager.back : state_.screen;
    if (!load_report({})) return;
    state_.manager = ui::ManagerReportForm{};
    state_.manager.day = manager_view_.day;
    state_.manager.back = back;
    state_.manager.can_print = printing_ != nullptr;
    state_.screen = Screen::manager_report;
}

void Checkout::apply(const ui::intent::ShowReportDay& intent) {
    ui::ManagerReportForm& form = state_.manager;
    if (!actions::is_calendar_date(form.day)) return;
    std::string day = intent.offset < 0 ? core::date_minus_days(form.day, -intent.offset) : form.day;
    for (int i = 0; i < intent.offset; ++i) day = core::next_date(day);
    form.notice.clear();
    if (load_report(day)) form.day = day;
}

void Checkout::apply(const ui::intent::PrintDailyReport&) {
    if (!printing_ || !daily_report_) return;
    printing_->queue().submit(
        actions::PrintKind::report, 0,
        actions::daily_report_bytes(*daily_report_, lane_.config().store_name, printing_->queue().profile()));
    state_.manager.notice = Notice{Tone::success, tr_("report.print_queued"), {}};
}

}  // namespace pos::checkout
