// The 周报/月报 screen headless: its view made from a store period report (the manager report's
// headline rows, the period report's breakdown tables), the keys it takes and the intents it records.
#include <doctest/doctest.h>

#include <imgui.h>

#include <algorithm>

#include "pos/ui/screens.hpp"
#include "tests/ui/headless.hpp"

namespace ui = pos::ui;
namespace core = pos::core;
using pos::core::Money;
using pos::testing::Headless;
using pos::testing::only;

namespace {

pos::actions::StorePeriodReport week_report() {
    pos::actions::StorePeriodReport report;
    report.bounds = *core::period_bounds("week", "2026-11-25");
    report.business_days = 7;
    report.figures.day.day = "2026-11-23";
    report.figures.day.is_business_day = true;
    report.figures.day.closed = true;
    report.figures.day.headline.net = Money::fen(436476);
    report.figures.day.headline.tickets = 152;
    report.figures.day.by_department = {{"饮料", Money::fen(58820), 81, 174000}};
    core::DayFigures before;
    before.headline.net = Money::fen(433279);
    before.by_department = {{"饮料", Money::fen(83058), 40, 100000}};
    report.figures.previous_day = before;
    report.figures.last_week = core::DayFigures{};
    report.figures.current_label = "period";
    report.figures.previous_label = "previous";
    report.figures.earlier_label = "last year";
    return report;
}

}  // namespace

TEST_CASE("period_screen: the view has the period's dates, the headline figures and each breakdown") {
    ui::PeriodReportView view = ui::make_period_report_view(week_report());
    CHECK(view.kind == "week");
    CHECK(view.first == "2026-11-23");
    CHECK(view.last == "2026-11-29");
    CHECK(view.previous_first == "2026-11-16");
    CHECK(view.last_year_first == "2025-11-24");
    CHECK_FALSE(view.open_day);
    REQUIRE_FALSE(view.figures.empty());
    CHECK(view.figures.front().value == "4364.76");
    CHECK(view.figures.front().previous_delta == "+31.97");
    REQUIRE(view.dimensions.size() == std::size(ui::period_dimensions));
    CHECK(view.dimensions.front().id == "by_department");
    REQUIRE(view.dimensions.front().rows.size() == 1);
    const auto& drinks = view.dimensions.front().rows.front();
    CHECK(drinks.front() == "饮料");
    CHECK(std::find(drinks.begin(), drinks.end(), "-242.38") != drinks.end());  // vs the previous week
}

TEST_CASE("period_screen: PgUp/PgDn step periods, F2/F3 choose week or month, Tab the breakdown, Esc leaves") {
    Headless ui_test;
    ui::PeriodReportForm form;
    form.day = "2026-11-25";
    ui::PeriodReportView view = ui::make_period_report_view(week_report());
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_period_report(form, view, ui_test.input, intents, ui);
    };
    auto before = only<ui::intent::ShowPeriod>(ui_test.type("{PageUp}", draw));
    CHECK(before.kind == "week");
    CHECK(before.offset == -1);
    CHECK(only<ui::intent::ShowPeriod>(ui_test.type("{PageDown}", draw)).offset == 1);
    auto month = only<ui::intent::ShowPeriod>(ui_test.type("{F3}", draw));
    CHECK(month.kind == "month");
    CHECK(month.offset == 0);
    CHECK(only<ui::intent::ShowPeriod>(ui_test.type("{F2}", draw)).kind == "week");
    CHECK(ui_test.type("{Tab}{Tab}", draw).empty());
    CHECK(form.dimension == 2);
    for (size_t i = 2; i < view.dimensions.size(); ++i) (void)ui_test.type("{Tab}", draw);
    CHECK(form.dimension == 0);  // round again
    (void)only<ui::intent::Leave>(ui_test.type("{Esc}", draw));
}

TEST_CASE("period_screen: F8 opens it from the shift menu and from the daily report") {
    Headless ui_test;
    ui::ShiftMenuForm menu;
    ui::ShiftMenuView menu_view{"王芳", "09:15", false};
    (void)only<ui::intent::OpenPeriodReport>(ui_test.type("{F8}", [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_shift_menu(menu, menu_view, ui_test.input, intents, ui);
    }));
    ui::ManagerReportForm form;
    ui::ManagerReportView view;
    (void)only<ui::intent::OpenPeriodReport>(ui_test.type("{F8}", [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_manager_report(form, view, ui_test.input, intents, ui);
    }));
}
