// The checkout loop's 周报/月报 screen: the store's period report (pos/actions/reports/period_report),
// for a manager, starting with the week of the day the F7 report shows.
#include "pos/actions/reports/daily_report.hpp"
#include "pos/actions/reports/period_report.hpp"
#include "pos/checkout/checkout.hpp"
#include "pos/core/business_day.hpp"

namespace pos::checkout {

bool Checkout::load_period(const std::string& kind, const std::string& day) {
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
    auto report = actions::load_period_report(**store, {kind, chosen, {}, {}}, chosen);
    if (!report) {
        current_notice() = ui::error_notice(tr_, report.error());
        return false;
    }
    period_view_ = ui::make_period_report_view(*report);
    for (const actions::ReportTable& table : period_view_.dimensions) {
        for (const auto& row : table.rows) {
            for (const std::string& cell : row) fonts_.ensure(cell);  // item and department names
        }
    }
    state_.period.kind = kind;
    state_.period.day = chosen;
    return true;
}

void Checkout::apply(const ui::intent::OpenPeriodReport&) {
    if (!permitted(core::Action::daily_report)) return;
    ui::Screen back = state_.screen == ui::Screen::period_report ? state_.period.back : state_.screen;
    ui::PeriodReportForm form;
    form.back = back;
    std::string day = state_.screen == ui::Screen::manager_report ? state_.manager.day : std::string();
    state_.period = form;
    if (!load_period("week", day)) return;
    state_.screen = ui::Screen::period_report;
}

void Checkout::apply(const ui::intent::ShowPeriod& intent) {
    ui::PeriodReportForm& form = state_.period;
    // The period before starts the day before this one's first day; the one after the day after its last.
    std::string day = intent.offset < 0   ? core::date_minus_days(period_view_.first, 1)
                      : intent.offset > 0 ? core::next_date(period_view_.last)
                                          : form.day;
    form.notice.clear();
    (void)load_period(intent.kind.empty() ? form.kind : intent.kind, day);
}

}  // namespace pos::checkout
