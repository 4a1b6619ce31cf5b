// The 日结 (end of day) and 经营日报 (manager report) screens headless: their views made from the
// Lane's DayStatus and a daily report, the keys each takes, and the intents they record.
#include <doctest/doctest.h>

#include <imgui.h>

#include "pos/ui/screens.hpp"
#include "tests/ui/headless.hpp"

namespace ui = pos::ui;
namespace core = pos::core;
using pos::core::Money;
using pos::testing::Headless;
using pos::testing::only;

namespace {

pos::actions::DayStatus blocked_status() {
    pos::actions::DayStatus status;
    status.day.day = "2026-11-23";
    status.day.opened_at = "2026-11-23T08:00:00+08:00";
    status.day.shifts = {{"s1", 1, "1001", "2026-11-23T08:00:00+08:00", true},
                         {"s2", 2, "1002", "2026-11-23T14:05:00+08:00", false}};
    status.blockers = {{"open_shift", "s2", "shift s2 on lane 2 (operator 1002) is still open: close it (交班) first",
                        2, "1002", "2026-11-23T14:05:00+08:00", 0}};
    status.last_closed = pos::db::BusinessDayRecord{
        "2026-11-22", "2026-11-22T08:01:00+08:00", "2026-11-22T22:05:00+08:00", "9001", "", "[]", "{}", 0, 0};
    return status;
}

core::DayFigures figures(const std::string& day, int64_t net_fen, int64_t tickets) {
    core::DayFigures figures;
    figures.day = day;
    figures.is_business_day = true;
    figures.headline.net = Money::fen(net_fen);
    figures.headline.gross = Money::fen(net_fen);
    figures.headline.tickets = tickets;
    return figures;
}

}  // namespace

TEST_CASE("day_screens: the day view lists shifts, blockers and the last end of day") {
    Headless ui_test;
    ui::DayView view = ui::make_day_view(blocked_status(), ui_test.tr());
    CHECK(view.day == "2026-11-23");
    CHECK(view.opened == "2026-11-23 08:00");
    REQUIRE(view.shifts.size() == 2);
    CHECK(view.shifts[0].lane == "1");
    CHECK_FALSE(view.shifts[0].open);
    CHECK(view.shifts[1].operator_id == "1002");
    CHECK(view.shifts[1].opened == "11-23 14:05");
    CHECK(view.shifts[1].open);
    REQUIRE(view.blockers.size() == 1);
    CHECK(view.blockers[0] ==
          "Lane 2: operator 1002's shift (opened 2026-11-23 14:05) is still open: close it (交班) first");
    CHECK(view.last_closed == "2026-11-22");
    CHECK(view.last_closed_at == "2026-11-22 22:05");
    CHECK(view.last_closed_by == "9001");
}

TEST_CASE("day_screens: blockers are said in Chinese on the Chinese screen, from the facts core gives") {
    auto zh = ui::Strings::load(std::string(POS_SOURCE_DIR) + "/assets/i18n", "zh_CN");
    REQUIRE(zh.ok());
    core::DayBlocker unsynced{
        "unsynced", "3", "lane 3 has 4 record(s) not yet at the store", 3, {}, "2026-11-23T21:40:00+08:00", 4};
    CHECK(ui::blocker_text(*zh, unsynced) == "3 号机有 4 条记录还没送到门店（最早 2026-11-23 21:40）：请在该机同步");
    CHECK(ui::blocker_text(*zh, blocked_status().blockers[0]) ==
          "2 号机收银员 1002 的班次（2026-11-23 14:05 开班）还没交班：请先交班");
    CHECK(ui::blocker_text(*zh, {"no_shifts", "", "no shift has opened"}) ==
          "上次日结以后还没有开过班：没有可日结的营业日");
    CHECK(ui::blocker_text(*zh, {"something_new", "", "core's own words"}) == "core's own words");
}

TEST_CASE("day_screens: a closed day's view carries its locked totals and whether it was forced") {
    pos::actions::EndOfDayOutcome outcome;
    outcome.day = pos::db::BusinessDayRecord{
        "2026-11-23", "2026-11-23T08:00:00+08:00", "2026-11-23T22:00:00+08:00", "9002", "收银员生病", "[]", "{}", 0, 0};
    outcome.totals.shifts = 2;
    outcome.totals.sales = 3;
    outcome.totals.net_sales = Money::fen(1250);
    outcome.forced_over = {{"open_shift", "s2", "shift s2 is still open"}};
    ui::DayView view = ui::make_closed_day_view(outcome);
    CHECK(view.day == "2026-11-23");
    CHECK(view.forced);
    CHECK(view.last_closed_by == "9002");
    CHECK_FALSE(view.totals.empty());
    CHECK(view.totals == pos::actions::closed_day_lines(outcome.day, {}));
}

TEST_CASE("day_screens: Enter on a day nothing blocks asks the lane to close it, F5 reads again, Esc leaves") {
    Headless ui_test;
    ui::DayForm form;
    pos::actions::DayStatus status = blocked_status();
    status.blockers.clear();
    ui::DayView view = ui::make_day_view(status, ui_test.tr());
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_end_of_day(form, view, ui_test.input, intents, ui);
    };
    const auto close = only<ui::intent::CloseDay>(ui_test.type("{Enter}", draw));
    CHECK_FALSE(close.force);
    CHECK(close.approver.empty());
    CHECK_FALSE(form.forcing);
    (void)only<ui::intent::OpenEndOfDay>(ui_test.type("{F5}", draw));
    (void)only<ui::intent::Leave>(ui_test.type("{Esc}", draw));
    (void)only<ui::intent::Leave>(ui_test.type("{F10}", draw));
}

TEST_CASE("day_screens: a blocked day is forced only with a reason, a supervisor number and PIN") {
    Headless ui_test;
    ui::DayForm form;
    ui::DayView view = ui::make_day_view(blocked_status(), ui_test.tr());
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_end_of_day(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("{Enter}", draw).empty());  // shows the force fields, closes nothing
    CHECK(form.forcing);
    CHECK(form.field == ui::DayForm::Field::reason);
    CHECK(ui_test.type("{Enter}", draw).empty());  // no reason yet: stays on it
    CHECK(form.field == ui::DayForm::Field::reason);
    CHECK(ui_test.type("收银台坏了{Enter}9002{Enter}", draw).empty());
    CHECK(form.field == ui::DayForm::Field::pin);
    const auto force = only<ui::intent::CloseDay>(ui_test.type("1111{Enter}", draw));
    CHECK(force.force);
    CHECK(force.reason == "收银台坏了");
    CHECK(force.approver == "9002");
    CHECK(force.pin == "1111");
}

TEST_CASE("day_screens: Esc while forcing goes back to the status and forgets the PIN, a second Esc leaves") {
    Headless ui_test;
    ui::DayForm form;
    ui::DayView view = ui::make_day_view(blocked_status(), ui_test.tr());
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_end_of_day(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("{Enter}x{Tab}9002{Tab}11", draw).empty());
    CHECK(form.pin.text == "11");
    CHECK(ui_test.type("{Esc}", draw).empty());
    CHECK_FALSE(form.forcing);
    CHECK(form.pin.empty());
    (void)only<ui::intent::Leave>(ui_test.type("{Esc}", draw));
}

TEST_CASE("day_screens: with no business day open Enter does nothing") {
    Headless ui_test;
    ui::DayForm form;
    ui::DayView view;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_end_of_day(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("{Enter}", draw).empty());
    CHECK_FALSE(form.forcing);
}

TEST_CASE("day_screens: a closed day prints on F4 only with a printer, Enter goes back") {
    Headless ui_test;
    ui::DayForm form;
    form.closed = true;
    ui::DayView view;
    view.totals = {"business day 2026-11-23", "net sales 12.50"};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_end_of_day(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("{F4}", draw).empty());
    form.can_print = true;
    (void)only<ui::intent::PrintDay>(ui_test.type("{F4}", draw));
    (void)only<ui::intent::Leave>(ui_test.type("{Enter}", draw));
}

TEST_CASE("day_screens: the report view compares with the day before and the same weekday last week") {
    core::DailyReport report;
    report.day = figures("2026-11-23", 12000, 12);
    report.day.closed = true;
    report.day.by_hour = {{"09", Money::fen(2000), 2, 0}, {"18", Money::fen(10000), 10, 0}};
    report.day.by_tender = {{"cash", Money::fen(9000), 9, 0}, {"mobile", Money::fen(3000), 3, 0}};
    report.day.top_by_amount = {{"100001", "可口可乐 500ml", Money::fen(3000), 10000}};
    core::ShiftCash closed{"s1",
                           1,
                           "1001",
                           "2026-11-23T08:00:00+08:00",
                           true,
                           Money::fen(20200),
                           Money::fen(20000),
                           Money::fen(-200),
                           "9001",
                           "少找零"};
    core::ShiftCash open{"s2", 2, "1002", "2026-11-23T14:00:00+08:00", false, {}, {}, {}, "", ""};
    report.day.cash = {closed, open};
    report.day.cash_variance = Money::fen(-200);
    report.day.headline.discounts = Money::fen(300);
    report.previous_day = figures("2026-11-22", 10000, 10);
    // no last_week: that day had no business

    ui::ManagerReportView view = ui::make_manager_report_view(report);
    CHECK(view.day == "2026-11-23");
    CHECK(view.closed);
    CHECK(view.previous_day == "2026-11-22");
    CHECK(view.last_week == "2026-11-16");
    REQUIRE(view.figures.size() == 7);
    const ui::FigureRow& net = view.figures[0];
    CHECK(std::string(net.label) == "mgr.net");
    CHECK(net.value == "120.00");
    CHECK(net.previous_delta == "+20.00");
    CHECK(net.previous_percent == "+20.0%");
    CHECK(net.trend == 1);
    CHECK(net.week_delta == "+120.00");
    CHECK(net.week_percent == "-");  // no percentage of nothing
    const ui::FigureRow& returns = view.figures[3];
    CHECK(std::string(returns.label) == "mgr.returns");
    CHECK(returns.trend == 0);  // none either day
    const ui::FigureRow& tickets = view.figures[4];
    CHECK(std::string(tickets.label) == "mgr.tickets");
    CHECK(tickets.value == "12");
    CHECK(tickets.previous_delta == "+2");
    CHECK(view.figures[2].previous_delta == "+3.00");
    CHECK(view.figures[2].trend == -1);  // more discounts than the day before: worse, shown red
    REQUIRE(view.hours.size() == 24);
    CHECK(view.hours[9].net == "20.00");
    CHECK(view.hours[18].net_fen == 10000);
    CHECK(view.hours[10].net_fen == 0);
    CHECK(view.busiest_fen == 10000);
    REQUIRE(view.tenders.size() == 2);
    CHECK(view.tenders[0].amount == "90.00");
    CHECK(view.tenders[0].share == doctest::Approx(0.75));
    REQUIRE(view.top_items.size() == 1);
    CHECK(view.top_items[0].quantity == "10");
    REQUIRE(view.cash.size() == 2);
    CHECK(view.cash[0].who == "L1 1001");
    CHECK(view.cash[0].variance == "-2.00");
    CHECK(view.cash[0].sign == -1);
    CHECK(view.cash[0].signed_by == "9001");
    CHECK(view.cash[1].variance.empty());  // not closed: shown as such
    CHECK(view.cash_total == "-2.00");
}

TEST_CASE("day_screens: the report screen steps days with PgUp and PgDn, prints on F4 with a printer, Esc leaves") {
    Headless ui_test;
    ui::ManagerReportForm form;
    form.day = "2026-11-23";
    core::DailyReport report;
    report.day = figures("2026-11-23", 500, 1);
    ui::ManagerReportView view = ui::make_manager_report_view(report);
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_manager_report(form, view, ui_test.input, intents, ui);
    };
    CHECK(only<ui::intent::ShowReportDay>(ui_test.type("{PageUp}", draw)).offset == -1);
    CHECK(only<ui::intent::ShowReportDay>(ui_test.type("{PageDown}", draw)).offset == 1);
    CHECK(ui_test.type("{F4}", draw).empty());
    form.can_print = true;
    (void)only<ui::intent::PrintDailyReport>(ui_test.type("{F4}", draw));
    (void)only<ui::intent::Leave>(ui_test.type("{Esc}", draw));
}

TEST_CASE("day_screens: the shift menu opens 日结 with 8 or F10 and the daily report with 9 or F7") {
    Headless ui_test;
    ui::ShiftMenuForm form;
    ui::ShiftMenuView view{"王芳", "09:15", false};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_shift_menu(form, view, ui_test.input, intents, ui);
    };
    (void)only<ui::intent::OpenEndOfDay>(ui_test.type("8", draw));
    (void)only<ui::intent::OpenEndOfDay>(ui_test.type("{F10}", draw));
    (void)only<ui::intent::OpenManagerReport>(ui_test.type("9", draw));
    (void)only<ui::intent::OpenManagerReport>(ui_test.type("{F7}", draw));
}

TEST_CASE("day_screens: the open-shift screen reaches 日结 and the daily report without opening a shift") {
    Headless ui_test;
    ui::ShiftForm form;
    ui::ShiftView view{"王芳", "1001"};  // another operator's shift is open: selling is blocked
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_open_shift(form, view, ui_test.input, intents, ui);
    };
    (void)only<ui::intent::OpenEndOfDay>(ui_test.type("{F10}", draw));
    (void)only<ui::intent::OpenManagerReport>(ui_test.type("{F7}", draw));
}

TEST_CASE("day_screens: 日结 needs a supervisor, the daily report a manager") {
    CHECK_FALSE(ui::role_permits("cashier", core::Action::end_of_day));
    CHECK(ui::role_permits("supervisor", core::Action::end_of_day));
    CHECK_FALSE(ui::role_permits("supervisor", core::Action::daily_report));
    CHECK(ui::role_permits("manager", core::Action::daily_report));
    CHECK(ui::role_permits("admin", core::Action::daily_report));
    CHECK_FALSE(ui::role_permits("boss", core::Action::end_of_day));
}
