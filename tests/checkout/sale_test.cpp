// The checkout by keys on the sale and payment screens: codes typed and entered, a quantity
// changed, a line voided with a supervisor's approval, cash paid with change, 挂单 and 取单.
#include <doctest/doctest.h>

#include <string>

#include "tests/checkout/driver.hpp"

namespace pos::testing {

using ui::Key;
using ui::Screen;

namespace {

constexpr const char* water = "6921168176748";  // 农夫山泉 550ml, 2.00 in the demo catalog
constexpr const char* second_item = "6928804835168";

core::Money subtotal(actions::Lane& lane) { return lane.ticket().payment(lane.config().cash_rounding).subtotal; }

}  // namespace

TEST_CASE("checkout: a code typed and entered adds a line to the ticket") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    till.type(water);
    till.press(Key::enter);
    const auto& lines = till.lane().ticket().lines();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].gtin.ends_with(water));  // kept as a GTIN-14
    CHECK(lines[0].quantity == core::Quantity::units(1));
    CHECK(subtotal(till.lane()) == core::Money::yuan(2));
    CHECK(till.state().sale.selected_line == 1);
    CHECK(till.state().sale.input.empty());
}

TEST_CASE("checkout: an unknown code is refused on the sale screen and nothing is added") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    till.keys("6921168176741{Enter}");
    CHECK(till.lane().ticket().lines().empty());
    CHECK(till.state().sale.notice.tone == ui::Tone::error);
}

TEST_CASE("checkout: QTY* Enter changes the selected line's quantity") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    till.keys(std::string(water) + "{Enter}3*{Enter}");
    const auto& lines = till.lane().ticket().lines();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].quantity == core::Quantity::units(3));
    CHECK(subtotal(till.lane()) == core::Money::yuan(6));
    CHECK(till.state().sale.notice.tone == ui::Tone::success);
}

TEST_CASE("checkout: Delete voids the selected line once a supervisor approves") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    till.keys(std::string(water) + "{Enter}" + second_item + "{Enter}");
    core::Money before = subtotal(till.lane());
    till.press(Key::del);
    REQUIRE(till.state().sale.approval.open);
    CHECK(till.state().sale.approval.line == 2);
    till.keys("9001{Enter}999999{Enter}");
    CHECK_FALSE(till.state().sale.approval.open);
    const auto& lines = till.lane().ticket().lines();
    REQUIRE(lines.size() == 2);
    CHECK_FALSE(lines[0].voided);
    CHECK(lines[1].voided);
    CHECK(lines[1].voided_by == "9001");
    CHECK(subtotal(till.lane()) == core::Money::yuan(2));
    CHECK(before != core::Money::yuan(2));
}

TEST_CASE("checkout: a refused approval clears the PIN and puts the focus back on it") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    till.keys(std::string(water) + "{Enter}{Delete}9001{Enter}1111{Enter}");
    const ui::ApprovalForm& dialog = till.state().sale.approval;
    REQUIRE(dialog.open);
    CHECK(dialog.notice.tone == ui::Tone::error);
    CHECK(dialog.notice.text == till.tr()("error.wrong_pin"));
    CHECK(dialog.notice.detail.empty());
    CHECK(dialog.pin.empty());
    CHECK(dialog.approver.text == "9001");
    CHECK(dialog.field == ui::ApprovalForm::Field::pin);
    CHECK_FALSE(till.lane().ticket().lines()[0].voided);
    till.keys("999999{Enter}");  // the right PIN now: voided
    CHECK_FALSE(till.state().sale.approval.open);
    CHECK(till.lane().ticket().lines()[0].voided);
}

TEST_CASE("checkout: a cashier cannot approve a void: the approver is cleared and takes the focus") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    till.keys(std::string(water) + "{Enter}{Delete}1002{Enter}2345{Enter}");
    const ui::ApprovalForm& dialog = till.state().sale.approval;
    REQUIRE(dialog.open);
    CHECK(dialog.notice.tone == ui::Tone::error);
    CHECK(dialog.approver.empty());
    CHECK(dialog.pin.empty());
    CHECK(dialog.field == ui::ApprovalForm::Field::approver);
    CHECK_FALSE(till.lane().ticket().lines()[0].voided);
}

TEST_CASE("checkout: cash typed above the total pays the sale, shows the change and commits it") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    till.keys(std::string(water) + "{Enter}3*{Enter}");
    till.press(Key::enter);  // empty field: to payment
    REQUIRE(till.state().screen == Screen::tender);
    till.keys("50{Enter}");
    const auto& done = till.state().tender.done;
    REQUIRE(done.has_value());
    CHECK(done->total == core::Money::yuan(6));
    CHECK(done->paid == core::Money::yuan(50));
    CHECK(done->change == core::Money::yuan(44));
    CHECK(till.lane().ticket().lines().empty());
    auto sale = till.lane().find_returnable(std::to_string(done->receipt_no));
    REQUIRE(sale.ok());
    CHECK(sale->sale.total_fen == 600);
    CHECK(sale->sale.paid_fen == 5000);
    CHECK(sale->sale.change_fen == 4400);
    CHECK(sale->sale.operator_id == "1001");
    // The next scan starts the next customer's sale.
    till.keys(std::string(water) + "{Enter}");
    CHECK(till.state().screen == Screen::sale);
    CHECK(till.lane().ticket().lines().size() == 1);
}

TEST_CASE("checkout: F6 holds a ticket (挂单) and F6 on the empty ticket resumes it (取单)") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    till.keys(std::string(water) + "{Enter}" + second_item + "{Enter}");
    core::Money total = subtotal(till.lane());
    till.press(Key::f6);
    CHECK(till.lane().ticket().lines().empty());
    auto held = till.lane().held_tickets();
    REQUIRE(held.ok());
    REQUIRE(held->size() == 1);
    CHECK(held->front().total == total);
    CHECK(till.state().sale.notice.tone == ui::Tone::success);
    till.press(Key::f6);
    CHECK(till.lane().ticket().lines().size() == 2);
    CHECK(subtotal(till.lane()) == total);
    held = till.lane().held_tickets();
    REQUIRE(held.ok());
    CHECK(held->empty());
    CHECK(till.state().sale.selected_line == 2);
}

TEST_CASE("checkout: with two tickets held, F6 lists them and Enter resumes the one selected") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    till.keys(std::string(water) + "{Enter}{F6}");
    till.keys(std::string(second_item) + "{Enter}3*{Enter}{F6}");
    till.press(Key::f6);
    REQUIRE(till.state().sale.held.open);
    till.press(Key::enter);
    CHECK_FALSE(till.state().sale.held.open);
    REQUIRE(till.lane().ticket().lines().size() == 1);
    auto held = till.lane().held_tickets();
    REQUIRE(held.ok());
    CHECK(held->size() == 1);
}

}  // namespace pos::testing
