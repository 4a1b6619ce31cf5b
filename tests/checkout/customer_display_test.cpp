// The customer display follows a sale driven by keys: the exact bytes an LED8 or a VFD on a
// pseudo-terminal receives for each item, the total, the change and the idle text, and a display
// unplugged mid-sale that neither stops the sale nor misses what the customer should see.
#include <doctest/doctest.h>

#include <string>

#include "pos/actions/devices/customer_display.hpp"
#include "tests/checkout/driver.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/pty_device.hpp"
#include "tests/support/temp_dir.hpp"

namespace pos::testing {

using ui::Key;
using ui::Screen;

namespace {

constexpr const char* water = "6921168176748";  // 农夫山泉 550ml, 2.00 in the demo catalog

actions::DisplayConfig display_on(const std::string& port, drivers::display::DisplayModel model) {
    actions::DisplayConfig config;
    config.model = model;
    config.port = port;
    config.line = {2400, 8, drivers::serial::Parity::none, 1};
    return config;
}

}  // namespace

TEST_CASE("checkout: an LED8 display shows each item's price, the total, the change, then idles") {
    TempDir dir;
    PtyDevice device(dir.file("led8"));
    CheckoutDriver till;
    actions::CustomerDisplay display(display_on(device.path(), drivers::display::DisplayModel::led8), {}, "");
    till.checkout().set_customer_display(&display);
    till.log_in_and_open_shift();
    CHECK(device.received(14) ==
          "\x1B@\x0C"             // initialise, clear
          "\x1Bs0\x1BQA0.00\r");  // no sale: all lamps off
    till.keys(std::string(water) + "{Enter}");
    CHECK(device.received(11) == "\x1Bs1\x1BQA2.00\r");  // 单价 2.00
    till.keys("3*{Enter}");                              // the same price: nothing new for an LED8
    till.press(Key::enter);                              // to payment
    REQUIRE(till.state().screen == Screen::tender);
    CHECK(device.received(11) == "\x1Bs2\x1BQA6.00\r");  // 合计 6.00
    till.keys("50{Enter}");
    REQUIRE(till.state().tender.done.has_value());
    CHECK(device.received(12) == "\x1Bs4\x1BQA44.00\r");  // 找零 44.00
    till.press(Key::escape);
    REQUIRE(till.state().screen == Screen::sale);
    CHECK(device.received(11) == "\x1Bs0\x1BQA0.00\r");  // the next customer: idle
    REQUIRE(eventually("the display reports its updates", [&] { return display.status().shown == 5; }));
    CHECK(device.pending().empty());
    CHECK(display.status().connected);
}

TEST_CASE("checkout: a VFD shows the item and running total, then paid and change, in GB2312") {
    TempDir dir;
    PtyDevice device(dir.file("vfd"));
    CheckoutDriver till;
    actions::CustomerDisplay display(display_on(device.path(), drivers::display::DisplayModel::vfd), {}, "欢迎光临");
    till.checkout().set_customer_display(&display);
    drivers::display::VfdEncoder vfd;  // the encoder's own bytes are checked in tests/drivers/display
    auto bytes = [&](const char* line1, const char* line2) {
        std::vector<uint8_t> shown = vfd.show(line1, line2);
        return std::string(shown.begin(), shown.end());
    };
    till.log_in_and_open_shift();
    std::string idle = bytes("欢迎光临", "");
    CHECK(device.received(3 + idle.size()) == "\x1B@\x0C" + idle);
    till.keys(std::string(water) + "{Enter}");
    // The test screen is in English: the item's English name, cut where the price needs the room.
    std::string item = bytes("Nongfu Spring N 2.00", "合计            2.00");
    CHECK(device.received(item.size()) == item);
    till.keys("3*{Enter}");
    item = bytes("Nongfu Spring N 2.00", "合计            6.00");
    CHECK(device.received(item.size()) == item);
    till.keys("{Enter}50{Enter}");
    REQUIRE(till.state().tender.done.has_value());
    // Paying went by faster than the display may have shown it; the change is what stays.
    std::string change = bytes("收款           50.00", "找零           44.00");
    std::string seen;
    REQUIRE(eventually("the change on the display", [&] {
        seen += device.pending();
        return seen.ends_with(change);
    }));
}

TEST_CASE("checkout: a display unplugged mid-sale holds nothing up and shows the sale when it is back") {
    TempDir dir;
    PtyDevice device(dir.file("led8"));
    CheckoutDriver till;
    actions::DisplayConfig config = display_on(device.path(), drivers::display::DisplayModel::led8);
    actions::CustomerDisplay display(config, {}, "");
    till.checkout().set_customer_display(&display);
    till.log_in_and_open_shift();
    CHECK(device.received(14) == "\x1B@\x0C\x1Bs0\x1BQA0.00\r");
    device.unplug();
    till.keys(std::string(water) + "{Enter}3*{Enter}{Enter}");
    REQUIRE(till.state().screen == Screen::tender);  // the sale went on
    REQUIRE(eventually("the display is seen gone", [&] { return !display.status().connected; }));
    CHECK_FALSE(display.status().problem.empty());
    device.plug_in();
    // Back: initialised again and shown what the customer should see now, the total.
    CHECK(device.received(14) == "\x1B@\x0C\x1Bs2\x1BQA6.00\r");
    REQUIRE(eventually("the display is seen back", [&] { return display.status().connected; }));
}

}  // namespace pos::testing
