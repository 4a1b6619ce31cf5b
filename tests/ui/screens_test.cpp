// The screens' keyboard handling, headless: a real ImGui context with no window, keys fed
// through the input queue, and the intents each screen records checked exactly.
#include <doctest/doctest.h>

#include <imgui.h>

#include "pos/ui/screens.hpp"
#include "tests/ui/headless.hpp"

namespace ui = pos::ui;
using pos::core::Money;
using pos::core::TenderMethod;
using pos::testing::Headless;
using pos::testing::only;

namespace {

ui::SaleView two_lines() {
    ui::SaleView view;
    view.lines.push_back(ui::LineView{1, "Water", "550ml", "1", "2.00", "2.00", false});
    view.lines.push_back(ui::LineView{2, "Cola", "330ml", "2", "2.50", "5.00", false});
    view.subtotal = Money::fen(700);
    view.item_count = "3";
    view.has_live_lines = true;
    return view;
}

// The one intent recorded, by value (the list is usually a temporary).

}  // namespace

TEST_CASE("screens: login takes the number, Enter moves to the PIN, Enter logs in") {
    Headless ui_test;
    ui::LoginForm form;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_login(form, ui_test.input, intents, ui); };
    auto intents = ui_test.type("1001{Enter}1234{Enter}", draw);
    const auto& login = only<ui::intent::Login>(intents);
    CHECK(login.operator_id == "1001");
    CHECK(login.pin == "1234");
}

TEST_CASE("screens: keys typed after Enter wait in the queue for the next screen") {
    Headless ui_test;
    ui::LoginForm form;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_login(form, ui_test.input, intents, ui); };
    (void)only<ui::intent::Login>(ui_test.type("1001{Enter}1234{Enter}{Enter}69", draw));
    CHECK(ui_test.input.next()->is(ui::Key::enter));
    CHECK(ui_test.input.next()->ch == U'6');
}

TEST_CASE("screens: sale scans a code, sells a quantity of a code, or goes to pay on an empty Enter") {
    Headless ui_test;
    ui::SaleForm form;
    ui::SaleView view = two_lines();
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_sale(form, view, ui_test.input, intents, ui); };

    const auto& scan = only<ui::intent::Scan>(ui_test.type("6921168176748{Enter}", draw));
    CHECK(scan.code == "6921168176748");
    CHECK(scan.quantity_text.empty());

    const auto& weighed = only<ui::intent::Scan>(ui_test.type("0.350*00101{Enter}", draw));
    CHECK(weighed.code == "00101");
    CHECK(weighed.quantity_text == "0.350");

    (void)only<ui::intent::GoToTender>(ui_test.type("{Enter}", draw));
    CHECK(form.input.empty());
}

TEST_CASE("screens: sale sets the selected line's quantity with QTY* Enter") {
    Headless ui_test;
    ui::SaleForm form;
    ui::SaleView view = two_lines();
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_sale(form, view, ui_test.input, intents, ui); };

    const auto& last = only<ui::intent::SetQuantity>(ui_test.type("3*{Enter}", draw));
    CHECK(last.line == 2);  // nothing selected: the last line
    CHECK(last.quantity_text == "3");

    const auto& first = only<ui::intent::SetQuantity>(ui_test.type("{Up}{Up}5*{Enter}", draw));
    CHECK(first.line == 1);
    CHECK(first.quantity_text == "5");

    CHECK(ui_test.type("*", draw).empty());
    CHECK(form.notice.tone == ui::Tone::info);
}

TEST_CASE("screens: Delete asks a supervisor, whose number and PIN void the line") {
    Headless ui_test;
    ui::SaleForm form;
    ui::SaleView view = two_lines();
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_sale(form, view, ui_test.input, intents, ui); };

    const auto& voided = only<ui::intent::VoidLine>(ui_test.type("{Delete}9001{Enter}999999{Enter}", draw));
    CHECK(voided.line == 2);
    CHECK(voided.approver == "9001");
    CHECK(voided.pin == "999999");

    form.approval = ui::ApprovalForm{};
    CHECK(ui_test.type("{Delete}90{Esc}", draw).empty());
    CHECK_FALSE(form.approval.open);
}

TEST_CASE("screens: tender takes exact cash, a typed amount, card, mobile, or goes back") {
    Headless ui_test;
    ui::TenderForm form;
    ui::TenderView view;
    view.due_exact = view.due_cash = Money::fen(700);
    view.quick_cash = ui::quick_cash_amounts(view.due_cash);
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_tender(form, view, ui_test.input, intents, ui);
    };

    const auto& exact = only<ui::intent::Tender>(ui_test.type("{Enter}", draw));
    CHECK(exact.method == TenderMethod::cash);
    CHECK(exact.amount_text.empty());
    CHECK(only<ui::intent::Tender>(ui_test.type("100{Enter}", draw)).amount_text == "100");
    CHECK(only<ui::intent::Tender>(ui_test.type("{F3}", draw)).method == TenderMethod::card);
    CHECK(only<ui::intent::Tender>(ui_test.type("{F4}", draw)).method == TenderMethod::mobile);
    (void)only<ui::intent::BackToSale>(ui_test.type("{Esc}", draw));
}

TEST_CASE("screens: after a completed sale, the next scan starts a new one") {
    Headless ui_test;
    ui::TenderForm form;
    form.done = ui::CompletedSale{7, TenderMethod::cash, Money::fen(700), Money::yuan(10), Money::fen(300)};
    ui::TenderView view;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_tender(form, view, ui_test.input, intents, ui);
    };
    CHECK(only<ui::intent::Scan>(ui_test.type("6921168176748{Enter}", draw)).code == "6921168176748");
    (void)only<ui::intent::BackToSale>(ui_test.type("{Enter}", draw));
}
