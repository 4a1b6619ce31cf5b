// The shift lead's screens headless: shift menu, drawer movements, blind count, variance and
// sign-off, X/Z report. Keys go through the input queue; the intents are checked exactly.
#include <doctest/doctest.h>

#include <imgui.h>

#include "pos/ui/screens.hpp"
#include "tests/ui/headless.hpp"

namespace ui = pos::ui;
using pos::core::Money;
using pos::core::TenderMethod;
using pos::testing::Headless;
using pos::testing::only;

namespace {}  // namespace

TEST_CASE("shift_screens: the sale screen's F12 opens the shift menu, F11 pay-in, F5 no-sale, Home locks") {
    Headless ui_test;
    ui::SaleForm form;
    ui::SaleView view;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_sale(form, view, ui_test.input, intents, ui); };
    (void)only<ui::intent::OpenShiftMenu>(ui_test.type("{F12}", draw));
    CHECK(only<ui::intent::OpenCash>(ui_test.type("{F11}", draw)).kind == ui::CashKind::pay_in);
    CHECK(only<ui::intent::OpenCash>(ui_test.type("{F5}", draw)).kind == ui::CashKind::no_sale);
    (void)only<ui::intent::Logout>(ui_test.type("{Home}", draw));
}

TEST_CASE("shift_screens: the menu picks by digit (0 the tenth), by arrows and Enter, or by its hot keys") {
    Headless ui_test;
    ui::ShiftMenuForm form;
    ui::ShiftMenuView view{"Zhang Wei", "09:15", false};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_shift_menu(form, view, ui_test.input, intents, ui);
    };
    (void)only<ui::intent::ShowXReport>(ui_test.type("1", draw));
    CHECK(only<ui::intent::OpenCash>(ui_test.type("2", draw)).kind == ui::CashKind::pay_in);
    CHECK(only<ui::intent::OpenCash>(ui_test.type("4", draw)).kind == ui::CashKind::pickup);
    (void)only<ui::intent::StartClose>(ui_test.type("6", draw));
    form.selected = 0;
    CHECK(only<ui::intent::OpenCash>(ui_test.type("{Down}{Down}{Enter}", draw)).kind == ui::CashKind::pay_out);
    CHECK(only<ui::intent::OpenCash>(ui_test.type("{F5}", draw)).kind == ui::CashKind::no_sale);
    (void)only<ui::intent::Logout>(ui_test.type("{Home}", draw));
    (void)only<ui::intent::Logout>(ui_test.type("7", draw));
    (void)only<ui::intent::Leave>(ui_test.type("{Esc}", draw));
    (void)only<ui::intent::OpenStockDesk>(ui_test.type("0", draw));  // the tenth item: 库存
    (void)only<ui::intent::OpenStockScan>(ui_test.type("{F6}", draw));
}

TEST_CASE("shift_screens: a pay-in takes the amount, then a common reason from ↑↓, then Enter") {
    Headless ui_test;
    ui::CashForm form;
    ui::CashView view{Money::yuan(100)};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_cash_movement(form, view, ui_test.input, intents, ui);
    };

    CHECK(ui_test.type("{Enter}", draw).empty());  // no amount yet: stays on the amount
    CHECK(form.field == ui::CashForm::Field::amount);
    const auto move = only<ui::intent::MoveCash>(ui_test.type("50{Enter}{Down}{Enter}", draw));
    CHECK(move.kind == ui::CashKind::pay_in);
    CHECK(move.amount_text == "50");
    CHECK(move.reason == "Change from the safe");
    CHECK(move.approver.empty());
}

TEST_CASE("shift_screens: F11 switches pay-in and pay-out, a typed reason takes Chinese and erases by character") {
    Headless ui_test;
    ui::CashForm form;
    ui::CashView view{Money::yuan(100)};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_cash_movement(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("{F11}30{Tab}买胶带x{Backspace}", draw).empty());
    CHECK(form.kind == ui::CashKind::pay_out);
    CHECK(form.reason.text == "买胶带");
    CHECK(ui_test.type("{Backspace}", draw).empty());
    CHECK(form.reason.text == "买胶");
    const auto move = only<ui::intent::MoveCash>(ui_test.type("{Enter}", draw));
    CHECK(move.kind == ui::CashKind::pay_out);
    CHECK(move.amount_text == "30");
    CHECK(move.reason == "买胶");
    (void)only<ui::intent::Leave>(ui_test.type("{Esc}", draw));
}

TEST_CASE("shift_screens: a pickup asks for the supervisor's number and PIN before it is recorded") {
    Headless ui_test;
    ui::CashForm form;
    form.kind = ui::CashKind::pickup;
    form.needs_approval = true;
    ui::CashView view{Money::yuan(100)};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_cash_movement(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("500{Enter}{Enter}9001{Enter}", draw).empty());
    CHECK(form.field == ui::CashForm::Field::pin);
    const auto move = only<ui::intent::MoveCash>(ui_test.type("999999{Enter}", draw));
    CHECK(move.kind == ui::CashKind::pickup);
    CHECK(move.amount_text == "500");
    CHECK(move.reason.empty());
    CHECK(move.approver == "9001");
    CHECK(move.pin == "999999");
}

TEST_CASE("shift_screens: the blind count adds up live and asks once more before it is final") {
    Headless ui_test;
    ui::CountForm form;
    ui::CountView view{pos::core::cny_denominations()};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_close_count(form, view, ui_test.input, intents, ui);
    };

    // 100 ×2, 1 ×2, 1 jiao ×4; card 24.00, mobile 2.00.
    CHECK(ui_test.type("2{Enter}{Enter}{Enter}{Enter}{Enter}2{Enter}{Enter}4{Enter}24.00{Enter}2.00", draw).empty());
    CHECK(form.cash_total() == Money::fen(20240));
    CHECK(ui_test.type("{Enter}", draw).empty());
    CHECK(form.confirming);
    CHECK(form.notice.tone == ui::Tone::info);
    const auto count = only<ui::intent::SubmitCount>(ui_test.type("{Enter}", draw));
    CHECK(count.counts == std::vector<int64_t>{2, 0, 0, 0, 0, 2, 0, 4});
    CHECK(count.card_text == "24.00");
    CHECK(count.mobile_text == "2.00");
}

TEST_CASE("shift_screens: any key after the last Enter cancels the confirmation, Esc leaves the count") {
    Headless ui_test;
    ui::CountForm form;
    ui::CountView view{pos::core::cny_denominations()};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_close_count(form, view, ui_test.input, intents, ui);
    };
    form.field = form.mobile_field();
    CHECK(ui_test.type("{Enter}{Up}", draw).empty());
    CHECK_FALSE(form.confirming);
    CHECK(form.field == form.card_field());
    CHECK(ui_test.type("{Down}{Enter}", draw).empty());  // asks again
    (void)only<ui::intent::Leave>(ui_test.type("{Esc}", draw));
}

TEST_CASE("shift_screens: a variance above the limit takes a reason and the supervisor's sign-off") {
    Headless ui_test;
    ui::VarianceForm form;
    form.needs_signoff = true;
    form.rows = {{TenderMethod::cash, Money::fen(20240), Money::fen(18240), Money::fen(-2000)}};
    form.largest = Money::fen(2000);
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_close_variance(form, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("{Enter}", draw).empty());  // no reason yet
    CHECK(form.field == ui::VarianceForm::Field::reason);
    const auto sign = only<ui::intent::SignOff>(ui_test.type("{Down}{Enter}9001{Enter}999999{Enter}", draw));
    CHECK(sign.reason == "Wrong change given");
    CHECK(sign.approver == "9001");
    CHECK(sign.pin == "999999");
    (void)only<ui::intent::Leave>(ui_test.type("{Esc}", draw));
}

TEST_CASE("shift_screens: once closed, Enter shows the Z report, and Enter on it hands over to the next cashier") {
    Headless ui_test;
    ui::VarianceForm variance;
    variance.closed = true;
    variance.rows = {{TenderMethod::cash, Money::fen(20200), Money::fen(20200), Money::fen(0)}};
    auto draw_variance = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_close_variance(variance, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("9", draw_variance).empty());  // nothing to type any more
    (void)only<ui::intent::ShowZReport>(ui_test.type("{Enter}", draw_variance));

    ui::ReportForm report;
    report.z = true;
    report.lines = {"Demo Store", "Z report (shift closed)", "----", "Lane            1"};
    auto draw_report = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_shift_report(report, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("{Down}{PageDown}", draw_report).empty());
    (void)only<ui::intent::FinishClose>(ui_test.type("{Enter}", draw_report));
    report.z = false;
    (void)only<ui::intent::Leave>(ui_test.type("{Esc}", draw_report));
}

TEST_CASE("shift_screens: denominations read as cashiers say them, variances carry their sign") {
    Headless ui_test;
    CHECK(ui::denomination_text(ui_test.tr(), Money::yuan(100)) == "¥100");
    CHECK(ui::denomination_text(ui_test.tr(), Money::fen(50)) == "¥0.5");
    auto zh = ui::Strings::load(std::string(POS_SOURCE_DIR) + "/assets/i18n", "zh_CN");
    REQUIRE(zh.ok());
    CHECK(ui::denomination_text(*zh, Money::yuan(20)) == "20 元");
    CHECK(ui::denomination_text(*zh, Money::fen(10)) == "1 角");
    CHECK(ui::signed_money_text(Money::fen(200)) == "+¥2.00");
    CHECK(ui::signed_money_text(Money::fen(-2000)) == "-¥20.00");
    CHECK(ui::signed_money_text(Money::fen(0)) == "¥0.00");
}

TEST_CASE("shift_screens: {Home} is a key in key scripts") {
    auto events = ui::parse_key_script("{Home}{F12}");
    REQUIRE(events.ok());
    CHECK((*events)[0].is(ui::Key::home));
    CHECK((*events)[1].is(ui::Key::f12));
}
