// The checkout by keys on F9 退货: a receipt of this lane looked up, a line's quantity, the
// reason and the supervisor; a refused approval clears the PIN and keeps the cashier on it.
#include <doctest/doctest.h>

#include <string>

#include "pos/core/returns.hpp"
#include "tests/checkout/driver.hpp"

namespace pos::testing {

using ui::Key;
using ui::Screen;

namespace {

constexpr const char* water = "6921168176748";  // 2.00 in the demo catalog

// Sells three bottles of water for exact cash and goes back to the sale screen; the receipt number.
int64_t sell_three_waters(CheckoutDriver& till) {
    till.keys(std::string(water) + "{Enter}3*{Enter}{Enter}{Enter}");
    REQUIRE(till.state().tender.done.has_value());
    int64_t receipt = till.state().tender.done->receipt_no;
    till.press(Key::enter);  // to the next customer
    REQUIRE(till.state().screen == Screen::sale);
    return receipt;
}

}  // namespace

TEST_CASE("checkout: F9 finds a receipt of this lane and a refused PIN is typed again before the refund") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    int64_t receipt = sell_three_waters(till);
    till.press(Key::f9);
    REQUIRE(till.state().screen == Screen::returns);
    till.keys(std::to_string(receipt) + "{Enter}");
    till.wait_for_lookup();
    const ui::ReturnForm& form = till.state().returns;
    REQUIRE(form.quantities.size() == 1);
    CHECK(form.field == ui::ReturnForm::Field::quantity);
    till.keys("1{Enter}broken{Enter}9001{Enter}1111{Enter}");
    CHECK(till.state().screen == Screen::returns);
    CHECK(form.notice.tone == ui::Tone::error);
    CHECK(form.pin.empty());
    CHECK(form.approver.text == "9001");
    CHECK(form.field == ui::ReturnForm::Field::pin);
    till.keys("9999{Enter}");
    CHECK(till.state().screen == Screen::sale);
    CHECK(till.state().sale.notice.tone == ui::Tone::success);
    auto sale = till.lane().find_returnable(std::to_string(receipt));
    REQUIRE(sale.ok());
    REQUIRE(sale->lines.size() == 1);
    CHECK(core::returnable_milli(sale->lines[0]) == 2000);  // one of three came back
}

TEST_CASE("checkout: a cashier's number as approver of a return is cleared and asked again") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    int64_t receipt = sell_three_waters(till);
    till.keys("{F9}" + std::to_string(receipt) + "{Enter}");
    till.wait_for_lookup();
    till.keys("1{Enter}broken{Enter}1002{Enter}2345{Enter}");
    const ui::ReturnForm& form = till.state().returns;
    CHECK(till.state().screen == Screen::returns);
    CHECK(form.notice.tone == ui::Tone::error);
    CHECK(form.approver.empty());
    CHECK(form.pin.empty());
    CHECK(form.field == ui::ReturnForm::Field::approver);
}

}  // namespace pos::testing
