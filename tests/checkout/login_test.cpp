// The checkout by keys from the login screen to selling: the PIN checked by the lane, the
// refused one cleared with the focus back on it, and the shift opened with the default float.
#include <doctest/doctest.h>

#include "tests/checkout/driver.hpp"

namespace pos::testing {

using ui::Key;
using ui::Screen;

TEST_CASE("checkout: the right PIN logs the cashier in and asks for the float") {
    CheckoutDriver till;
    REQUIRE(till.state().screen == Screen::login);
    till.type("1001");
    till.press(Key::enter);
    CHECK(till.state().login.field == ui::LoginForm::Field::pin);
    till.type("1234");
    till.press(Key::enter);
    CHECK(till.state().screen == Screen::open_shift);
    CHECK(static_cast<bool>(till.lane().operator_user()));
}

TEST_CASE("checkout: a wrong PIN is refused, cleared, and the PIN field keeps the focus") {
    CheckoutDriver till;
    till.keys("1001{Enter}999999{Enter}");
    const ui::LoginForm& form = till.state().login;
    CHECK(till.state().screen == Screen::login);
    CHECK(form.notice.tone == ui::Tone::error);
    CHECK(form.notice.text == till.tr()("error.wrong_pin"));
    CHECK(form.pin.empty());
    CHECK(form.operator_id.text == "1001");
    CHECK(form.field == ui::LoginForm::Field::pin);
    CHECK_FALSE(static_cast<bool>(till.lane().operator_user()));
    till.keys("1234{Enter}");  // typed again: in
    CHECK(till.state().screen == Screen::open_shift);
}

TEST_CASE("checkout: an unknown operator is cleared and the operator field takes the focus") {
    CheckoutDriver till;
    till.keys("4242{Enter}1234{Enter}");
    const ui::LoginForm& form = till.state().login;
    CHECK(till.state().screen == Screen::login);
    CHECK(form.operator_id.empty());
    CHECK(form.pin.empty());
    CHECK(form.field == ui::LoginForm::Field::operator_id);
}

TEST_CASE("checkout: Enter on the float opens the shift with 200.00 and goes to selling") {
    CheckoutDriver till;
    till.keys("1001{Enter}1234{Enter}");
    till.press(Key::enter);
    CHECK(till.state().screen == Screen::sale);
    auto report = till.lane().shift_report(std::nullopt);
    REQUIRE(report.ok());
    CHECK(report->expected_cash == core::Money::yuan(200));
    CHECK(till.state().sale.notice.tone == ui::Tone::success);
}

TEST_CASE("checkout: a typed float opens the shift with it") {
    CheckoutDriver till;
    till.keys("1001{Enter}1234{Enter}");
    till.keys("350{Enter}");
    REQUIRE(till.state().screen == Screen::sale);
    auto report = till.lane().shift_report(std::nullopt);
    REQUIRE(report.ok());
    CHECK(report->expected_cash == core::Money::yuan(350));
}

}  // namespace pos::testing
