// The screens added for issues 8 and 10 headless: the float counted by denomination at open
// shift, 会员还款, and 无小票退货 — the keys each takes, the intents it records, Esc never traps.
#include <doctest/doctest.h>

#include <imgui.h>

#include "pos/ui/screens.hpp"
#include "tests/ui/headless.hpp"

namespace ui = pos::ui;
using pos::core::Money;
using pos::core::TenderMethod;
using pos::testing::Headless;
using pos::testing::only;

TEST_CASE("new_screens: F2 counts the float by denomination and Enter on the last row opens with the counts") {
    Headless ui_test;
    ui::ShiftForm form;
    ui::ShiftView view{"张伟", {}};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_open_shift(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("{F2}2{Enter}1{Down}{Down}{Down}{Down}5{Enter}{Enter}", draw).empty());
    CHECK(form.by_denomination);
    CHECK(form.note == 7);
    CHECK(ui::notes_total(form.notes).in_fen() == 25500);
    const auto open = only<ui::intent::OpenShift>(ui_test.type("4{Enter}", draw));
    CHECK(open.counts == std::vector<int64_t>{2, 1, 0, 0, 0, 5, 0, 4});
}

TEST_CASE("new_screens: Esc leaves the count for the typed total, and the typed total opens as before") {
    Headless ui_test;
    ui::ShiftForm form;
    ui::ShiftView view{"张伟", {}};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_open_shift(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("{F2}3{Esc}", draw).empty());
    CHECK_FALSE(form.by_denomination);
    const auto open = only<ui::intent::OpenShift>(ui_test.type("150{Enter}", draw));
    CHECK(open.float_text == "150");
    CHECK(open.counts.empty());
    (void)only<ui::intent::Logout>(ui_test.type("{Esc}", draw));
}

TEST_CASE("new_screens: another operator's open shift ignores F2") {
    Headless ui_test;
    ui::ShiftForm form;
    ui::ShiftView view{"张伟", "1002"};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_open_shift(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("{F2}", draw).empty());
    CHECK_FALSE(form.by_denomination);
}

TEST_CASE("new_screens: 还款 finds the member, then Enter takes cash, F3 card, F4 mobile") {
    Headless ui_test;
    ui::RepayForm form;
    ui::MemberView view;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_repayment(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("{Enter}", draw).empty());  // nothing typed: nothing looked up
    CHECK(only<ui::intent::FindMember>(ui_test.type("88000001{Enter}", draw)).card_or_phone == "88000001");
    view = ui::make_member_view({"88000001", "13800138000", "王芳", {Money::yuan(500), Money::yuan(50)}});
    CHECK(view.owed == "50.00");
    CHECK(view.available == "450.00");
    form.field = ui::RepayForm::Field::amount;
    const auto cash = only<ui::intent::PayAccount>(ui_test.type("20{Enter}", draw));
    CHECK(cash.card == "88000001");
    CHECK(cash.amount_text == "20");
    CHECK(cash.method == TenderMethod::cash);
    CHECK(only<ui::intent::PayAccount>(ui_test.type("{F3}", draw)).method == TenderMethod::card);
    CHECK(only<ui::intent::PayAccount>(ui_test.type("{F4}", draw)).method == TenderMethod::mobile);
    form.done = true;
    (void)only<ui::intent::Leave>(ui_test.type("{Enter}", draw));
}

TEST_CASE("new_screens: 还款 Esc leaves at any step, F3 before a member is found does nothing") {
    Headless ui_test;
    ui::RepayForm form;
    ui::MemberView view;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_repayment(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("{F3}", draw).empty());
    (void)only<ui::intent::Leave>(ui_test.type("8800{Esc}", draw));
}

TEST_CASE("new_screens: 无小票退货 adds items, needs a reason, then asks the manager in a dialog") {
    Headless ui_test;
    ui::NoReceiptForm form;
    ui::NoReceiptView view;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_return_no_receipt(form, view, ui_test.input, intents, ui);
    };
    CHECK(only<ui::intent::AddReturnItem>(ui_test.type("2*6921168176748{Enter}", draw)).code_text == "2*6921168176748");
    form.item.clear();
    view.items.push_back({"农夫山泉饮用天然水", "550ml", "2", "2.00", "4.00"});
    view.total = "¥4.00";
    CHECK(ui_test.type("{Enter}", draw).empty());  // empty item field: on to the reason
    CHECK(form.field == ui::NoReceiptForm::Field::reason);
    CHECK(ui_test.type("{Enter}", draw).empty());  // no reason: refused in red, no dialog
    CHECK(form.notice.tone == ui::Tone::error);
    CHECK_FALSE(form.approving);
    CHECK(ui_test.type("lost{Enter}", draw).empty());
    CHECK(form.approving);
    CHECK(ui_test.type("8801{Enter}", draw).empty());
    const auto commit = only<ui::intent::CommitNoReceiptReturn>(ui_test.type("888888{Enter}", draw));
    CHECK(commit.reason == "lost");
    CHECK(commit.approver == "8801");
    CHECK(commit.pin == "888888");
}

TEST_CASE("new_screens: 无小票退货 Esc closes the dialog and forgets the PIN, a second Esc leaves, Delete removes") {
    Headless ui_test;
    ui::NoReceiptForm form;
    ui::NoReceiptView view;
    view.items.push_back({"A", "", "1", "2.00", "2.00"});
    view.items.push_back({"B", "", "1", "3.00", "3.00"});
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_return_no_receipt(form, view, ui_test.input, intents, ui);
    };
    CHECK(only<ui::intent::RemoveReturnItem>(ui_test.type("{Up}{Delete}", draw)).index == 0);
    CHECK(ui_test.type("{Tab}why{Enter}8801{Enter}12", draw).empty());
    CHECK(form.approving);
    CHECK(ui_test.type("{Esc}", draw).empty());
    CHECK_FALSE(form.approving);
    CHECK(form.pin.empty());
    (void)only<ui::intent::Leave>(ui_test.type("{Esc}", draw));
    form = ui::NoReceiptForm{};
    (void)only<ui::intent::OpenReturn>(ui_test.type("{F2}", draw));  // the receipt turned up
}

TEST_CASE("new_screens: F2 on the return screen before a receipt is found opens the return without one") {
    Headless ui_test;
    ui::ReturnForm form;
    ui::ReturnView view;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_return(form, view, ui_test.input, intents, ui);
    };
    (void)only<ui::intent::OpenNoReceiptReturn>(ui_test.type("{F2}", draw));
}
