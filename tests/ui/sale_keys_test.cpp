// The sale screen's F6 (挂单/取单), F8 (lookup) and `/` (price change) keys, headless.
#include <doctest/doctest.h>

#include <imgui.h>

#include "pos/ui/screens.hpp"
#include "tests/ui/headless.hpp"

namespace ui = pos::ui;
using pos::core::Money;
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

ui::HeldView held(const std::string& id, const std::string& time) { return ui::HeldView{id, time, 2, "¥7.00"}; }

}  // namespace

TEST_CASE("sale keys: F6 holds a ticket with items") {
    Headless ui_test;
    ui::SaleForm form;
    ui::SaleView view = two_lines();
    view.held = {held("a", "10:00")};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_sale(form, view, ui_test.input, intents, ui); };
    (void)only<ui::intent::Suspend>(ui_test.type("{F6}", draw));
}

TEST_CASE("sale keys: F6 on an empty ticket resumes the only held one, or says none is held") {
    Headless ui_test;
    ui::SaleForm form;
    ui::SaleView view;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_sale(form, view, ui_test.input, intents, ui); };

    CHECK(ui_test.type("{F6}", draw).empty());
    CHECK(form.notice.tone == ui::Tone::info);
    CHECK_FALSE(form.held.open);

    view.held = {held("only", "10:00")};
    CHECK(only<ui::intent::Resume>(ui_test.type("{F6}", draw)).id == "only");
}

TEST_CASE("sale keys: F6 with several held lists them, ↑↓ Enter or a digit picks, Esc closes") {
    Headless ui_test;
    ui::SaleForm form;
    ui::SaleView view;
    view.held = {held("a", "10:00"), held("b", "10:05"), held("c", "10:09")};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_sale(form, view, ui_test.input, intents, ui); };

    CHECK(ui_test.type("{F6}", draw).empty());
    CHECK(form.held.open);
    CHECK(only<ui::intent::Resume>(ui_test.type("{Down}{Enter}", draw)).id == "b");

    form.held = ui::HeldListForm{};
    CHECK(only<ui::intent::Resume>(ui_test.type("{F6}3", draw)).id == "c");

    form.held = ui::HeldListForm{};
    CHECK(ui_test.type("{F6}{Esc}", draw).empty());
    CHECK_FALSE(form.held.open);
    // Digits typed after the list closed go to the scan field again.
    CHECK(ui_test.type("12", draw).empty());
    CHECK(form.input.text == "12");
}

TEST_CASE("sale keys: F8 searches as typed, Enter adds the selected item by SKU, Esc goes back") {
    Headless ui_test;
    ui::SaleForm form;
    ui::SaleView view;
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_sale(form, view, ui_test.input, intents, ui); };

    CHECK(ui_test.type("{F8}nfsq", draw).empty());
    CHECK(form.lookup.open);
    CHECK(form.lookup.query.text == "nfsq");
    CHECK(form.input.empty());

    view.found = {ui::FoundItem{"100001", "农夫山泉", "550ml", "2.00", false},
                  ui::FoundItem{"100002", "农夫山泉 1.5L", "1.5L", "4.00", false}};
    const auto& scan = only<ui::intent::Scan>(ui_test.type("{Down}{Enter}", draw));
    CHECK(scan.code == "100002");
    CHECK(scan.quantity_text.empty());
    CHECK_FALSE(form.lookup.open);

    CHECK(ui_test.type("{F8}ab{Backspace}{Esc}", draw).empty());
    CHECK_FALSE(form.lookup.open);
}

TEST_CASE("sale keys: F8 on a weighed item asks its weight, which becomes the quantity") {
    Headless ui_test;
    ui::SaleForm form;
    ui::SaleView view;
    view.found = {ui::FoundItem{"200101", "香蕉", "", "6.98/kg", true}};
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_sale(form, view, ui_test.input, intents, ui); };

    CHECK(ui_test.type("{F8}xj{Enter}", draw).empty());
    CHECK(form.lookup.asking_weight);
    CHECK(ui_test.type("{Enter}", draw).empty());  // no weight yet
    CHECK(form.lookup.notice.shown());
    const auto& scan = only<ui::intent::Scan>(ui_test.type("0.350{Enter}", draw));
    CHECK(scan.code == "200101");
    CHECK(scan.quantity_text == "0.350");
}

TEST_CASE("sale keys: / changes the selected line's price with a supervisor's number and PIN") {
    Headless ui_test;
    ui::SaleForm form;
    ui::SaleView view = two_lines();
    auto draw = [&](ui::Intents& intents, const ui::Ui& ui) { ui::draw_sale(form, view, ui_test.input, intents, ui); };

    const auto& price = only<ui::intent::OverridePrice>(ui_test.type("/3.50{Enter}9001{Enter}999999{Enter}", draw));
    CHECK(price.line == 2);
    CHECK(price.price_text == "3.50");
    CHECK(price.approver == "9001");
    CHECK(price.pin == "999999");

    form.approval = ui::ApprovalForm{};
    CHECK(ui_test.type("{Up}/1{Esc}", draw).empty());
    CHECK_FALSE(form.approval.open);
    CHECK(form.selected_line == 1);

    // Delete still voids: the same dialog without the price.
    CHECK(only<ui::intent::VoidLine>(ui_test.type("{Delete}9001{Enter}999999{Enter}", draw)).line == 1);
}
