// The F9 return screen headless: receipt lookup, quantities per line, reason and supervisor;
// the intents it records are checked exactly (the Lane's rules are tested in tests/actions).
#include <doctest/doctest.h>

#include <imgui.h>

#include "pos/ui/screens.hpp"
#include "tests/ui/headless.hpp"

namespace ui = pos::ui;
using pos::testing::Headless;
using pos::testing::only;

namespace {

ui::ReturnView two_lines() {
    ui::ReturnView view;
    view.receipt = "0100000001";
    view.sold_at = "2026-11-23 09:15";
    view.total = "10.40";
    view.lines = {{1, "Nongfu Spring 550ml", "3", "3", "6.00"}, {2, "Red Fuji Apples", "0.350 kg", "0.350 kg", "4.48"}};
    return view;
}

}  // namespace

TEST_CASE("return_screen: F9 on the sale screen opens the return screen") {
    Headless ui_test;
    ui::SaleForm form;
    ui::SaleView view;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_sale(form, view, ui_test.input, intents, ui); };
    (void)only<ui::intent::OpenReturn>(ui_test.type("{F9}", draw));
}

TEST_CASE("return_screen: the receipt typed and Enter looks it up, Esc goes back") {
    Headless ui_test;
    ui::ReturnForm form;
    ui::ReturnView view;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_return(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("{Enter}", draw).empty());  // nothing typed yet
    CHECK(only<ui::intent::LookupReturn>(ui_test.type("0100000001{Enter}", draw)).receipt == "0100000001");
    (void)only<ui::intent::Leave>(ui_test.type("{Esc}", draw));
}

TEST_CASE("return_screen: quantities per line, reason and supervisor, Enter on the PIN commits") {
    Headless ui_test;
    ui::ReturnForm form;
    ui::ReturnView view = two_lines();
    form.receipt.text = view.receipt;
    form.quantities.assign(2, ui::Entry{ui::EntryKind::decimal, 9, {}, false});
    form.field = ui::ReturnForm::Field::quantity;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_return(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("1{Down}0.2{Enter}broken{Enter}9001{Enter}", draw).empty());
    CHECK(form.field == ui::ReturnForm::Field::pin);
    const auto commit = only<ui::intent::CommitReturn>(ui_test.type("999999{Enter}", draw));
    CHECK(commit.receipt == "0100000001");
    REQUIRE(commit.lines.size() == 2);
    CHECK(commit.lines[0].line == 1);
    CHECK(commit.lines[0].quantity_text == "1");
    CHECK(commit.lines[1].line == 2);
    CHECK(commit.lines[1].quantity_text == "0.2");
    CHECK(commit.reason == "broken");
    CHECK(commit.approver == "9001");
    CHECK(commit.pin == "999999");
}

TEST_CASE("return_screen: a line left empty is not returned") {
    Headless ui_test;
    ui::ReturnForm form;
    ui::ReturnView view = two_lines();
    form.quantities.assign(2, ui::Entry{ui::EntryKind::decimal, 9, {}, false});
    form.field = ui::ReturnForm::Field::quantity;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_return(form, view, ui_test.input, intents, ui);
    };
    const auto commit =
        only<ui::intent::CommitReturn>(ui_test.type("{Down}0.35{Tab}{Tab}9001{Tab}999999{Enter}", draw));
    REQUIRE(commit.lines.size() == 1);
    CHECK(commit.lines[0].line == 2);
    CHECK(commit.lines[0].quantity_text == "0.35");
    CHECK(commit.reason.empty());
}

TEST_CASE("return_screen: while the receipt is looked up, keys wait in the queue for its lines") {
    Headless ui_test;
    ui::ReturnForm form;
    form.receipt.text = "1";
    form.looking_up = true;
    ui::ReturnView view;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) {
        ui::draw_return(form, view, ui_test.input, intents, ui);
    };
    CHECK(ui_test.type("2{Enter}", draw).empty());
    CHECK(form.receipt.text == "1");
    REQUIRE_FALSE(ui_test.input.empty());
    form.looking_up = false;  // the answer came (here: nothing found, the receipt field again)
    const auto& lookup = only<ui::intent::LookupReturn>(ui_test.type("", draw));
    CHECK(lookup.receipt == "12");
}
