// The checkout's screen table by keys: where Esc leads from each screen (back to where it was
// opened from), and that a refusal is shown on the screen the cashier is looking at.
#include <doctest/doctest.h>

#include "tests/checkout/driver.hpp"

namespace pos::testing {

using ui::Key;
using ui::Screen;

TEST_CASE("checkout: Esc goes back to the screen a drawer movement or report was opened from") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    till.press(Key::f11);  // pay-in from the sale screen
    CHECK(till.state().screen == Screen::cash_movement);
    till.press(Key::escape);
    CHECK(till.state().screen == Screen::sale);
    till.press(Key::f12);
    CHECK(till.state().screen == Screen::shift_menu);
    till.press(Key::f11);  // pay-in from the shift menu
    CHECK(till.state().screen == Screen::cash_movement);
    till.press(Key::escape);
    CHECK(till.state().screen == Screen::shift_menu);
    till.type("1");  // the X report
    CHECK(till.state().screen == Screen::shift_report);
    till.press(Key::escape);
    CHECK(till.state().screen == Screen::shift_menu);
    till.press(Key::escape);
    CHECK(till.state().screen == Screen::sale);
    till.press(Key::f9);
    CHECK(till.state().screen == Screen::returns);
    till.press(Key::escape);
    CHECK(till.state().screen == Screen::sale);
}

TEST_CASE("checkout: a result is shown on the screen it belongs to") {
    CheckoutDriver till;
    till.log_in_and_open_shift();
    till.keys("6921168176748{Enter}{F9}");  // a sale is open: F9 is refused on the sale screen
    CHECK(till.state().screen == Screen::sale);
    CHECK(till.state().sale.notice.tone == ui::Tone::error);
    till.keys("{F12}{F11}");  // the drawer waits for the sale too: the menu says so
    CHECK(till.state().screen == Screen::shift_menu);
    CHECK(till.state().menu.notice.tone == ui::Tone::error);
}

}  // namespace pos::testing
